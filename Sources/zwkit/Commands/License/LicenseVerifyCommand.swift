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
        let output = VerifyOutput(
            file: file, report: report, warnings: report.warnings, trustAnchorsGiven: !anchors.isEmpty,
            details: LicenceDetails(
                identifier: report.data?.metadata.identifierText, failures: report.failures.map(\.name)))
        if json {
            try Console.json(output)
        } else if let metadata = report.data?.metadata {
            output.printText(heading: "\(file): \(metadata.name) \(metadata.number), \(metadata.holder)")
        } else {
            output.printText(heading: "\(file):")
        }
        if !report.isValid { throw CLIExit.invalid }
    }
}

/// The licence's own `--json` fields.
private struct LicenceDetails: Encodable {
    let identifier: String?
    let failures: [String]
}
