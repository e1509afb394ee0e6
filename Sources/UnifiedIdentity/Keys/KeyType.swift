/// The kind of key a token is signed with. Each key type verifies exactly one algorithm, so
/// a header can never make a key of one type verify under another's rules.
public enum KeyType: String, Sendable, Hashable, CaseIterable {
    /// SM2 on the SM2 curve (JWK `"kty": "EC", "crv": "SM2"`).
    case sm2 = "SM2"
    /// ECDSA on P-256 (JWK `"kty": "EC", "crv": "P-256"`).
    case p256 = "P-256"
    /// Ed25519 (JWK `"kty": "OKP", "crv": "Ed25519"`, RFC 8037).
    case ed25519 = "Ed25519"
    /// RSA, verification only (JWK `"kty": "RSA"`).
    case rsa = "RSA"
}
