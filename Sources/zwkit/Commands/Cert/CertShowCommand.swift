import ArgumentParser

/// `zwkit cert show CERT.pem [--json]`: every field of each certificate in the file.
struct CertShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a certificate's names, validity, key, extensions and fingerprints."
    )

    @Argument(help: "A certificate (PEM, PEM bundle or DER), or - for stdin.")
    var certificate: String

    @Flag(help: "Print one JSON object per certificate.")
    var json = false

    func run() async throws {
        let certificates = try CertificateFiles.read(certificate)
        for (index, item) in certificates.enumerated() {
            let report = CertificateReport(item)
            if json {
                try Console.json(report)
            } else {
                if index > 0 { Console.output("") }
                report.lines.forEach(Console.output)
            }
        }
    }
}
