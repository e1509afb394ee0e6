// The namespaces follow the standards' own names and steer clear of swift-crypto's
// top-level names (`P256`, `Curve25519`, …), so that a file can import both modules.

/// SM2 (GB/T 32918): elliptic-curve signatures and public-key encryption over the SM2 curve.
public enum SM2 {
    /// SM2 digital signatures with SM3 (SM3withSM2).
    public enum Signing {}
    /// SM2 public-key encryption (GB/T 32918.4).
    public enum Encryption {}
}

/// ECDSA over NIST P-256 (FIPS 186-4, secp256r1) with SHA-256 (ES256 in JOSE).
public enum NISTP256 {
    public enum Signing {}
}

/// Ed25519 signatures (RFC 8032; EdDSA in JOSE).
public enum Ed25519 {
    public enum Signing {}
}

/// RSA, verification only: RS256 (PKCS #1 v1.5 with SHA-256) as JWT issuers use it.
public enum RSA {
    public enum Signing {}
}
