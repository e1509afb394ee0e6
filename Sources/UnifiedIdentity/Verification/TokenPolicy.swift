import Foundation

/// One rule a verified token must meet. Policies compose: a verifier runs its list in order
/// and the first failure, a `TokenError` naming the claim and the rule, refuses the token.
public protocol TokenPolicy: Sendable {
    /// Whether the outcome depends only on the token's contents. Such policies are not
    /// re-run when a cached verification is reused; the others (time, revocation, replay)
    /// run on every presentation.
    var dependsOnlyOnToken: Bool { get }

    func check(_ token: VerifiedToken, at now: Date) async throws(TokenError)
}

/// Builds a policy list from statements, `if`s and loops.
@resultBuilder
public enum TokenPolicyBuilder {
    public static func buildExpression(_ policy: any TokenPolicy) -> [any TokenPolicy] { [policy] }
    public static func buildExpression(_ policies: [any TokenPolicy]) -> [any TokenPolicy] { policies }
    public static func buildBlock(_ parts: [any TokenPolicy]...) -> [any TokenPolicy] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [any TokenPolicy]?) -> [any TokenPolicy] { part ?? [] }
    public static func buildEither(first: [any TokenPolicy]) -> [any TokenPolicy] { first }
    public static func buildEither(second: [any TokenPolicy]) -> [any TokenPolicy] { second }
    public static func buildArray(_ parts: [[any TokenPolicy]]) -> [any TokenPolicy] { parts.flatMap { $0 } }
}
