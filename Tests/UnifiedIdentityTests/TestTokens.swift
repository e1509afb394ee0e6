import Foundation
import ZhengwuKitCore

@testable import UnifiedIdentity

/// Keys, issuers and hand-made tokens the suites share.
enum TestTokens {
    static let province = "https://sso.example.gov.cn"
    static let department = "dept-social-security"
    /// A fixed "now" so time rules are tested exactly: 2026-01-01T00:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_767_225_600)

    static func issuer(_ key: SigningKey, names: AlgorithmNames = .standard, at time: Date = now) throws -> TokenIssuer
    {
        TokenIssuer(
            issuer: province, signingKey: key, names: names, lifetime: 600,
            pairwiseSubjects: try PairwiseSubjectGenerator(secret: Array(repeating: 7, count: 32)),
            clock: { time })
    }

    static func verifier(
        _ keys: KeySet, names: AlgorithmNames = .standard, at time: Date = now,
        stages: [any TokenVerificationStage] = [],
        @PolicyBuilder<TokenPolicyContext> policies: () -> [any VerificationPolicy<TokenPolicyContext>] = { [] }
    ) -> TokenVerifier {
        var verifier = TokenVerifier(keys: keys, names: names, stages: stages, policies: policies)
        verifier.clock = { time }
        return verifier
    }

    static func claims(
        audience: String = department, lifetime: TimeInterval = 600, issuedAt: Date = now, tokenID: String? = nil
    ) -> IdentityClaims {
        IdentityClaims(
            issuer: province, subject: "pairwise-subject", audience: Audience([audience]),
            expiresAt: issuedAt.addingTimeInterval(lifetime), issuedAt: issuedAt, tokenID: tokenID,
            principalKind: .naturalPerson, assuranceLevel: .strongVerification, authenticationMethods: [.face])
    }

    /// A compact token from raw parts, for tokens no honest issuer would make.
    static func forge(header: String, payload: String, signature: [UInt8]) -> String {
        Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + "."
            + Base64URL.encode(signature)
    }

    /// Signs arbitrary header and payload text with `key`.
    static func sign(header: String, payload: String, with key: SigningKey) throws -> String {
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        return input + "." + Base64URL.encode(try key.signature(for: Array(input.utf8)))
    }

    static func payload(expiringIn seconds: TimeInterval = 600, extra: String = "") -> String {
        let exp = Int(now.timeIntervalSince1970 + seconds)
        return #"{"iss":"\#(province)","aud":"\#(department)","sub":"s","exp":\#(exp)\#(extra)}"#
    }
}

extension TokenError {
    /// The code and, when there is one, the claim it names: what a test pins down.
    var codeAndClaim: String { claim.map { "\(code) \($0)" } ?? code }
}
