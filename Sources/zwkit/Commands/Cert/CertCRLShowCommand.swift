import ArgumentParser
import GMCertificates
import GMCrypto

/// `zwkit cert crl show FILE [--json] [--ca CERT]`: every field of a revocation list.
struct CertCRLShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a CRL's issuer, dates, number and revoked certificates; with --ca, check its signature.",
        discussion: """
            Exit 0 when the list reads (and, with --ca, its signature verifies), 1 when --ca does not verify it, \
            2 when it cannot be read.
            """
    )

    @Argument(help: "A CRL (PEM or DER), or - for stdin.")
    var list: String

    @Option(name: .customLong("ca"), help: "The issuer's certificate, to verify the list's signature.")
    var issuer: String?

    @Flag(help: "Print one JSON object.")
    var json = false

    struct Output: Encodable {
        let list: RevocationListReport
        let signatureValid: Bool?
        let signatureError: String?
    }

    func run() async throws {
        let revocationList = try RevocationListFiles.read(list)
        var signatureError: X509RevocationListError?
        var checked = false
        if let issuer {
            checked = true
            do {
                try revocationList.validateSignature(issuedBy: try CertificateFiles.readOne(issuer))
            } catch let error as X509RevocationListError {
                signatureError = error
            }
        }
        let report = RevocationListReport(revocationList)
        if json {
            try Console.json(
                Output(
                    list: report, signatureValid: checked ? signatureError == nil : nil,
                    signatureError: signatureError.map { "\($0) [\($0.code), \($0.chineseTerm)]" }))
        } else {
            report.lines.forEach(Console.output)
            if checked && signatureError == nil { Console.output("Signature:           verified with \(issuer ?? "")") }
        }
        if let signatureError {
            Console.error("signature: \(signatureError) [\(signatureError.code), \(signatureError.chineseTerm)]")
            throw CLIExit.invalid
        }
    }
}
