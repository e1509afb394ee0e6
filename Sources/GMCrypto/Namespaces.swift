/// SM2 (GB/T 32918): elliptic-curve signatures and public-key encryption over the SM2 curve.
public enum SM2 {
    /// SM2 digital signatures with SM3 (SM3withSM2).
    public enum Signing {}
    /// SM2 public-key encryption (GB/T 32918.4).
    public enum Encryption {}
}

/// ECDSA over NIST P-256 with SHA-256 (ES256 in JOSE).
public enum P256 {
    public enum Signing {}
}

/// Ed25519 signatures (RFC 8032).
public enum Curve25519 {
    public enum Signing {}
}

/// RSA, verification only: RS256 (PKCS #1 v1.5 with SHA-256) as JWT issuers use it.
public enum RSA {
    public enum Signing {}
}
