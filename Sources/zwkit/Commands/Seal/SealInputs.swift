import ESeal
import Foundation
import GMCertificates
import GMCrypto

/// Reading keys, certificates, dates and seals for the seal commands, each failure a usage error (exit 2).
enum SealInputs {
    static func privateKey(_ path: String) throws -> SM2.Signing.PrivateKey {
        let text = try InputFiles.readText(path)
        do {
            return try SM2.Signing.PrivateKey(pemRepresentation: text)
        } catch {
            throw CLIError(
                "\(InputFiles.display(path)): not an SM2 private key in PEM: \(error.message) (\(error.chineseTerm))")
        }
    }

    /// One certificate, PEM or DER.
    static func certificate(_ path: String) throws -> X509Certificate {
        let data = try InputFiles.read(path)
        do {
            if let text = String(data: data, encoding: .utf8), text.contains("-----BEGIN") {
                return try X509Certificate(pemRepresentation: text)
            }
            return try X509Certificate(derRepresentation: data)
        } catch {
            throw CLIError(
                "\(InputFiles.display(path)): not an X.509 certificate: \(error.message) (\(error.chineseTerm))")
        }
    }

    /// Every certificate in a PEM bundle.
    static func certificates(_ path: String) throws -> [X509Certificate] {
        let text = try InputFiles.readText(path)
        do {
            return try X509Certificate.certificates(pemBundle: text)
        } catch {
            throw CLIError(
                "\(InputFiles.display(path)): not a PEM certificate bundle: \(error.message) (\(error.chineseTerm))")
        }
    }

    static func seal(_ path: String) throws -> ElectronicSeal {
        let data = try InputFiles.read(path)
        do {
            return try ElectronicSeal(derEncoded: data)
        } catch {
            throw CLIError(
                "\(InputFiles.display(path)): not an electronic seal: \(error.message) (\(error.chineseTerm)) [\(error.code)]"
            )
        }
    }

    /// A seal or a signature, whichever the file holds.
    static func document(_ path: String) throws -> ESealDocument {
        let data = try InputFiles.read(path)
        do {
            return try ESealDocument(derEncoded: data)
        } catch {
            throw CLIError(
                "\(InputFiles.display(path)): neither a seal nor a signature: \(error.message) (\(error.chineseTerm)) [\(error.code)]"
            )
        }
    }

}
