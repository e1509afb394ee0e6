import GMCrypto

/// The seam between tokens and the cryptography: the token code signs and verifies only
/// through these two protocols, and GMCrypto's key types conform to them (in
/// `GMCryptoBackends.swift`). Signatures cross this seam in JOSE form: raw r‖s for the
/// elliptic curves, the 64-byte signature for Ed25519, PKCS #1 v1.5 bytes for RSA.
protocol SignatureSigningBackend: Sendable {
    var keyType: KeyKind { get }
    func joseSignature(for signingInput: [UInt8]) throws -> [UInt8]
    var verificationBackend: any SignatureVerificationBackend { get }
    /// PKCS #8 PEM of the private key.
    var pemRepresentation: String { get }
}

protocol SignatureVerificationBackend: Sendable {
    var keyType: KeyKind { get }
    func isValidJOSESignature(_ signature: [UInt8], for signingInput: [UInt8]) -> Bool
    /// The JWK members that describe the public key (`kty`, `crv`, `x`, `y` or `n`, `e`).
    var publicJWKMembers: [String: JSONValue] { get }
    /// SubjectPublicKeyInfo PEM of the public key.
    var pemRepresentation: String { get }
}
