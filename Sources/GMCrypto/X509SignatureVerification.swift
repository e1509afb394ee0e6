internal import CZhengwuKitOpenSSL

extension X509Certificate {
    /// The distinguishing ID every SM2 certificate signature in the field uses (GM/T 0009,
    /// GB/T 35276). OpenSSL 3.0 defaults to an empty ID, so it is always set explicitly.
    static let sm2DistinguishingID: [UInt8] = Array("1234567812345678".utf8)

    /// Whether `issuer`'s public key verifies this certificate's signature.
    ///
    /// The signature algorithm must match the issuer's key type (SM3withSM2 for an SM2
    /// key, ECDSA for P-256, Ed25519 for Ed25519): a signature is never checked under an
    /// algorithm other than the one its key belongs to. SM2 signatures are checked with
    /// the ID `1234567812345678`.
    public func isValidSignature(issuedBy issuer: X509Certificate) -> Bool {
        checkSignature(with: issuer.publicKey) == .valid
    }

    /// Whether `key` verifies this certificate's signature (the same rules as
    /// ``isValidSignature(issuedBy:)``, for a key known without its certificate).
    public func isValidSignature(signedBy key: PublicKey) -> Bool {
        checkSignature(with: key) == .valid
    }

    enum SignatureCheck: Equatable {
        case valid
        case invalid
        /// The algorithm is not one GMCrypto verifies, or does not belong to the key.
        case unsupported(String)
    }

    func checkSignature(with key: PublicKey) -> SignatureCheck {
        let digest: OpaquePointer?
        switch (signatureAlgorithm, key) {
        case (.sm3WithSM2, .sm2): digest = EVP_sm3()
        case (.ecdsaWithSHA256, .p256): digest = EVP_sha256()
        case (.ecdsaWithSHA384, .p256): digest = EVP_sha384()
        case (.ecdsaWithSHA512, .p256): digest = EVP_sha512()
        case (.ed25519, .ed25519): digest = nil
        default:
            return .unsupported("\(signatureAlgorithm.name) with a \(key.algorithmName) issuer key")
        }
        let verified = Self.verify(
            signature: envelope.signature,
            over: envelope.tbsBytes,
            key: key.evpKey,
            digest: digest,
            distinguishingID: signatureAlgorithm == .sm3WithSM2 ? Self.sm2DistinguishingID : nil
        )
        return verified ? .valid : .invalid
    }

    private static func verify(
        signature: [UInt8],
        over message: [UInt8],
        key: EVPKey,
        digest: OpaquePointer?,
        distinguishingID: [UInt8]?
    ) -> Bool {
        guard let mdContext = EVP_MD_CTX_new() else { return false }
        var keyContext: OpaquePointer?
        defer {
            // The digest context does not own a key context set on it: free both, digest first.
            EVP_MD_CTX_free(mdContext)
            EVP_PKEY_CTX_free(keyContext)
            OpenSSLErrorQueue.clear()
        }
        if let distinguishingID {
            keyContext = EVP_PKEY_CTX_new(key.pointer, nil)
            guard let keyContext,
                EVP_PKEY_CTX_set1_id(keyContext, distinguishingID, Int32(distinguishingID.count)) == 1
            else { return false }
            EVP_MD_CTX_set_pkey_ctx(mdContext, keyContext)
        }
        guard EVP_DigestVerifyInit(mdContext, nil, digest, nil, key.pointer) == 1 else { return false }
        return EVP_DigestVerify(mdContext, signature, signature.count, message, message.count) == 1
    }
}
