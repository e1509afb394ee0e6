import Foundation
import GMCertificates
import GMCrypto

/// A rule a department adds to the fixed checks (trusted makers, allowed seal types,
/// clock skew, …), in the manner of swift-certificates' `VerifierPolicy`.
public protocol SealPolicy: Sendable {
    /// The name the report gives this policy's line.
    var name: String { get }
    func evaluate(_ context: SealPolicyContext) -> SealPolicyResult
}

/// What a policy sees: the seal, the signature when one is verified, their parsed
/// certificates, and the time the verification is about.
public struct SealPolicyContext: Sendable {
    public let seal: ElectronicSeal
    public let signature: ElectronicSignature?
    public let makerCertificate: X509Certificate?
    public let signerCertificate: X509Certificate?
    /// The signing time for a signature; the requested time for a seal checked alone.
    public let validationTime: Date
}

public enum SealPolicyResult: Sendable, Hashable {
    case meetsPolicy
    case failsToMeetPolicy(reason: String)
}

/// Composes policies: `SealVerifier(policies: { AllowedSealTypes([1]); TrustedSealMakers(...) })`.
@resultBuilder
public enum SealPolicyBuilder {
    public static func buildExpression(_ policy: some SealPolicy) -> [any SealPolicy] { [policy] }
    public static func buildExpression(_ policies: [any SealPolicy]) -> [any SealPolicy] { policies }
    public static func buildBlock(_ parts: [any SealPolicy]...) -> [any SealPolicy] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [any SealPolicy]?) -> [any SealPolicy] { part ?? [] }
    public static func buildEither(first part: [any SealPolicy]) -> [any SealPolicy] { part }
    public static func buildEither(second part: [any SealPolicy]) -> [any SealPolicy] { part }
    public static func buildArray(_ parts: [[any SealPolicy]]) -> [any SealPolicy] { parts.flatMap { $0 } }
}
