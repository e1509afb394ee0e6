import ZhengwuKitCore

/// What a verify command prints for one report, as text or as one `--json` object: the parts
/// every verifier shares (verdict, trust, mode, checks, warnings, the summary line), then the
/// command's own `details`. The commands differ only in their heading and those details.
struct VerifyOutput<Report: VerificationReporting, Details: Encodable>: Encodable {
    let file: String
    let report: Report
    let warnings: [VerificationWarning]
    let summary: String
    let details: Details

    /// The report, its summary judged by ``VerdictSummary``.
    init(file: String, report: Report, warnings: [VerificationWarning], trustAnchorsGiven: Bool, details: Details) {
        self.file = file
        self.report = report
        self.warnings = warnings
        self.summary = VerdictSummary.line(report, trustAnchorsGiven: trustAnchorsGiven)
        self.details = details
    }

    /// `heading`, every check and warning, then the summary line.
    func printText(heading: String) {
        Console.output(heading)
        for check in report.checks { Console.output("  \(check)") }
        for warning in warnings { Console.output("  warning     \(warning.code): \(warning)") }
        Console.output(summary)
    }

    private enum Key: String, CodingKey {
        case file, verdict, trust, mode, valid, summary, checks, warnings
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(file, forKey: .file)
        try container.encode(report.verdict, forKey: .verdict)
        try container.encode(report.trust, forKey: .trust)
        try container.encode(report.mode, forKey: .mode)
        try container.encode(report.isValid, forKey: .valid)
        try container.encode(summary, forKey: .summary)
        try container.encode(report.checks, forKey: .checks)
        try container.encode(warnings, forKey: .warnings)
        // The details' own keys go into the same object.
        try details.encode(to: encoder)
    }
}
