import Foundation
import UnifiedIdentity
import UnifiedLoginCore

/// What `zwkit login` prints: the verified principal (its number masked), or the refusal.
struct LoginSummary: Encodable {
    var valid: Bool
    /// `trusted` when the principal is vouched for by the platform: a signed ID token verified
    /// with the issuer's published keys, or the profile's user-information answer.
    var trust: String
    /// How the principal was established: `id_token` (OpenID Connect) or `platform_answer`.
    var evidence: String?
    var profile: String?
    var issuer: String?
    var kind: String?
    var kindTerm: String?
    var identifier: String?
    var subject: String?
    var platformUserID: String?
    var name: String?
    var assuranceLevel: String?
    var authenticationMethods: [String]?
    var algorithm: String?
    /// A refusal's error, under the keys every `--json` refusal uses (`code`, `message`, `chineseTerm`).
    var code: String?
    var message: String?
    var chineseTerm: String?

    private enum CodingKeys: String, CodingKey {
        case valid, trust, evidence, profile, issuer, kind, identifier, subject, name, algorithm, code, message
        case chineseTerm
        case kindTerm = "kind_term"
        case platformUserID = "platform_user_id"
        case assuranceLevel = "assurance_level"
        case authenticationMethods = "amr"
    }

    init(result: LoginResult, profile: String, issuer: String) {
        let principal = result.principal
        valid = true
        trust = "trusted"
        evidence = result.idToken == nil ? "platform_answer" : "id_token"
        self.profile = profile
        self.issuer = issuer
        kind = principal.kind.rawValue
        kindTerm = principal.kind.chineseTerm
        identifier = principal.maskedIdentifier
        subject = principal.subject
        platformUserID = principal.platformUserID
        name = principal.name
        assuranceLevel = principal.assuranceLevel?.claimValue
        authenticationMethods = principal.authenticationMethods.map(\.rawValue)
        algorithm = result.idToken.map { AlgorithmNames.interoperable.name(for: $0.algorithm) }
    }

    init(refusal: LoginError) {
        valid = false
        trust = "untrusted"
        code = refusal.code
        message = refusal.message
        chineseTerm = refusal.chineseTerm
    }

    func print(json: Bool) throws {
        if json { return try Console.json(self) }
        Console.output("signed in: \(kindTerm ?? "") \(identifier ?? "")")
        if let name { Console.output("name: \(name)") }
        Console.output("subject: \(subject ?? "")")
        if let platformUserID { Console.output("platform user: \(platformUserID)") }
        if let assuranceLevel { Console.output("assurance level: \(assuranceLevel)") }
        if let methods = authenticationMethods, !methods.isEmpty {
            Console.output("authentication methods: \(methods.joined(separator: ", "))")
        }
        Console.output(
            "verified by: \(evidence == "id_token" ? "ID token (\(algorithm ?? "?"))" : "the platform's answer") "
                + "from \(issuer ?? "") (profile \(profile ?? ""))")
    }

    /// Prints a failed login and ends with its status: 1 when the platform's answer was checked
    /// and refused, 2 when the platform could not be used at all.
    static func report(_ error: LoginError, json: Bool) throws -> Never {
        switch error {
        case .transport, .invalidProfile, .invalidConfiguration, .malformedAnswer:
            throw CLIError(error.description)
        case .stateMismatch, .loginExpired, .missingCode, .redirectMismatch, .platformRefused, .issuerMismatch,
            .idTokenRefused, .nonceMismatch, .invalidPrincipal:
            if json {
                try Console.json(LoginSummary(refusal: error))
            } else {
                Console.error("refused: \(error.description)")
            }
            throw CLIExit.invalid
        }
    }
}
