/// The answer of a verification: every check with its outcome, and the field deviations
/// that were accepted as warnings. Valid when no performed check failed.
public struct VerificationReport: Sendable, Hashable, Codable {
    public enum Subject: String, Sendable, Hashable, Codable {
        case seal
        case signature
    }

    public let subject: Subject
    /// `nil` when the bytes could not be read as any version.
    public let version: SealVersion?
    public let checks: [CheckResult]
    public let warnings: [Deviation]

    public init(subject: Subject, version: SealVersion?, checks: [CheckResult], warnings: [Deviation]) {
        self.subject = subject
        self.version = version
        self.checks = checks
        self.warnings = warnings
    }

    /// Whether every performed check passed.
    public var isValid: Bool { !checks.contains { $0.outcome == .failed } }

    public var failures: [CheckResult] { checks.filter { $0.outcome == .failed } }

    /// The result of `check` (the first, for policies).
    public func result(for check: SealCheck) -> CheckResult? {
        checks.first { $0.check == check }
    }
}
