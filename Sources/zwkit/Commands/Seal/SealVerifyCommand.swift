import ArgumentParser
import ESeal
import Foundation
import GMCrypto

/// `zwkit seal verify`: 验章, every check with its outcome.
struct SealVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a seal or a signature (验章) and list every check.",
        discussion: """
            A seal is checked on its own (maker's signature, validity at --at or now); a signature with \
            every check, the data hash reported as not checked when --data is absent. With --crl (and \
            --trust), the maker's and signer's certificates must not be revoked at the verification time (--at or \
            now), or with --revocation-at asserted at the seal's creation and the signing time they claim. \
            Exit 0 when every performed check passes, 1 otherwise (a revoked certificate included), 2 when \
            the file cannot be read.
            """)

    @Argument(help: "A seal (.esl) or a signature (SignedValue.dat).") var file: String
    @Option(help: "The signed data, to check dataHash against.") var data: String?
    @Option(help: "Trust anchors (PEM bundle) the certificates must chain to.") var trust: String?
    @Option(
        help:
            "The verification time (YYYY-MM-DD or ISO 8601; default now): a seal's validity, and revocation, are judged at it."
    )
    var at: String?
    @OptionGroup var revocation: RevocationOptions
    @Option(
        help: """
            With --crl: judge revocation at the verification time (verification), or at the times the seal and \
            signature claim (asserted), which a holder of a revoked key could back-date.
            """)
    var revocationAt: SealVerifier.RevocationTime = .verification
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard !revocation.isEnabled || trust != nil else {
            throw ValidationError("--crl and --ocsp need --trust: revocation is checked along a proven chain")
        }
    }

    func run() async throws {
        let bytes = try InputFiles.read(file)
        let anchors = try trust.map(SealInputs.certificates) ?? []
        let time = try at.map { try TimeOptions.parse($0, option: "--at") } ?? Date()
        let protected = data.map { ProtectedData.file(URL(fileURLWithPath: $0)) }
        if let data, !FileManager.default.isReadableFile(atPath: data) {
            throw CLIError("cannot read \(data)")
        }
        let revocationPolicy =
            try revocation.isEnabled
            ? SealVerifier.revocationPolicy(
                lists: revocation.readLists(), responses: revocation.readResponses(),
                whenNoList: revocation.whenNoList, whenStale: revocation.whenStale,
                maximumAge: revocation.maximumAge)
            : nil
        let report = SealVerifier(trustAnchors: anchors, revocation: revocationPolicy, revocationTime: revocationAt)
            .verify(document: bytes, data: protected, at: time)
        if json {
            try Console.json(VerifyOutput(file: file, report: report))
        } else {
            let kind = report.version.map { "\($0) \(report.subject.rawValue)" } ?? report.subject.rawValue
            Console.output("\(file): \(kind)")
            for check in report.checks { Console.output("  \(check)") }
            for warning in report.warnings { Console.output("  warning    \(warning)") }
            Console.output(report.isValid ? "VALID (验章通过)" : "INVALID (验章失败)")
        }
        if !report.isValid { throw CLIExit.invalid }
    }
}

private struct VerifyOutput: Encodable {
    let file: String
    let valid: Bool
    let subject: String
    let version: Int?
    let checks: [CheckResult]
    let warnings: [Deviation]

    init(file: String, report: VerificationReport) {
        self.file = file
        self.valid = report.isValid
        self.subject = report.subject.rawValue
        self.version = report.version?.rawValue
        self.checks = report.checks
        self.warnings = report.warnings
    }
}

extension SealVerifier.RevocationTime: ExpressibleByArgument {}
