internal import CZhengwuKitOpenSSL

/// One-shot `EVP_DigestSign` / `EVP_DigestVerify`, shared by every signature algorithm.
///
/// For SM2 the distinguishing ID is always set on the key context (`EVP_PKEY_CTX_set1_id`):
/// OpenSSL 3.0 defaults to an empty ID (everyone else uses "1234567812345678"), and passing
/// it as an init parameter fails silently (see Documentation/Platform.md). Contexts are
/// pooled per key and ID (`DigestSignContextPool`).
package enum EVPSigning {
    /// `digest` is a fetched `EVP_MD` (nil for Ed25519, which hashes internally);
    /// `sm2ID` is the SM2 distinguishing ID, nil for every other algorithm.
    package static func sign(
        key: EVPKey, digest: OpaquePointer?, sm2ID: [UInt8]?, message: UnsafeRawBufferPointer
    ) throws(GMCryptoError) -> [UInt8] {
        OpenSSLErrorQueue.clear()
        let context: DigestSignContext
        if let pooled = key.signatureContexts.take(forSigning: true, sm2ID: sm2ID) {
            context = pooled
        } else {
            context = try DigestSignContext(key: key, forSigning: true, sm2ID: sm2ID)
        }
        guard EVP_DigestSignInit(context.digestContext, nil, digest, nil, key.pointer) == 1 else {
            throw .openSSL("start signing")
        }
        var signature = [UInt8](repeating: 0, count: Int(EVP_PKEY_get_size(key.pointer)))
        var length = signature.count
        let status = withNonNullBase(message) { base, count in
            EVP_DigestSign(context.digestContext, &signature, &length, base, count)
        }
        guard status == 1 else { throw .openSSL("sign") }
        key.signatureContexts.give(context)
        signature.removeSubrange(length...)
        return signature
    }

    /// Whether `signature` (in OpenSSL's encoding: DER for ECDSA/SM2, raw for Ed25519,
    /// PKCS#1 v1.5 for RSA) is valid for `message`.
    package static func verify(
        key: EVPKey, digest: OpaquePointer?, sm2ID: [UInt8]?, signature: [UInt8], message: UnsafeRawBufferPointer
    ) -> Bool {
        defer { OpenSSLErrorQueue.clear() }
        guard
            let context = key.signatureContexts.take(forSigning: false, sm2ID: sm2ID)
                ?? (try? DigestSignContext(key: key, forSigning: false, sm2ID: sm2ID))
        else { return false }
        guard EVP_DigestVerifyInit(context.digestContext, nil, digest, nil, key.pointer) == 1 else { return false }
        let status = withNonNullBase(message) { base, count in
            EVP_DigestVerify(context.digestContext, signature, signature.count, base, count)
        }
        // 0 is a clean "does not verify"; below 0 OpenSSL failed part-way, so drop the context.
        if status >= 0 { key.signatureContexts.give(context) }
        return status == 1
    }

    /// Signs a ready-made digest (for SM2, e = SM3(Z‖M)) with `EVP_PKEY_sign`.
    package static func signDigest(key: EVPKey, digest: [UInt8]) throws(GMCryptoError) -> [UInt8] {
        OpenSSLErrorQueue.clear()
        guard let context = EVP_PKEY_CTX_new(key.pointer, nil) else { throw .openSSL("allocate a signing context") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_sign_init(context) == 1 else { throw .openSSL("start signing a digest") }
        var signature = [UInt8](repeating: 0, count: Int(EVP_PKEY_get_size(key.pointer)))
        var length = signature.count
        guard EVP_PKEY_sign(context, &signature, &length, digest, digest.count) == 1 else {
            throw .openSSL("sign a digest")
        }
        signature.removeSubrange(length...)
        return signature
    }

    /// Verifies a DER signature over a ready-made digest with `EVP_PKEY_verify`.
    package static func verifyDigest(key: EVPKey, signature: [UInt8], digest: [UInt8]) -> Bool {
        defer { OpenSSLErrorQueue.clear() }
        guard let context = EVP_PKEY_CTX_new(key.pointer, nil) else { return false }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_verify_init(context) == 1 else { return false }
        return EVP_PKEY_verify(context, signature, signature.count, digest, digest.count) == 1
    }
}

/// Calls `body` with a non-null base address even for an empty buffer: some OpenSSL
/// paths reject a NULL message pointer although its length is zero.
package func withNonNullBase<R>(
    _ buffer: UnsafeRawBufferPointer, _ body: (UnsafePointer<UInt8>, Int) -> R
) -> R {
    if let base = buffer.baseAddress, buffer.count > 0 {
        return body(base.assumingMemoryBound(to: UInt8.self), buffer.count)
    }
    var placeholder: UInt8 = 0
    return withUnsafePointer(to: &placeholder) { body($0, 0) }
}
