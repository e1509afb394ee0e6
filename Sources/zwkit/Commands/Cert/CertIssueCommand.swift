import ArgumentParser
import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitSupport

/// `zwkit cert issue`: test CAs and leaves, self-signed or signed by a CA key.
struct CertIssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a certificate: a self-signed root, or a CA or leaf signed by --ca-key/--ca-cert.",
        discussion: """
            SM2 certificates are signed with SM3withSM2 and the ID 1234567812345678, and pass
            `openssl verify -vfyopt distid:1234567812345678`. Meant for test PKIs, examples and seal
            makers; a production CA needs policies and key protection this command does not offer.
            """
    )

    @Option(help: "The subject as an RFC 4514 name, most specific first: \"CN=某某市人民政府,O=某某市,C=CN\".")
    var subject: String

    @Option(parsing: .unconditional, help: "Days of validity from --not-before.")
    var days: Int = 365

    @Option(help: "The start of validity (2025-01-31 or 2025-01-31T08:00:00Z); now by default.")
    var notBefore: String?

    @Flag(help: "Issue a CA certificate (cA true, keyCertSign and cRLSign) instead of a signing leaf.")
    var ca = false

    @Option(parsing: .unconditional, help: "The CA's path length constraint (with --ca).")
    var pathLength: Int?

    @Option(help: "The serial number in hexadecimal; random 16 bytes by default.")
    var serial: String?

    @Option(help: "The subject's private key (PEM); a new key is generated when absent.")
    var key: String?

    @Option(help: "Where to write the generated private key (PEM) when --key is absent.")
    var keyOut: String?

    @Option(help: "The algorithm of a generated key: sm2, p256 or ed25519.")
    var algorithm: KeyAlgorithm = .sm2

    enum KeyAlgorithm: String, ExpressibleByArgument, CaseIterable {
        case sm2, p256, ed25519

        var keyAlgorithm: X509Certificate.PrivateKey.Algorithm {
            switch self {
            case .sm2: return .sm2
            case .p256: return .p256
            case .ed25519: return .ed25519
            }
        }
    }

    @Option(help: "The issuing CA's private key (PEM); self-signed when absent.")
    var caKey: String?

    @Option(help: "The issuing CA's certificate (with --ca-key).")
    var caCert: String?

    @Option(help: "Where to write the certificate (PEM); - for stdout.")
    var out: String = "-"

    @Flag(
        name: .customLong("allow-non-ca"),
        help: """
            Issue even when --ca-cert is not a CA certificate (cA true, keyCertSign). Verifiers refuse the \
            result; meant for making test cases only.
            """)
    var allowNonCA = false

    func validate() throws {
        guard (caKey == nil) == (caCert == nil) else {
            throw ValidationError("--ca-key and --ca-cert go together")
        }
        guard key != nil || keyOut != nil else {
            throw ValidationError("give --key to use an existing key, or --key-out to keep the generated one")
        }
        guard days > 0 else { throw ValidationError("--days must be positive") }
        guard pathLength == nil || ca else { throw ValidationError("--path-length needs --ca") }
    }

    func run() async throws {
        let subjectKey = try key.map(CertificateFiles.readKey) ?? .generate(algorithm.keyAlgorithm)
        let builder = try makeBuilder()
        let certificate: X509Certificate
        do {
            if let caKey, let caCert {
                let issuer = try CertificateFiles.readOne(caCert)
                try refuseNonCA(issuer, path: caCert)
                certificate = try builder.issue(
                    for: subjectKey.publicKey, issuer: issuer, issuerKey: CertificateFiles.readKey(caKey))
            } else {
                certificate = try builder.selfSigned(with: subjectKey)
            }
        } catch let error as X509Error {
            throw CLIError("\(error) [\(error.code), \(error.chineseTerm)]")
        }
        if key == nil, let keyOut {
            try OutputFiles.write(Data(subjectKey.pemRepresentation.utf8), to: keyOut, access: .ownerOnly)
        }
        try OutputFiles.write(Data(certificate.pemRepresentation.utf8), to: out)
        if out != "-" {
            Console.error("issued \(certificate.subject), serial \(certificate.serialNumber), to \(out)")
        }
    }

    /// A chain verifier refuses a certificate issued by one that is not a CA, so issuing one is
    /// refused too unless asked for by name (exit 1: the issuer was read and found unfit).
    private func refuseNonCA(_ issuer: X509Certificate, path: String) throws {
        guard !allowNonCA else { return }
        var missing: [String] = []
        if !issuer.isCertificateAuthority { missing.append("basicConstraints cA true") }
        if let usage = issuer.keyUsage, !usage.contains(.keyCertSign) { missing.append("keyUsage keyCertSign") }
        guard !missing.isEmpty else { return }
        Console.error(
            "\(InputFiles.display(path)): \(issuer.subject) is not a CA certificate (no "
                + missing.joined(separator: ", ") + "); a verifier would refuse what it issues, so nothing was "
                + "issued (非CA证书不能签发证书). Give a CA certificate, or --allow-non-ca to make a test certificate.")
        throw CLIExit.invalid
    }

    private func makeBuilder() throws -> X509CertificateBuilder {
        let name: X509Certificate.DistinguishedName
        do {
            name = try X509Certificate.DistinguishedName(rfc4514String: subject)
        } catch {
            throw CLIError("--subject: \(error.message) (\(error.chineseTerm))")
        }
        let start = try notBefore.map { try TimeOptions.parse($0, option: "--not-before") } ?? Date()
        let duration = TimeInterval(days) * 86_400
        var builder =
            ca
            ? X509CertificateBuilder.certificateAuthority(
                subject: name, pathLengthConstraint: pathLength, validFor: duration, from: start)
            : X509CertificateBuilder.endEntity(subject: name, validFor: duration, from: start)
        if let serial {
            // An odd number of digits is read as if it had a leading zero.
            guard let bytes = Hex.decode(serial.count % 2 == 0 ? serial : "0" + serial), !bytes.isEmpty else {
                throw CLIError("--serial \(serial) is not hexadecimal (序列号格式错误)")
            }
            builder.serialNumber = .init(bytes: bytes)
        }
        return builder
    }
}
