#ifndef CZHENGWUKIT_OPENSSL_SHIM_H
#define CZHENGWUKIT_OPENSSL_SHIM_H

// The one door from Swift into libcrypto. Swift cannot import function-like
// macros or variadic functions, so each one GMCrypto and GMCertificates need gets a
// static inline wrapper here (see Documentation/Platform.md). Only those two modules
// import this one, with `internal import`, so no client ever sees the C API.

#include <openssl/opensslv.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/ec.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/obj_mac.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/x509_vfy.h>

static inline void CZWK_OPENSSL_free(void *pointer) {
    OPENSSL_free(pointer);
}

static inline long CZWK_BIO_get_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

#include "shim_evp.h"
#include "shim_x509.h"
#include "shim_x509_parse.h"

#endif
