extension X509Certificate {
    /// A key that signs certificates: the issuer's private key, in its GMCrypto type.
    public enum PrivateKey: Sendable {
        case sm2(SM2.Signing.PrivateKey)
        case p256(P256.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)

        /// `SM2`, `P-256` or `Ed25519`.
        public var algorithmName: String {
            switch self {
            case .sm2: return "SM2"
            case .p256: return "P-256"
            case .ed25519: return "Ed25519"
            }
        }

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
