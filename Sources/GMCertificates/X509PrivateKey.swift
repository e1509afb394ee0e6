import GMCrypto

extension X509Certificate {
    /// A key that signs certificates: the issuer's private key, in its GMCrypto type.
    public enum PrivateKey: Sendable {
        case sm2(SM2.Signing.PrivateKey)
        case p256(NISTP256.Signing.PrivateKey)
        case ed25519(Ed25519.Signing.PrivateKey)

        var evpKey: EVPKey {
            switch self {
            case .sm2(let key): return key.evpKey
            case .p256(let key): return key.evpKey
            case .ed25519(let key): return key.evpKey
            }
        }
    }
}

extension X509Certificate.PrivateKey {
    /// The public key of this private key, as a certificate's subject key.
    public var publicKey: X509Certificate.PublicKey {
        switch self {
        case .sm2(let key): return .sm2(key.publicKey)
        case .p256(let key): return .p256(key.publicKey)
        case .ed25519(let key): return .ed25519(key.publicKey)
        }
    }

    /// A new random key of `algorithm`.
    public static func generate(_ algorithm: Algorithm) -> Self {
        switch algorithm {
        case .sm2: return .sm2(SM2.Signing.PrivateKey())
        case .p256: return .p256(NISTP256.Signing.PrivateKey())
        case .ed25519: return .ed25519(Ed25519.Signing.PrivateKey())
        }
    }

    /// The PKCS#8 PEM of the key, whatever its algorithm.
    public var pemRepresentation: String {
        switch self {
        case .sm2(let key): return key.pemRepresentation
        case .p256(let key): return key.pemRepresentation
        case .ed25519(let key): return key.pemRepresentation
        }
    }

    /// The algorithms a certificate key can have.
    public enum Algorithm: String, Sendable, CaseIterable {
        case sm2, p256, ed25519
    }
}
