import ArgumentParser
import ESeal
import Foundation
import OFD
import ZhengwuKitCore

/// `zwkit ofd verify`: every signature of an OFD file, each with its integrity verdict and trust.
struct OFDVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify every signature of an OFD file (验章) and list every check.",
        discussion: """
            Each signature: every protected file's SM3 against its CheckValue (naming the changed files), \
            the signed value's dataHash against Signature.xml, the signer's and the seal maker's signatures, \
            validity, and the chains to the roots given with --trust. Without --trust the signer is not \
            established (未验证信任链) and the answer is not valid unless --integrity-only asks for \
            integrity alone. Exit 0 when every signature is intact (or only its signature list was changed by \
            a later seal) and trusted (or intact with --integrity-only), 1 otherwise (also when the file has \
            no signature), 2 when the file cannot be read.
            """)

    @Argument(help: "The OFD file.") var file: String
    @Option(help: "Trust anchors (PEM bundle) the certificates must chain to.") var trust: String?
    @Flag(name: .customLong("integrity-only"), help: "Check integrity alone, not who signed.")
    var integrityOnly = false
    @Flag(help: "Print one JSON object per signature.") var json = false

    func validate() throws {
        guard !(integrityOnly && trust != nil) else {
            throw ValidationError("--integrity-only checks no trust: give either --trust or --integrity-only")
        }
    }

    func run() async throws {
        let anchors = try trust.map(SealInputs.certificates) ?? []
        let input = try OFDInputs.open(file)
        let mode: VerificationMode = integrityOnly ? .integrityOnly : .full
        let verifier = OFDVerifier(
            sealVerifier: SealVerifier(trustAnchors: anchors, mode: mode),
            signedDataTrustAnchors: anchors, mode: mode)
        let report = verifier.verify(input.file)
        if json {
            for signature in report.signatures {
                try Console.json(SignatureOutput(signature))
            }
        } else {
            Console.output("\(file): \(report.signatures.count) signature(s)")
            for warning in report.warnings { Console.output("  warning     \(warning.code): \(warning)") }
            for signature in report.signatures {
                Console.output("\(signature.signature) [\(signature.format)] \(signature.integrity.rawValue)")
                if let name = signature.sealName { Console.output("  seal \"\(name)\"") }
                if !signature.modifiedFiles.isEmpty {
                    Console.output("  modified: \(signature.modifiedFiles.joined(separator: ", "))")
                }
                for check in signature.checks { Console.output("  \(check)") }
                for warning in signature.warnings { Console.output("  warning     \(warning.code): \(warning)") }
                Console.output("  " + VerdictSummary.line(signature, trustAnchorsGiven: !anchors.isEmpty))
            }
        }
        if report.signatures.isEmpty {
            Console.error("NOT VALID: \(file) carries no signature (无签名)")
        } else if !report.isValid, json, anchors.isEmpty, !integrityOnly {
            Console.error("NOT VALID: " + VerdictSummary.noTrustAnchors)
        }
        if !report.isValid { throw CLIExit.invalid }
    }
}

private struct SignatureOutput: Encodable {
    let signature: String
    let id: String
    let format: String
    let verdict: String
    let result: Verdict
    let trust: Trust
    let mode: VerificationMode
    let valid: Bool
    let sealName: String?
    let signingTime: String?
    let modifiedFiles: [String]
    let warnings: [VerificationWarning]
    let failures: [CheckResult<OFDCheck>]
    let checks: [CheckResult<OFDCheck>]

    init(_ report: OFDSignatureReport) {
        signature = report.signature
        id = report.id
        format = report.format
        verdict = report.integrity.rawValue
        result = report.verdict
        trust = report.trust
        mode = report.mode
        valid = report.isValid
        sealName = report.sealName
        signingTime = report.signingTime
        modifiedFiles = report.modifiedFiles
        warnings = report.warnings
        failures = report.failures
        checks = report.checks
    }
}
