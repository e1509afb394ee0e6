import ArgumentParser
import Foundation
import GMCertificates
import GMCrypto

/// `zwkit cert verify LEAF.pem --ca ROOT.pem [--intermediate CERT.pem]... [--at DATE]`.
struct CertVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a certificate chain to trusted roots (exit 0 valid, 1 invalid, 2 unreadable).",
        discussion: """
            Builds the chain itself and checks every signature (SM2 with the ID 1234567812345678), \
            validity period, CA flag, keyCertSign and path length. With --crl (or --ocsp), no \
            certificate below the root may be revoked (a revoked certificate exits 1). On failure it \
            names the reason and the certificate.
            """
    )

    @Argument(help: "The certificate to verify (the leaf).")
    var leaf: String

    @Option(name: .customLong("ca"), help: "A trusted root certificate or bundle (repeatable).")
    var roots: [String] = []

    @Option(name: .customLong("intermediate"), help: "An intermediate certificate or bundle (repeatable).")
    var intermediates: [String] = []

    @Option(help: "Verify at this time instead of now (2025-01-31 or 2025-01-31T08:00:00Z).")
    var at: String?

    @OptionGroup var revocation: RevocationOptions

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    struct Report: Encodable {
        let valid: Bool
        let chain: [String]?
        let code: String?
        let reason: String?
        let chineseTerm: String?
        let depth: Int?
        let subject: String?
        let warnings: [String]?
    }

    func validate() throws {
        guard !roots.isEmpty else { throw ValidationError("give at least one trusted root with --ca") }
    }

    func run() async throws {
        let leafCertificate = try CertificateFiles.readOne(leaf)
        let trustRoots = try roots.flatMap(CertificateFiles.read)
        let intermediateCertificates = try intermediates.flatMap(CertificateFiles.read)
        let time = try at.map { try TimeOptions.parse($0, option: "--at") } ?? Date()

        let revocationPolicy =
            try revocation.isEnabled
            ? X509RevocationPolicy(
                lists: revocation.readLists(), responses: revocation.readResponses(), whenNoList: revocation.whenNoList,
                whenStale: revocation.whenStale, maximumAge: revocation.maximumAge)
            : nil
        let result = X509Verifier(trustRoots: trustRoots) {
            if let revocationPolicy { revocationPolicy }
        }.verify(leafCertificate, intermediates: intermediateCertificates, at: time)
        switch result {
        case .valid(let chain):
            let warnings = RevocationListFiles.warnings(revocationPolicy?.statuses(of: chain, at: time) ?? [])
            if json {
                try Console.json(
                    Report(
                        valid: true, chain: chain.map(\.subject.description), code: nil, reason: nil, chineseTerm: nil,
                        depth: nil, subject: nil, warnings: warnings.isEmpty ? nil : warnings))
            } else {
                Console.output("valid: " + chain.map(\.subject.description).joined(separator: " <- "))
            }
            for warning in warnings { Console.error("warning: \(warning)") }
        case .invalid(let failure):
            if json {
                try Console.json(
                    Report(
                        valid: false, chain: nil, code: failure.code, reason: failure.message,
                        chineseTerm: failure.chineseTerm, depth: failure.depth,
                        subject: failure.certificate.subject.description, warnings: nil))
            }
            Console.error("invalid: \(failure)")
            throw CLIExit.invalid
        }
    }
}
