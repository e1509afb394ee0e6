import ArgumentParser
import ELicense
import Foundation
import GMCertificates
import ZhengwuKitCore

/// `zwkit license verify`: every check of a licence file, named.
struct LicenseVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify an electronic licence (电子证照验证) and list every check.",
        discussion: """
            Checks the OFD seals (intact and, with --trust, trusted), the data XML and face items against \
            their schemas, the identifier's check character, the holder's and issuer's codes, the dates \
            (and expiry at --at or now), the catalogue, CustomDatas against the data, an annotated copy's \
            purpose and expiry, and with --status the licence's status in a signed, current list. Exit 0 \
            when every check passes and the seal is trusted (or intact with --integrity-only), 1 otherwise \
            naming the failing checks, 2 when the file cannot be read.
            """)

    @Argument(help: "The licence (.ofd).") var file: String
    @Option(help: "Trust anchors (PEM bundle) the seal and status-list certificates must chain to.") var trust: String?
    @Flag(help: "Check integrity only, not who signed (labelled as such).") var integrityOnly = false
    @Option(help: "A licence status list (DER) to consult.") var status: String?
    @Option(help: "A certificate besides the licence's signer allowed to sign status lists (repeatable).")
    var statusAuthority: [String] = []
    @Option(help: "The verification time (YYYY-MM-DD or ISO 8601; default now).") var at: String?
    @Flag(help: "Accept the documented departures of real data (lower-case identifiers, legacy credit codes).")
    var lenient = false
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard !(integrityOnly && trust != nil) else {
            throw ValidationError("--integrity-only checks no trust: give either --trust or --integrity-only")
        }
    }

    func run() throws {
        let licence = try LicenseInputs.file(file)
        let anchors = try trust.map(SealInputs.certificates) ?? []
        let time = try at.map { try TimeOptions.parse($0, option: "--at") } ?? Date()
        var list: LicenceStatusList?
        if let status {
            do {
                list = try LicenceStatusList(derEncoded: try InputFiles.read(status))
            } catch let error as ELicenseError {
                throw CLIError("\(status): \(error.description)")
            }
        }
        let verifier = LicenceVerifier(
            trustAnchors: anchors, statusList: list,
            statusAuthorities: try statusAuthority.map(SealInputs.certificate),
            mode: integrityOnly ? .integrityOnly : .full, strictness: lenient ? .lenient : .strict)
        let report = verifier.verify(licence, at: time)
        let summary = VerdictSummary.line(report, trustAnchorsGiven: !anchors.isEmpty)
        if json {
            try Console.json(LicenseVerifyOutput(file: file, report: report, summary: summary))
        } else {
            if let metadata = report.data?.metadata {
                Console.output("\(file): \(metadata.name) \(metadata.number), \(metadata.holder)")
            } else {
                Console.output("\(file):")
            }
            for check in report.checks { Console.output("  \(check)") }
            for warning in report.warnings { Console.output("  warning     \(warning.code): \(warning)") }
            Console.output(summary)
        }
        if !report.isValid { throw CLIExit.invalid }
    }
}

private struct LicenseVerifyOutput: Encodable {
    let file: String
    let verdict: Verdict
    let trust: Trust
    let mode: VerificationMode
    let valid: Bool
    let summary: String
    let identifier: String?
    let failures: [String]
    let checks: [CheckResult<LicenceCheck>]
    let warnings: [VerificationWarning]

    init(file: String, report: LicenceVerificationReport, summary: String) {
        self.file = file
        self.verdict = report.verdict
        self.trust = report.trust
        self.mode = report.mode
        self.valid = report.isValid
        self.summary = summary
        self.identifier = report.data?.metadata.identifierText
        self.failures = report.failures.map(\.name)
        self.checks = report.checks
        self.warnings = report.warnings
    }
}
