/// One concern a verification must satisfy, beside the verifier's fixed checks, in the
/// manner of swift-certificates' `VerifierPolicy`. The same shape serves certificate chains,
/// seals, tokens and licences; only `Subject`, what the policy looks at, differs.
///
/// ```swift
/// struct OnlyCompanySeals: VerificationPolicy {
///     func evaluate(_ context: SealPolicyContext) -> PolicyResult {
///         context.seal.property.type == 1 ? .meetsPolicy
///             : .failsToMeetPolicy(.init(code: "dept.seal_type", message: "not a company seal", chineseTerm: "印章类型不符"))
///     }
/// }
/// ```
public protocol VerificationPolicy<Subject>: Sendable {
    associatedtype Subject

    /// The name the report gives this policy's line; the type's name by default.
    var name: String { get }

    /// Critical extensions (by dotted OID) this policy processes, so a verifier that refuses
    /// unknown critical extensions (RFC 5280 §4.2) lets them through.
    var understoodCriticalExtensions: Set<String> { get }

    func evaluate(_ subject: Subject) -> PolicyResult
}

extension VerificationPolicy {
    public var name: String { String(describing: Self.self) }
    public var understoodCriticalExtensions: Set<String> { [] }
}

/// A policy's answer.
public enum PolicyResult: Sendable, Hashable {
    case meetsPolicy
    case failsToMeetPolicy(PolicyFailure)
}

/// Why a policy failed, in the house error shape.
public struct PolicyFailure: ZhengwuKitError, Hashable {
    public let code: String
    public let message: String
    public let chineseTerm: String

    public init(code: String, message: String, chineseTerm: String) {
        self.code = code
        self.message = message
        self.chineseTerm = chineseTerm
    }

    /// The failure an error of any module describes.
    public init(_ error: some ZhengwuKitError) {
        self.init(code: error.code, message: error.message, chineseTerm: error.chineseTerm)
    }
}

/// Composes policies from statements, `if`s and loops:
/// `SealVerifier(trustAnchors: roots) { AllowedSealTypes([1]); if strict { StrictSealTimes() } }`.
@resultBuilder
public enum PolicyBuilder<Subject> {
    public typealias Component = [any VerificationPolicy<Subject>]

    public static func buildExpression(_ policy: some VerificationPolicy<Subject>) -> Component { [policy] }
    public static func buildExpression(_ policies: Component) -> Component { policies }
    public static func buildBlock(_ parts: Component...) -> Component { parts.flatMap { $0 } }
    public static func buildOptional(_ part: Component?) -> Component { part ?? [] }
    public static func buildEither(first part: Component) -> Component { part }
    public static func buildEither(second part: Component) -> Component { part }
    public static func buildArray(_ parts: [Component]) -> Component { parts.flatMap { $0 } }
}

/// An ordered list of policies over one subject.
public struct PolicySet<Subject>: Sendable {
    public var policies: [any VerificationPolicy<Subject>]

    public init(_ policies: [any VerificationPolicy<Subject>] = []) { self.policies = policies }

    public init(@PolicyBuilder<Subject> _ build: () -> [any VerificationPolicy<Subject>]) {
        self.policies = build()
    }

    /// Every critical extension some policy of the set processes.
    public var understoodCriticalExtensions: Set<String> {
        policies.reduce(into: []) { $0.formUnion($1.understoodCriticalExtensions) }
    }

    /// Each policy's name and answer, in order.
    public func evaluate(_ subject: Subject) -> [(name: String, result: PolicyResult)] {
        policies.map { ($0.name, $0.evaluate(subject)) }
    }

    /// The first failure, with the failing policy's name, or `nil` when all are met.
    public func firstFailure(_ subject: Subject) -> (name: String, failure: PolicyFailure)? {
        for policy in policies {
            if case .failsToMeetPolicy(let failure) = policy.evaluate(subject) { return (policy.name, failure) }
        }
        return nil
    }
}
