#ifndef CZHENGWUKIT_XML2_SHIM_H
#define CZHENGWUKIT_XML2_SHIM_H

// The one door from Swift into libxml2. Only ZhengwuKitXML imports this module,
// with `internal import`, so no client ever sees the C API.

#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; encoding.h would then pull in <unicode/ucnv.h>,
// whose UErrorCode clashes with Foundation's copy in some build modes
// (see ../shared/docs/platform-notes.md). Nothing here needs ICU converters.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/tree.h>

#endif
