#ifndef CZHENGWUKIT_OPENSSL_SHIM_X509_PARSE_H
#define CZHENGWUKIT_OPENSSL_SHIM_X509_PARSE_H
// Pieces of certificate reading that GMCertificates leaves to OpenSSL after swift-asn1 has
// taken the certificate apart. d2i_X509 itself is not used on that path: OpenSSL 3.0
// decodes the subject key inside it through a freshly built OSSL_DECODER chain, which
// costs about as much as an SM2 verification (see Documentation/GMCertificates.md).

#include <openssl/x509v3.h>

// What OpenSSL's own extension cache (ossl_x509v3_cache_extensions) concludes from a
// certificate's extensions, computed from the extensions alone.
typedef struct {
    int invalid;          // what EXFLAG_INVALID means: a duplicate or undecodable extension, ...
    int has_basic_constraints;
    int is_ca;
    long path_length;     // -1 when absent
    int has_key_usage;
    unsigned int key_usage; // KU_* bits
} CZWK_extension_summary;

// Counts as OpenSSL does (X509V3_get_d2i with no index): found once and decoded -> value
// with *found the critical flag; absent -> NULL with *found -1; present twice -> NULL with
// *found -2; undecodable -> NULL with *found the critical flag. `nids` holds each
// extension's NID, looked up once rather than once per NID asked for.
static inline void *CZWK_ext_d2i(const STACK_OF(X509_EXTENSION) *exts, const int *nids, int count, int nid,
                                 int *found) {
    int match = -1;
    *found = -1;
    for (int i = 0; i < count; i++) {
        if (nids[i] != nid) continue;
        if (match >= 0) {
            *found = -2;
            return NULL;
        }
        match = i;
    }
    if (match < 0) return NULL;
    X509_EXTENSION *ext = sk_X509_EXTENSION_value(exts, match);
    *found = X509_EXTENSION_get_critical(ext);
    return X509V3_EXT_d2i(ext);
}

// Reads the DER `SEQUENCE OF Extension` and fills `summary` with the same rules as
// OpenSSL 3.0's extension cache (v3_purp.c): the certificate is invalid when a
// recognised extension is duplicated or cannot be decoded, when the path length is
// negative, when the key usage is empty, when a proxy certificate is also a CA or has
// alternative names, and when a CRL distribution point names neither a point nor an issuer.
// Returns 1 when the sequence itself decoded, 0 otherwise.
static inline int CZWK_x509_summarise_extensions(const unsigned char *der, long length,
                                                 CZWK_extension_summary *summary) {
    const unsigned char *cursor = der;
    X509_EXTENSIONS *exts = d2i_X509_EXTENSIONS(NULL, &cursor, length);
    int found = -1;
    memset(summary, 0, sizeof *summary);
    summary->path_length = -1;
    if (exts == NULL || cursor != der + length) {
        sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
        return 0;
    }
    int count = sk_X509_EXTENSION_num(exts);
    int *nids = OPENSSL_malloc(sizeof *nids * (count > 0 ? count : 1));
    if (nids == NULL) {
        sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
        return 0;
    }
    for (int i = 0; i < count; i++)
        nids[i] = OBJ_obj2nid(X509_EXTENSION_get_object(sk_X509_EXTENSION_value(exts, i)));

    BASIC_CONSTRAINTS *bs = CZWK_ext_d2i(exts, nids, count, NID_basic_constraints, &found);
    if (bs != NULL) {
        summary->has_basic_constraints = 1;
        summary->is_ca = bs->ca != 0;
        if (bs->pathlen != NULL) {
            if (bs->pathlen->type == V_ASN1_NEG_INTEGER) summary->invalid = 1;
            else summary->path_length = ASN1_INTEGER_get(bs->pathlen);
        }
        BASIC_CONSTRAINTS_free(bs);
    } else if (found != -1) {
        summary->invalid = 1;
    }

    PROXY_CERT_INFO_EXTENSION *pci = CZWK_ext_d2i(exts, nids, count, NID_proxyCertInfo, &found);
    if (pci != NULL) {
        if (summary->is_ca || X509v3_get_ext_by_NID(exts, NID_subject_alt_name, -1) >= 0
            || X509v3_get_ext_by_NID(exts, NID_issuer_alt_name, -1) >= 0)
            summary->invalid = 1;
        PROXY_CERT_INFO_EXTENSION_free(pci);
    } else if (found != -1) {
        summary->invalid = 1;
    }

    ASN1_BIT_STRING *usage = CZWK_ext_d2i(exts, nids, count, NID_key_usage, &found);
    if (usage != NULL) {
        summary->has_key_usage = 1;
        if (usage->length > 0) {
            summary->key_usage = usage->data[0];
            if (usage->length > 1) summary->key_usage |= (unsigned int)usage->data[1] << 8;
        }
        if (summary->key_usage == 0) summary->invalid = 1;
        ASN1_BIT_STRING_free(usage);
    } else if (found != -1) {
        summary->invalid = 1;
    }

    EXTENDED_KEY_USAGE *eku = CZWK_ext_d2i(exts, nids, count, NID_ext_key_usage, &found);
    if (eku != NULL) EXTENDED_KEY_USAGE_free(eku);
    else if (found != -1) summary->invalid = 1;

    ASN1_BIT_STRING *ns = CZWK_ext_d2i(exts, nids, count, NID_netscape_cert_type, &found);
    if (ns != NULL) ASN1_BIT_STRING_free(ns);
    else if (found != -1) summary->invalid = 1;

    ASN1_OCTET_STRING *skid = CZWK_ext_d2i(exts, nids, count, NID_subject_key_identifier, &found);
    if (skid != NULL) ASN1_OCTET_STRING_free(skid);
    else if (found != -1) summary->invalid = 1;

    AUTHORITY_KEYID *akid = CZWK_ext_d2i(exts, nids, count, NID_authority_key_identifier, &found);
    if (akid != NULL) AUTHORITY_KEYID_free(akid);
    else if (found != -1) summary->invalid = 1;

    GENERAL_NAMES *san = CZWK_ext_d2i(exts, nids, count, NID_subject_alt_name, &found);
    if (san != NULL) GENERAL_NAMES_free(san);
    else if (found != -1) summary->invalid = 1;

    NAME_CONSTRAINTS *nc = CZWK_ext_d2i(exts, nids, count, NID_name_constraints, &found);
    if (nc != NULL) NAME_CONSTRAINTS_free(nc);
    else if (found != -1) summary->invalid = 1;

    CRL_DIST_POINTS *crldp = CZWK_ext_d2i(exts, nids, count, NID_crl_distribution_points, &found);
    if (crldp != NULL) {
        for (int i = 0; i < sk_DIST_POINT_num(crldp); i++) {
            DIST_POINT *dp = sk_DIST_POINT_value(crldp, i);
            if (dp->distpoint == NULL && sk_GENERAL_NAME_num(dp->CRLissuer) <= 0) summary->invalid = 1;
        }
        CRL_DIST_POINTS_free(crldp);
    } else if (found != -1) {
        summary->invalid = 1;
    }

#ifndef OPENSSL_NO_RFC3779
    IPAddrBlocks *addr = CZWK_ext_d2i(exts, nids, count, NID_sbgp_ipAddrBlock, &found);
    if (addr != NULL) sk_IPAddressFamily_pop_free(addr, IPAddressFamily_free);
    else if (found != -1) summary->invalid = 1;
    ASIdentifiers *asid = CZWK_ext_d2i(exts, nids, count, NID_sbgp_autonomousSysNum, &found);
    if (asid != NULL) ASIdentifiers_free(asid);
    else if (found != -1) summary->invalid = 1;
#endif

    OPENSSL_free(nids);
    sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
    ERR_clear_error();
    return 1;
}

// A public key of `template`'s type and curve holding the encoded point `pub`
// (uncompressed or compressed). Duplicating a key shares the curve OpenSSL built once;
// EVP_PKEY_fromdata would build the curve twice per key (about 40 us for SM2).
// OpenSSL checks that the point is on the curve. NULL when it is not, or on failure.
static inline EVP_PKEY *CZWK_ec_public_from_template(const EVP_PKEY *template_key,
                                                     const unsigned char *pub, size_t pub_len) {
    EVP_PKEY *key = EVP_PKEY_dup((EVP_PKEY *)template_key);
    if (key == NULL) return NULL;
    if (EVP_PKEY_set1_encoded_public_key(key, pub, pub_len) != 1) {
        EVP_PKEY_free(key);
        return NULL;
    }
    return key;
}

// The uncompressed encoding of curve `nid`'s generator, the public point of the
// templates above (any valid point would do; this one needs no randomness).
static inline size_t CZWK_ec_generator(int nid, unsigned char *out, size_t out_len) {
    EC_GROUP *group = EC_GROUP_new_by_curve_name(nid);
    if (group == NULL) return 0;
    size_t length = EC_POINT_point2oct(group, EC_GROUP_get0_generator(group), POINT_CONVERSION_UNCOMPRESSED,
                                       out, out_len, NULL);
    EC_GROUP_free(group);
    return length;
}

#endif
