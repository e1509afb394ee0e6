#ifndef CZHENGWUKIT_ZLIB_SHIM_H
#define CZHENGWUKIT_ZLIB_SHIM_H

// The one door from Swift into zlib: OFD's package reader inflates entries through it. The
// same zlib already sits under ZIPFoundation on Linux, so this adds no library to the link.
// Only OFD imports this module, with `internal import`.

#include <zlib.h>

#endif
