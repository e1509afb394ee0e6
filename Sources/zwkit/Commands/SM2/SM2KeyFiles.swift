import ArgumentParser
import Foundation
import GMCrypto

/// Reading and writing SM2 key and signature files for the sm2 verbs, refusals in the house
/// shape (`CLIError(_:_:)`).
enum SM2KeyFiles {
    static func privateKey(_ path: String) throws -> SM2.Signing.PrivateKey {
        let pem = try InputFiles.readText(path)
        return try CLIError.refusing("\(InputFiles.display(path)): not an SM2 private key") {
            () throws(GMCryptoError) in try SM2.Signing.PrivateKey(pemRepresentation: pem)
        }
    }

    static func publicKey(_ path: String) throws -> SM2.Signing.PublicKey {
        let pem = try InputFiles.readText(path)
        return try CLIError.refusing("\(InputFiles.display(path)): not an SM2 public key") {
            () throws(GMCryptoError) in try SM2.Signing.PublicKey(pemRepresentation: pem)
        }
    }

    /// Writes a private key readable by its owner only.
    static func writePrivate(_ pem: String, to path: String) throws {
        try OutputFiles.write(Data(pem.utf8), to: path, access: .ownerOnly)
    }

    /// A DER SM2 signature is at most 72 bytes and a raw one 64: anything near this is not one.
    static let signatureLimit = 4 << 10

    /// The signature in `data`: DER when it parses as DER, else 64-byte raw r‖s.
    static func signature(_ data: Data, path: String) throws -> (SM2.Signing.Signature, SignatureFormat) {
        if let der = try? SM2.Signing.Signature(derRepresentation: data) {
            return (der, .der)
        }
        if let raw = try? SM2.Signing.Signature(rawRepresentation: data) {
            return (raw, .raw)
        }
        throw CLIError(
            InputFiles.display(path),
            GMCryptoError.malformedSignature(
                "neither a DER SM2 signature nor a 64-byte raw r‖s (\(data.count) bytes)"))
    }
}

/// How a signature file is encoded.
enum SignatureFormat: String, ExpressibleByArgument, Encodable, CaseIterable {
    /// DER `SEQUENCE { r INTEGER, s INTEGER }`, what OpenSSL and certificates use.
    case der
    /// 64-byte r‖s, what JOSE and some seals use.
    case raw
}
