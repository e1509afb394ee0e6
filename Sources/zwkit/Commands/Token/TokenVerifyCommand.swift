import ArgumentParser
import Foundation
import UnifiedIdentity

/// `zwkit token verify TOKEN|- (--jwks FILE | --pub PUB.pem) [--iss ISS] [--aud AUD] [--accept-der-signatures] [--json]`
struct TokenVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a compact token offline. Exit 0 valid, 1 refused (with the failing rule), 2 bad input."
    )

    @Argument(help: "The compact token, or '-' to read it from stdin.")
    var token: String

    @Option(name: .long, help: "A JWK Set file with the issuer's public keys (selected by kid).")
    var jwks: String?

    @Option(name: .long, help: "A public (or private) key PEM to verify with.")
    var pub: String?

    @Option(name: .long, help: "Required issuer (repeatable: any of them).")
    var iss: [String] = []

    @Option(name: .long, help: "Required audience.")
    var aud: String?

    // Unconditional: `--skew -5` is a negative skew to refuse by name, not a missing value.
    @Option(name: .long, parsing: .unconditional, help: "Allowed clock skew in seconds (0 or more).")
    var skew: Int = 60

    @Option(
        name: .customLong("sm2-alias"),
        help: "Further alg names to read as SM2 (GmSM2, SM3withSM2, SM2 are accepted already).")
    var sm2Aliases: [String] = []

    @Flag(
        name: .customLong("accept-der-signatures"),
        help: "Also accept SM2 and ES256 signatures encoded as DER SEQUENCE { r, s } (tokens carry raw r||s).")
    var acceptDERSignatures = false

    @Flag(name: .long, help: "Print one JSON object with the outcome.")
    var json = false

    func validate() throws {
        // A negative skew would refuse tokens that are valid now; it is a mistake, not a policy.
        guard skew >= 0 else { throw ValidationError("--skew \(skew): give a number of seconds, 0 or more (时钟偏差)") }
    }

    func run() async throws {
        guard (jwks == nil) != (pub == nil) else {
            throw CLIError("give exactly one of --jwks FILE or --pub PUB.pem (缺少验证密钥)")
        }
        // A token longer than the verifier accepts is refused before more is read (the limit
        // plus room for a trailing newline and spaces).
        let limit = TokenLimits.standard.maximumTokenBytes + 64
        let compact = (token == "-" ? try InputFiles.readText("-", limit: limit) : token)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let keys = try keySet(for: compact)
        var names = AlgorithmNames.interoperable
        names.sm2Aliases.formUnion(sm2Aliases)
        let issuers = Set(iss)
        let audience = aud
        let verifier = TokenVerifier(
            keys: keys, names: names, acceptsDERSignatures: acceptDERSignatures ? [.sm2WithSM3, .es256] : [],
            timeValidity: TimeValidity(clockSkew: TimeInterval(skew))
        ) {
            if !issuers.isEmpty { IssuerAllowList(issuers) }
            if let audience { AudienceRequirement(audience) }
        }
        let verified: VerifiedToken
        do {
            verified = try await verifier.verify(compact)
        } catch {
            // A token that is not a token at all is unreadable input (exit 2), like every
            // other malformed structure; a well-formed token that fails a rule is invalid (1).
            if error.isUnreadable {
                throw CLIError("the token cannot be read: \(error.localizedSummary)")
            }
            if json {
                try Console.json(TokenVerdict(refusal: error))
            } else {
                Console.error("refused: \(error.localizedSummary)")
            }
            throw CLIExit.invalid
        }
        if json {
            try Console.json(try TokenVerdict(verified: verified, names: names))
        } else {
            Console.output("valid: \(names.name(for: verified.algorithm)) kid \(verified.keyID)")
            Console.output(verified.claims.jsonString)
        }
    }

    private func keySet(for compact: String) throws -> KeySet {
        if let jwks {
            let text = try InputFiles.readText(jwks)
            do {
                return try KeySet(jwks: JWKSet(jsonString: text))
            } catch {
                throw CLIError("\(InputFiles.display(jwks)): \(error.message) (\(error.chineseTerm)) [\(error.code)]")
            }
        }
        // One key named on the command line: the operator chose it, so it answers to the
        // token's kid. The key's type still has to match the token's alg.
        let key = try TokenCLI.verificationKey(from: pub ?? "-")
        let kid = try? CompactJWS(parsing: compact).header.keyID
        return KeySet(verificationKeys: [kid.flatMap { $0 }.map { key.withKeyID($0) } ?? key])
    }
}

/// The `--json` outcome of `zwkit token verify`.
struct TokenVerdict: Encodable {
    var valid: Bool
    var alg: String?
    var kid: String?
    /// The claims as signed: a JSON object, never JSON text inside a string.
    var claims: JSONValue?
    var code: String?
    var claim: String?
    var message: String?
    var chineseTerm: String?

    init(verified: VerifiedToken, names: AlgorithmNames) throws {
        valid = true
        alg = names.name(for: verified.algorithm)
        kid = verified.keyID
        claims = try verified.claims(as: JSONValue.self)
    }

    init(refusal: TokenError) {
        valid = false
        code = refusal.code
        claim = refusal.claim
        message = refusal.message
        chineseTerm = refusal.chineseTerm
    }
}

extension TokenError {
    /// Whether the token could not be read as a compact JWS at all (too large, not three
    /// segments, bad base64url, a header that is not JSON), as opposed to a token that was
    /// read and breaks a rule. A payload altered after signing is the latter: it was checked
    /// (its signature no longer holds) and found invalid.
    fileprivate var isUnreadable: Bool {
        switch self {
        case .tokenTooLarge, .malformedToken, .invalidJSON(.header, _): return true
        case .invalidEncoding(let segment): return segment == .header
        default: return false
        }
    }
}
