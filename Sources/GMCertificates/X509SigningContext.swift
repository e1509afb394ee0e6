internal import CZhengwuKitOpenSSL
import GMCrypto

/// The digest context OpenSSL's `X509_sign_ctx` and `X509_CRL_sign_ctx` sign with, set up
/// for an issuer key the way every verifier in the field expects.
enum X509SigningContext {
    /// Calls `sign` with a digest-sign context for `key` and answers whether it succeeded
    /// (OpenSSL's own error is left on its queue for the caller to report).
    static func sign(with key: X509Certificate.PrivateKey, _ sign: (OpaquePointer) -> Int32) -> Bool {
        guard let mdContext = EVP_MD_CTX_new() else { return false }
        var keyContext: OpaquePointer?
        defer {
            // The digest context does not own a key context set on it: free both, digest first.
            EVP_MD_CTX_free(mdContext)
            EVP_PKEY_CTX_free(keyContext)
        }
        let digest: OpaquePointer?
        switch key {
        case .sm2:
            // Signed under the default ID: every verifier in the field assumes it.
            let id = SM2.UserID.default.bytes
            keyContext = EVP_PKEY_CTX_new(key.evpKey.pointer, nil)
            guard let keyContext, EVP_PKEY_CTX_set1_id(keyContext, id, Int32(id.count)) == 1 else { return false }
            EVP_MD_CTX_set_pkey_ctx(mdContext, keyContext)
            digest = FetchedAlgorithms.sm3
        case .p256: digest = FetchedAlgorithms.sha256
        case .ed25519: digest = nil
        }
        guard EVP_DigestSignInit(mdContext, nil, digest, nil, key.evpKey.pointer) == 1 else { return false }
        return sign(mdContext) > 0
    }
}
