// The key value types share one shape: a struct holding an `EVPKey`. Their
// constructors, encodings and operations live in extensions, one file a concern.

extension SM2.Signing {
    /// An SM2 private key for signing (and, through `SM2.Encryption`, decrypting).
    public struct PrivateKey: Sendable {
        let evpKey: EVPKey
        init(evpKey: EVPKey) { self.evpKey = evpKey }
    }

    /// An SM2 public key for verifying signatures (and encrypting).
    public struct PublicKey: Sendable {
        let evpKey: EVPKey
        init(evpKey: EVPKey) { self.evpKey = evpKey }
    }
}

extension P256.Signing {
    public struct PrivateKey: Sendable {
        let evpKey: EVPKey
        init(evpKey: EVPKey) { self.evpKey = evpKey }
    }

    public struct PublicKey: Sendable {
        let evpKey: EVPKey
        init(evpKey: EVPKey) { self.evpKey = evpKey }
    }
}

extension Curve25519.Signing {
    public struct PrivateKey: Sendable {
        let evpKey: EVPKey
        init(evpKey: EVPKey) { self.evpKey = evpKey }
    }

    public struct PublicKey: Sendable {
        let evpKey: EVPKey
        init(evpKey: EVPKey) { self.evpKey = evpKey }
    }
}
