import ArgumentParser

/// `zwkit cert`: X.509 certificates with SM2 (and P-256, Ed25519) keys.
struct CertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert",
        abstract: "Show, verify and issue X.509 certificates (SM2, P-256, Ed25519); CRLs and OCSP responses.",
        subcommands: [
            CertShowCommand.self, CertVerifyCommand.self, CertIssueCommand.self, CertCRLCommand.self,
            CertOCSPCommand.self,
        ]
    )
}
