internal import CZhengwuKitOpenSSL
import GMCrypto

extension X509Certificate {
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
        Self.checkSignature(envelope.signature, algorithm: signatureAlgorithm, over: envelope.tbsBytes, with: key)
    }

    /// The rules above for any signed structure (a certificate, a revocation list).
    static func checkSignature(
        _ signature: [UInt8], algorithm signatureAlgorithm: SignatureAlgorithm, over tbsBytes: [UInt8],
        with key: PublicKey
    ) -> SignatureCheck {
        let digest: OpaquePointer?
        switch (signatureAlgorithm, key) {
        case (.sm3WithSM2, .sm2(let sm2Key)):
            // SM2 goes through SM2.Signing.PublicKey, which owns the dedicated verification.
            guard let parsed = try? SM2.Signing.Signature(derRepresentation: signature) else { return .invalid }
            return sm2Key.isValidSignature(parsed, for: tbsBytes) ? .valid : .invalid
        case (.ecdsaWithSHA256, .p256): digest = FetchedAlgorithms.sha256
        case (.ecdsaWithSHA384, .p256): digest = EVP_sha384()
        case (.ecdsaWithSHA512, .p256): digest = EVP_sha512()
        case (.ed25519, .ed25519): digest = nil
        default:
            return .unsupported("\(signatureAlgorithm.name) with a \(key.algorithmName) issuer key")
        }
        let verified = tbsBytes.withUnsafeBytes { tbs in
            EVPSigning.verify(key: key.evpKey, digest: digest, sm2ID: nil, signature: signature, message: tbs)
        }
        return verified ? .valid : .invalid
    }

}
