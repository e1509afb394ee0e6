import ArgumentParser
import ELicense
import Foundation

/// `zwkit license issue`: data JSON → validated XML → sealed OFD licence.
struct LicenseIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue an electronic licence (电子证照签发) as a sealed OFD file.",
        discussion: """
            Reads the data JSON (`zwkit license template --type CODE` prints one), checks it as a verifier \
            would (schemas, identifier, holder and issuer codes, dates, catalogue), and writes an OFD with a \
            page of the face items, the metadata in DocInfo/CustomDatas, the data XML attached, sealed with \
            SEAL.esl by the holder of KEY.pem/CERT.pem. Exit 0 when written, 1 when the data fails a check, \
            2 for unreadable input.
            """)

    @Option(name: .customLong("type"), help: "The licence type code (see `zwkit license types`).") var typeCode: String
    @Option(help: "The licence data JSON.") var data: String
    @Option(help: "The issuer's seal (.esl) listing CERT.pem.") var seal: String
    @Option(help: "The issuer's SM2 private key (PEM).") var key: String
    @Option(help: "The issuer's certificate (PEM or DER).") var cert: String
    @Option(help: "The issuing time (YYYY-MM-DD or ISO 8601; default now).") var at: String?
    @Option(name: .shortAndLong, help: "Where to write the OFD.") var output: String

    func run() throws {
        let json = try InputFiles.read(data)
        // Text that is not JSON at all is unreadable input (exit 2); JSON with wrong fields is
        // licence data checked and found invalid (exit 1).
        _ = try JSONInputs.value(json, from: data)
        let time = try at.map { try TimeOptions.parse($0, option: "--at") } ?? Date()
        let issuer = try LicenseInputs.issuer(seal: seal, key: key, cert: cert)
        let ofd: Data
        do {
            let request = try LicenceRequest(json: json)
            let licence = try issuer.prepare(request, typeCode: typeCode, at: time)
            ofd = try issuer.issue(licence, at: time)
            try OutputFiles.write(ofd, to: output)
            Console.error("wrote \(output): \(licence.metadata.name) \(licence.metadata.identifierText)")
        } catch let error as ELicenseError {
            Console.error(error.description)
            switch error {
            case .invalidData, .invalidIdentifier, .schemaViolation: throw CLIExit.invalid
            default: throw CLIExit.usage
            }
        }
    }
}

/// Reading an issuer's seal, key and certificate.
enum LicenseInputs {
    static func issuer(seal: String, key: String, cert: String) throws -> LicenceIssuer {
        let sealValue = try SealInputs.seal(seal)
        let privateKey = try SealInputs.privateKey(key)
        let certificate = try SealInputs.certificate(cert)
        do {
            return try LicenceIssuer(seal: sealValue, privateKey: privateKey, certificate: certificate)
        } catch {
            throw CLIError(error.description)
        }
    }

    static func file(_ path: String) throws -> LicenceFile {
        let bytes = try InputFiles.read(path, limit: 256 << 20)
        do {
            return try LicenceFile(data: bytes)
        } catch {
            throw CLIError("\(InputFiles.display(path)): \(error.description)")
        }
    }
}
