extension X509Certificate {
    /// A key that signs certificates: the issuer's private key, in its GMCrypto type.
    public enum PrivateKey: Sendable {
        case sm2(SM2.Signing.PrivateKey)
        case p256(P256.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)

        var evpKey: EVPKey {
            switch self {
            case .sm2(let key): return key.evpKey
            case .p256(let key): return key.evpKey
            case .ed25519(let key): return key.evpKey
            }
        }

        /// The algorithm certificates signed with this key carry.
        var signatureAlgorithm: SignatureAlgorithm {
            switch self {
            case .sm2: return .sm3WithSM2
            case .p256: return .ecdsaWithSHA256
            case .ed25519: return .ed25519
            }
        }
    }
}

extension X509Certificate.PrivateKey {
    /// The public key of this private key, as a certificate's subject key. `nil` only if
    /// OpenSSL cannot encode the key, which a key it created or read never causes.
    public var publicKey: X509Certificate.PublicKey? {
        guard let publicPart = evpKey.publicPart() else { return nil }
        switch self {
        case .sm2: return .sm2(SM2.Signing.PublicKey(evpKey: publicPart))
        case .p256: return .p256(P256.Signing.PublicKey(evpKey: publicPart))
        case .ed25519: return .ed25519(Curve25519.Signing.PublicKey(evpKey: publicPart))
        }
    }
}
