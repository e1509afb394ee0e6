import ArgumentParser
import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore

/// `zwkit cert ocsp RESPONSE.der --cert LEAF.pem --issuer CA.pem [--at DATE] [--json]`.
struct CertOCSPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocsp",
        abstract:
            "Check a saved OCSP response about a certificate (exit 0 good, 1 revoked/unknown/invalid, 2 unreadable).",
        discussion: """
            The response must be signed by the issuer, or by a responder certificate the issuer signed with \
            the OCSPSigning extended key usage (SM2 with the ID 1234567812345678), and be current at --at \
            (now by default). No request is sent.
            """
    )

    @Argument(help: "A DER OCSP response (as `openssl ocsp -respout` writes it), or - for stdin.")
    var response: String

    @Option(help: "The certificate the response is about.")
    var cert: String

    @Option(help: "The certificate of its issuer.")
    var issuer: String

    @Option(help: "Judge at this time instead of now (2025-01-31 or 2025-01-31T08:00:00Z).")
    var at: String?

    @Flag(help: "Accept an answer produced after --at, for checking a past time with a later response.")
    var acceptLater = false

    @Flag(help: "Print one JSON object.")
    var json = false

    struct Output: Encodable {
        let status: String?
        let revocationDate: String?
        let reason: String?
        let code: String?
        let error: String?
        let chineseTerm: String?
    }

    func run() async throws {
        let bytes = try InputFiles.read(response)
        let certificate = try CertificateFiles.readOne(cert)
        let issuerCertificate = try CertificateFiles.readOne(issuer)
        let time = try at.map { try TimeOptions.parse($0, option: "--at") } ?? Date()
        let parsed: X509OCSPResponse
        do {
            parsed = try X509OCSPResponse(derRepresentation: bytes)
        } catch .unsuccessful(let status) {
            return try report(.unsuccessful(status))
        } catch {
            throw CLIError("\(response): \(error) [\(error.code), \(error.chineseTerm)]")
        }
        let status: X509OCSPResponse.CertificateStatus
        do {
            status = try parsed.status(
                of: certificate, issuedBy: issuerCertificate, at: time, acceptsLaterResponses: acceptLater)
        } catch {
            return try report(error)
        }
        try report(status)
    }

    private func report(_ status: X509OCSPResponse.CertificateStatus) throws {
        switch status {
        case .good:
            if json {
                try Console.json(
                    Output(status: "good", revocationDate: nil, reason: nil, code: nil, error: nil, chineseTerm: nil))
            } else {
                Console.output("good")
            }
        case .revoked(let date, let reason):
            if json {
                try Console.json(
                    Output(
                        status: "revoked", revocationDate: Timestamp.format(date), reason: reason?.name, code: nil,
                        error: nil, chineseTerm: "证书已撤销"))
            }
            Console.error(
                "revoked on \(Timestamp.format(date))"
                    + (reason.map { ", reason \($0.name) (\($0.chineseTerm))" } ?? ""))
            throw CLIExit.invalid
        case .unknown:
            if json {
                try Console.json(
                    Output(
                        status: "unknown", revocationDate: nil, reason: nil, code: nil, error: nil,
                        chineseTerm: "证书状态未知"))
            }
            Console.error("unknown: the responder does not know the certificate (证书状态未知)")
            throw CLIExit.invalid
        }
    }

    private func report(_ error: X509OCSPError) throws {
        if json {
            try Console.json(
                Output(
                    status: nil, revocationDate: nil, reason: nil, code: error.code, error: error.description,
                    chineseTerm: error.chineseTerm))
        }
        Console.error("invalid: \(error) [\(error.code), \(error.chineseTerm)]")
        throw CLIExit.invalid
    }
}
