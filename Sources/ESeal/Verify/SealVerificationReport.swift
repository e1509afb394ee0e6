import ZhengwuKitCore

/// The answer of a seal verification: every check with its outcome, the mode asked for,
/// and the tolerated departures as warnings.
///
/// The verdict follows from the lines as for every verifier in ZhengwuKit
/// (`VerificationReporting`): ``verdict`` is `trusted` only when every required line passed and
/// the maker's (and signer's) chains reached a trust anchor; `isValid` is true only then, or for
/// an intact seal under ``VerificationMode/integrityOnly``. A verifier with no trust anchors
/// answers `untrusted`, never valid.
public struct SealVerificationReport: VerificationReporting, Sendable, Hashable, Codable {
    public enum Subject: String, Sendable, Hashable, Codable {
        case seal
        case signature
    }

    public let subject: Subject
    /// `nil` when the bytes could not be read as any version.
    public let version: SealVersion?
    public let mode: VerificationMode
    public let checks: [CheckResult<SealCheck>]
    /// Field deviations (``Deviation/warning``) and self-asserted times (``SealTimeWarning``)
    /// that were tolerated.
    public let warnings: [VerificationWarning]

    public init(
        subject: Subject, version: SealVersion?, mode: VerificationMode, checks: [CheckResult<SealCheck>],
        warnings: [VerificationWarning]
    ) {
        self.subject = subject
        self.version = version
        self.mode = mode
        self.checks = checks
        self.warnings = warnings
    }
}
