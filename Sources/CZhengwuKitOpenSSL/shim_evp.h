#ifndef CZHENGWUKIT_OPENSSL_SHIM_EVP_H
#define CZHENGWUKIT_OPENSSL_SHIM_EVP_H
// Wrappers for EVP (keys, digests, ciphers, signatures) that Swift cannot import.
#endif
