import GMCrypto

// Keys a caller already holds as GMCrypto values, without a round trip through PEM.

extension SigningKey {
    /// Signs SM2-with-SM3 tokens with `key`.
    public init(_ key: SM2.Signing.PrivateKey, keyID: String? = nil) {
        self.init(backend: key, keyID: keyID)
    }

    /// Signs ES256 tokens with `key`.
    public init(_ key: NISTP256.Signing.PrivateKey, keyID: String? = nil) {
        self.init(backend: key, keyID: keyID)
    }

    /// Signs Ed25519 tokens with `key`.
    public init(_ key: Ed25519.Signing.PrivateKey, keyID: String? = nil) {
        self.init(backend: key, keyID: keyID)
    }
}

extension VerificationKey {
    /// Verifies SM2-with-SM3 tokens with `key`.
    public init(_ key: SM2.Signing.PublicKey, keyID: String? = nil) {
        self.init(backend: key, keyID: keyID)
    }

    /// Verifies ES256 tokens with `key`.
    public init(_ key: NISTP256.Signing.PublicKey, keyID: String? = nil) {
        self.init(backend: key, keyID: keyID)
    }

    /// Verifies Ed25519 tokens with `key`.
    public init(_ key: Ed25519.Signing.PublicKey, keyID: String? = nil) {
        self.init(backend: key, keyID: keyID)
    }

    /// Verifies RS256 tokens (older platforms') with `key`.
    public init(_ key: RSA.Signing.PublicKey, keyID: String? = nil) throws(JWKError) {
        self.init(backend: try RSABackend(key: key, pem: key.pemRepresentation), keyID: keyID)
    }
}
