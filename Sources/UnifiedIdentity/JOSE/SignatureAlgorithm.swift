import GMCrypto

/// The signature algorithms a unified identity token may carry. HMAC and `none` are
/// deliberately absent: a verifier holding public keys has no business accepting either.
public enum SignatureAlgorithm: Sendable, Hashable, CaseIterable {
    /// SM2 signature with SM3 (GB/T 32918.2, GM/T 0003), distinguishing ID `1234567812345678`,
    /// signature as raw 64-byte r‖s. No `alg` name is registered; see `AlgorithmNames`.
    case sm2WithSM3
    /// ECDSA P-256 with SHA-256 (RFC 7518 §3.4), raw 64-byte r‖s.
    case es256
    /// Ed25519 (RFC 8032; `alg` `Ed25519` per RFC 9864, `EdDSA` accepted on input).
    case ed25519
    /// RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3), for verifying older platforms' tokens only.
    case rs256

    /// The only key type that may verify this algorithm.
    public var keyType: KeyKind {
        switch self {
        case .sm2WithSM3: return .sm2
        case .es256: return .p256
        case .ed25519: return .ed25519
        case .rs256: return .rsa
        }
    }

    /// Whether this implementation can issue tokens with the algorithm.
    public var canIssue: Bool { self != .rs256 }

    /// The algorithm a key of `keyType` verifies.
    public init(keyType: KeyKind) {
        switch keyType {
        case .sm2: self = .sm2WithSM3
        case .p256: self = .es256
        case .ed25519: self = .ed25519
        case .rsa: self = .rs256
        }
    }
}

extension SignatureAlgorithm: CustomStringConvertible {
    /// The algorithm as people name it (the `alg` names are in `AlgorithmNames`).
    public var description: String {
        switch self {
        case .sm2WithSM3: return "SM2-with-SM3"
        case .es256: return "ES256"
        case .ed25519: return "Ed25519"
        case .rs256: return "RS256"
        }
    }
}
