// The key value types share one shape: a struct holding an `EVPKey`. Their
// constructors, encodings and operations live in extensions, one file a concern.

extension SM2.Signing {
    /// An SM2 private key for signing (and, through `SM2.Encryption`, decrypting).
    public struct PrivateKey: Sendable {
        package let evpKey: EVPKey
        package init(evpKey: EVPKey) { self.evpKey = evpKey }
    }

    /// An SM2 public key for verifying signatures (and encrypting).
    public struct PublicKey: Sendable {
        package let evpKey: EVPKey
        /// Z_A and the prepared point of the dedicated verification, shared by copies.
        let verificationCache: SM2VerificationCache
        package init(evpKey: EVPKey) {
            self.evpKey = evpKey
            verificationCache = SM2VerificationCache()
        }
    }
}

extension NISTP256.Signing {
    /// A P-256 private key for ECDSA with SHA-256 (ES256).
    public struct PrivateKey: Sendable {
        package let evpKey: EVPKey
        package init(evpKey: EVPKey) { self.evpKey = evpKey }
    }

    /// A P-256 public key for verifying ES256 signatures.
    public struct PublicKey: Sendable {
        package let evpKey: EVPKey
        package init(evpKey: EVPKey) { self.evpKey = evpKey }
    }
}

extension Ed25519.Signing {
    /// An Ed25519 private key (RFC 8032; JWS EdDSA).
    public struct PrivateKey: Sendable {
        package let evpKey: EVPKey
        package init(evpKey: EVPKey) { self.evpKey = evpKey }
    }

    /// An Ed25519 public key.
    public struct PublicKey: Sendable {
        package let evpKey: EVPKey
        package init(evpKey: EVPKey) { self.evpKey = evpKey }
    }
}
