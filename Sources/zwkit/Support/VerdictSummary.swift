import ZhengwuKitCore

/// The closing words of every `verify` command: the verdict, and when it is not valid, why
/// and what to do, so nobody reads "nothing failed" as "valid".
enum VerdictSummary {
    /// What to say when no trust anchors were given and integrity alone was not asked for.
    static let noTrustAnchors =
        "no trust anchors were given, so the signer was not established (未验证信任链): "
        + "give the roots with --trust ROOTS.pem, or pass --integrity-only to check integrity alone"

    /// One line for a report: `VALID`, `INTACT` or `NOT VALID`/`INVALID` with the reason.
    static func line<Report: VerificationReporting>(_ report: Report, trustAnchorsGiven: Bool) -> String {
        let verdict = report.verdict
        switch verdict {
        case .trusted:
            return "VALID: trusted (\(verdict.chineseTerm))"
        case .intact:
            let label = "INTACT (\(verdict.chineseTerm)): integrity only, the signer was not established"
            return report.isValid ? label : "NOT VALID: " + label
        case .untrusted:
            if !trustAnchorsGiven && report.mode == .full {
                return "NOT VALID: untrusted: " + noTrustAnchors
            }
            let failed = report.checks.filter { $0.role == .trust && $0.outcome != .passed }.map(\.name)
            return "NOT VALID: untrusted (\(verdict.chineseTerm)): "
                + "\(failed.joined(separator: ", ")) did not establish the signer"
        case .incomplete:
            return "NOT VALID: incomplete (\(verdict.chineseTerm)): "
                + "\(report.unchecked.map(\.name).joined(separator: ", ")) could not be checked"
        case .invalid:
            let failed = report.failures.map { "\($0.name) (\($0.check.chineseTerm))" }
            return "INVALID (\(verdict.chineseTerm)): \(failed.joined(separator: ", ")) failed"
        }
    }
}
