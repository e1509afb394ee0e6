#ifndef CZHENGWUKIT_OPENSSL_SHIM_X509_H
#define CZHENGWUKIT_OPENSSL_SHIM_X509_H
// Wrappers for X.509 (certificates, names, extensions, CRLs, OCSP) that Swift cannot import.
// Chains are built and checked in Swift (GMCertificates' X509Verifier), not by X509_verify_cert.
#endif
