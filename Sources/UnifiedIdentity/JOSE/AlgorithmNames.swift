/// How `alg` header values map to algorithms, on output and on input.
///
/// SM2 has no registered JOSE name. The default, `SM2SM3`, names the signature and the hash
/// the way `ES256` does and is one of the names already used in the field; verifiers that
/// talk to platforms using another spelling add it to `sm2Aliases` (`.interoperable` holds
/// every spelling seen: `GmSM2`, `SM3withSM2`, `SM2`). Ed25519 tokens are issued under
/// RFC 9864's fully specified `Ed25519`; the polymorphic `EdDSA` is accepted on input
/// unless `acceptsEdDSA` is turned off.
public struct AlgorithmNames: Sendable, Hashable {
    /// The `alg` written into SM2 tokens.
    public var sm2Name: String
    /// Further `alg` values read as SM2-with-SM3.
    public var sm2Aliases: Set<String>
    /// Whether `EdDSA` is read as Ed25519 (Ed448 is not supported, so there is no ambiguity).
    public var acceptsEdDSA: Bool
    /// The `alg` written into Ed25519 tokens: `Ed25519`, or `EdDSA` for verifiers that predate RFC 9864.
    public var ed25519Name: String

    public init(
        sm2Name: String = "SM2SM3", sm2Aliases: Set<String> = [], acceptsEdDSA: Bool = true,
        ed25519Name: String = "Ed25519"
    ) {
        self.sm2Name = sm2Name
        self.sm2Aliases = sm2Aliases
        self.acceptsEdDSA = acceptsEdDSA
        self.ed25519Name = ed25519Name
    }

    /// `SM2SM3` and `Ed25519` on output; on input also `EdDSA`, but no other SM2 spelling.
    public static let standard = AlgorithmNames()
    /// Every SM2 spelling met in the field accepted on input.
    public static let interoperable = AlgorithmNames(sm2Aliases: ["GmSM2", "SM3withSM2", "SM2"])

    /// The `alg` value written when issuing with `algorithm`.
    public func name(for algorithm: SignatureAlgorithm) -> String {
        switch algorithm {
        case .sm2WithSM3: return sm2Name
        case .es256: return "ES256"
        case .ed25519: return ed25519Name
        case .rs256: return "RS256"
        }
    }

    /// The algorithm an `alg` value names. `none` and HMAC names are refused with their own
    /// errors so a log says plainly what was attempted.
    public func algorithm(named name: String) throws(TokenError) -> SignatureAlgorithm {
        switch name {
        case sm2Name: return .sm2WithSM3
        case "ES256": return .es256
        case "Ed25519": return .ed25519
        case "EdDSA" where acceptsEdDSA: return .ed25519
        case "RS256": return .rs256
        case _ where sm2Aliases.contains(name): return .sm2WithSM3
        case _ where name.utf8.count == 4 && name.lowercased() == "none": throw .unsecuredToken
        default: throw .algorithmNotAllowed(name)
        }
    }
}
