import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore

/// What a seal policy (a `VerificationPolicy<SealPolicyContext>`) sees: the seal, the
/// signature when one is verified, their parsed certificates, the time the verification is
/// about, and the warnings the fixed checks raised.
///
/// ```swift
/// struct OnlyCompanySeals: VerificationPolicy {
///     func evaluate(_ context: SealPolicyContext) -> PolicyResult {
///         context.seal.type == 1 ? .meetsPolicy
///             : .failsToMeetPolicy(.init(code: "dept.seal_type", message: "not a company seal", chineseTerm: "印章类型不符"))
///     }
/// }
/// let verifier = SealVerifier(trustAnchors: roots) { OnlyCompanySeals(); StrictSealTimes() }
/// ```
public struct SealPolicyContext: Sendable {
    public let seal: ElectronicSeal
    public let signature: ElectronicSignature?
    public let makerCertificate: X509Certificate?
    public let signerCertificate: X509Certificate?
    /// The signing time for a signature; the requested time for a seal checked alone.
    public let validationTime: Date
    /// The warnings of the fixed checks (field deviations and self-asserted times), so a
    /// policy can refuse what the verifier tolerates.
    public let warnings: [VerificationWarning]

    public init(
        seal: ElectronicSeal, signature: ElectronicSignature?, makerCertificate: X509Certificate?,
        signerCertificate: X509Certificate?, validationTime: Date, warnings: [VerificationWarning]
    ) {
        self.seal = seal
        self.signature = signature
        self.makerCertificate = makerCertificate
        self.signerCertificate = signerCertificate
        self.validationTime = validationTime
        self.warnings = warnings
    }
}
