import ArgumentParser
import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitSupport

/// `zwkit cert crl issue --ca-cert CA.pem --ca-key CA.key [--revoke SERIAL[,REASON[,DATE]]]...`.
struct CertCRLIssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a CRL signed by --ca-key/--ca-cert, revoking the serial numbers given.",
        discussion: """
            SM2 lists are signed with SM3withSM2 and the ID 1234567812345678, like `cert issue`'s \
            certificates. Meant for test CAs; a production CA keeps its own database of revocations.
            """
    )

    @Option(help: "The issuing CA's certificate.")
    var caCert: String

    @Option(help: "The issuing CA's private key (PEM).")
    var caKey: String

    @Option(
        help: ArgumentHelp(
            "A revoked certificate: its serial in hex, optionally a reason and a revocation date (repeatable).",
            valueName: "SERIAL[,REASON[,DATE]]"))
    var revoke: [String] = []

    @Option(help: "A revoked certificate given as its file, optionally with a reason (repeatable).")
    var revokeCert: [String] = []

    @Option(help: "The CRL number; increase it with every list.")
    var crlNumber: UInt64 = 1

    @Option(parsing: .unconditional, help: "Days from --this-update to nextUpdate.")
    var days: Int = 7

    @Option(help: "When the list is issued (2025-01-31 or 2025-01-31T08:00:00Z); now by default.")
    var thisUpdate: String?

    @Option(help: "Where to write the list (PEM); - for stdout.")
    var out: String = "-"

    @Flag(help: "Write DER instead of PEM.")
    var der = false

    func validate() throws {
        guard days > 0 else { throw ValidationError("--days must be positive") }
    }

    func run() async throws {
        let issuer = try CertificateFiles.readOne(caCert)
        let start = try thisUpdate.map { try TimeOptions.parse($0, option: "--this-update") } ?? Date()
        var builder = X509RevocationListBuilder(
            crlNumber: crlNumber, validFor: TimeInterval(days) * 86_400, from: start)
        for spec in revoke {
            let parts = spec.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let serial = parts.first, let bytes = Hex.decode(serial.count % 2 == 0 ? serial : "0" + serial),
                !bytes.isEmpty
            else { throw CLIError("--revoke \(spec): the serial number is not hexadecimal (序列号格式错误)") }
            builder.revoke(
                .init(bytes: bytes), at: try date(parts, at: 2, default: start), reason: try reason(parts, spec: spec))
        }
        for spec in revokeCert {
            let parts = spec.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let certificate = try CertificateFiles.readOne(parts[0])
            builder.revoke(
                certificate, at: try date(parts, at: 2, default: start), reason: try reason(parts, spec: spec))
        }
        let list: X509RevocationList
        do {
            list = try builder.issue(issuer: issuer, issuerKey: CertificateFiles.readKey(caKey))
        } catch let error as X509RevocationListError {
            throw CLIError("\(error) [\(error.code), \(error.chineseTerm)]")
        }
        try OutputFiles.write(der ? list.derRepresentation : Data(list.pemRepresentation.utf8), to: out)
        if out != "-" {
            Console.error("issued CRL \(crlNumber) of \(issuer.subject) with \(list.entries.count) entries to \(out)")
        }
    }

    private func reason(_ parts: [String], spec: String) throws -> X509RevocationList.ReasonCode? {
        guard parts.count > 1, !parts[1].isEmpty else { return nil }
        guard
            let reason = X509RevocationList.ReasonCode.allCases.first(where: {
                $0.name.lowercased() == parts[1].lowercased()
            })
        else {
            let names = X509RevocationList.ReasonCode.allCases.map(\.name).joined(separator: ", ")
            throw CLIError("\(spec): unknown reason \(parts[1]); one of \(names) (吊销原因错误)")
        }
        return reason
    }

    private func date(_ parts: [String], at index: Int, default start: Date) throws -> Date {
        guard parts.count > index, !parts[index].isEmpty else { return start }
        return try TimeOptions.parse(parts[index], option: "--revoke")
    }
}
