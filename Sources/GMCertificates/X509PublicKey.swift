import GMCrypto

extension X509Certificate {
    /// The subject's public key, as the GMCrypto key type of its algorithm.
    public enum PublicKey: Sendable {
        case sm2(SM2.Signing.PublicKey)
        case p256(NISTP256.Signing.PublicKey)
        case ed25519(Ed25519.Signing.PublicKey)

        /// `SM2`, `P-256` or `Ed25519`.
        public var algorithmName: String { kind.displayName }

        var kind: KeyKind {
            switch self {
            case .sm2: return .sm2
            case .p256: return .p256
            case .ed25519: return .ed25519
            }
        }

        var evpKey: EVPKey {
            switch self {
            case .sm2(let key): return key.evpKey
            case .p256(let key): return key.evpKey
            case .ed25519(let key): return key.evpKey
            }
        }
    }
}
