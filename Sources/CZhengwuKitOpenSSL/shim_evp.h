#ifndef CZHENGWUKIT_OPENSSL_SHIM_EVP_H
#define CZHENGWUKIT_OPENSSL_SHIM_EVP_H
// Wrappers for EVP (keys, digests, ciphers, signatures) that Swift cannot import,
// or cannot call safely.
//
// Building a key from raw numbers goes through OSSL_PARAM arrays whose entries
// point at C strings and buffers; OSSL_PARAM_BLD keeps those pointers until
// OSSL_PARAM_BLD_to_param runs. Swift's temporary C strings would dangle by then,
// so the builders live here, where every pointer outlives its use.

#include <openssl/param_build.h>

// Outcomes of CZWK_ec_pkey_from_raw, so Swift can say which input was wrong.
#define CZWK_RAW_OK 1
#define CZWK_RAW_FAILED 0
#define CZWK_RAW_BAD_SCALAR (-1)
#define CZWK_RAW_BAD_POINT (-2)

// Builds an EC-family key ("SM2" or "EC") on curve `nid` / `group_name` from a
// big-endian private scalar and/or an encoded public point (uncompressed or
// compressed). When only the scalar is given the public point is computed; the
// point handed to OpenSSL is always uncompressed, so exports never depend on how
// the caller encoded it.
static inline int CZWK_ec_pkey_from_raw(int nid, const char *key_type, const char *group_name,
                                        const unsigned char *priv, size_t priv_len,
                                        const unsigned char *pub, size_t pub_len,
                                        EVP_PKEY **out) {
    int status = CZWK_RAW_FAILED;
    EC_GROUP *group = NULL;
    EC_POINT *point = NULL;
    BIGNUM *scalar = NULL;
    BN_CTX *bn_ctx = NULL;
    OSSL_PARAM_BLD *builder = NULL;
    OSSL_PARAM *params = NULL;
    EVP_PKEY_CTX *ctx = NULL;
    unsigned char encoded[133];
    size_t encoded_len = 0;

    *out = NULL;
    group = EC_GROUP_new_by_curve_name(nid);
    bn_ctx = BN_CTX_new();
    if (group == NULL || bn_ctx == NULL) goto done;
    point = EC_POINT_new(group);
    if (point == NULL) goto done;

    if (priv != NULL) {
        scalar = BN_bin2bn(priv, (int)priv_len, NULL);
        if (scalar == NULL) goto done;
        const BIGNUM *order = EC_GROUP_get0_order(group);
        if (BN_is_zero(scalar) || BN_cmp(scalar, order) >= 0) { status = CZWK_RAW_BAD_SCALAR; goto done; }
        if (pub == NULL && !EC_POINT_mul(group, point, scalar, NULL, NULL, bn_ctx)) goto done;
    }
    if (pub != NULL) {
        if (!EC_POINT_oct2point(group, point, pub, pub_len, bn_ctx)
            || EC_POINT_is_at_infinity(group, point)
            || EC_POINT_is_on_curve(group, point, bn_ctx) != 1) {
            ERR_clear_error();
            status = CZWK_RAW_BAD_POINT;
            goto done;
        }
    }
    encoded_len = EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, encoded, sizeof encoded, bn_ctx);
    if (encoded_len == 0) goto done;

    builder = OSSL_PARAM_BLD_new();
    if (builder == NULL) goto done;
    if (!OSSL_PARAM_BLD_push_utf8_string(builder, OSSL_PKEY_PARAM_GROUP_NAME, group_name, 0)) goto done;
    if (!OSSL_PARAM_BLD_push_octet_string(builder, OSSL_PKEY_PARAM_PUB_KEY, encoded, encoded_len)) goto done;
    if (scalar != NULL && !OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_PRIV_KEY, scalar)) goto done;
    params = OSSL_PARAM_BLD_to_param(builder);
    if (params == NULL) goto done;

    ctx = EVP_PKEY_CTX_new_from_name(NULL, key_type, NULL);
    if (ctx == NULL || EVP_PKEY_fromdata_init(ctx) <= 0) goto done;
    if (EVP_PKEY_fromdata(ctx, out, scalar != NULL ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params) <= 0) goto done;
    status = CZWK_RAW_OK;

done:
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(builder);
    BN_clear_free(scalar);
    EC_POINT_free(point);
    BN_CTX_free(bn_ctx);
    EC_GROUP_free(group);
    OPENSSL_cleanse(encoded, sizeof encoded);
    return status;
}

// Builds an RSA public key from its big-endian modulus and public exponent.
static inline EVP_PKEY *CZWK_rsa_public_pkey(const unsigned char *n, size_t n_len,
                                             const unsigned char *e, size_t e_len) {
    EVP_PKEY *pkey = NULL;
    BIGNUM *modulus = BN_bin2bn(n, (int)n_len, NULL);
    BIGNUM *exponent = BN_bin2bn(e, (int)e_len, NULL);
    OSSL_PARAM_BLD *builder = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = NULL;
    EVP_PKEY_CTX *ctx = NULL;
    if (modulus == NULL || exponent == NULL || builder == NULL) goto done;
    if (!OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_N, modulus)) goto done;
    if (!OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_E, exponent)) goto done;
    params = OSSL_PARAM_BLD_to_param(builder);
    ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
    if (params == NULL || ctx == NULL || EVP_PKEY_fromdata_init(ctx) <= 0) goto done;
    if (EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) <= 0) pkey = NULL;
done:
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(builder);
    BN_free(modulus);
    BN_free(exponent);
    return pkey;
}

// Starts an HMAC over `digest_name` ("SM3") with `key`. The digest name is an
// OSSL_PARAM string, hence C.
static inline int CZWK_hmac_init(EVP_MAC_CTX *ctx, const unsigned char *key, size_t key_len,
                                 const char *digest_name) {
    OSSL_PARAM params[2];
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)digest_name, 0);
    params[1] = OSSL_PARAM_construct_end();
    return EVP_MAC_init(ctx, key, key_len, params);
}

// The length of the DER encoding `i2d_PKCS8_PRIV_KEY_INFO` would write for `pkey`'s
// private key, writing it to `*out` (allocated by OpenSSL, free with CZWK_OPENSSL_free).
static inline int CZWK_pkcs8_der(EVP_PKEY *pkey, unsigned char **out) {
    *out = NULL;
    PKCS8_PRIV_KEY_INFO *info = EVP_PKEY2PKCS8(pkey);
    if (info == NULL) return -1;
    int length = i2d_PKCS8_PRIV_KEY_INFO(info, out);
    PKCS8_PRIV_KEY_INFO_free(info);
    return length;
}

// OPENSSL_clear_free is a macro (it passes file and line).
static inline void CZWK_OPENSSL_clear_free(void *pointer, size_t length) {
    OPENSSL_clear_free(pointer, length);
}

#endif
