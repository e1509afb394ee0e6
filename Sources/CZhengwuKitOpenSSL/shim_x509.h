#ifndef CZHENGWUKIT_OPENSSL_SHIM_X509_H
#define CZHENGWUKIT_OPENSSL_SHIM_X509_H
// Wrappers for X.509 (certificates, names, extensions, chain verification) that Swift cannot import.
#endif
