import ArgumentParser

/// `zwkit cert crl`: certificate revocation lists.
struct CertCRLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crl",
        abstract: "Show and issue certificate revocation lists (CRLs); check them with `cert verify --crl`.",
        subcommands: [CertCRLShowCommand.self, CertCRLIssueCommand.self]
    )
}
