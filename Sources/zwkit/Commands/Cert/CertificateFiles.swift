import Foundation
import GMCertificates
import GMCrypto

/// Reading certificate files the way operators have them: PEM (one or a bundle) or DER.
enum CertificateFiles {
    /// Every certificate in `path` (`-` for stdin); unreadable or malformed input exits 2.
    static func read(_ path: String) throws -> [X509Certificate] {
        let data = try InputFiles.read(path)
        do {
            if let text = String(data: data, encoding: .utf8), text.contains("-----BEGIN") {
                return try X509Certificate.certificates(pemBundle: text)
            }
            return [try X509Certificate(derRepresentation: data)]
        } catch {
            throw CLIError("\(InputFiles.display(path)): \(error) [\(error.code)]")
        }
    }

    /// The one certificate in `path`; a bundle is refused rather than guessed at.
    static func readOne(_ path: String) throws -> X509Certificate {
        let certificates = try read(path)
        guard certificates.count == 1, let certificate = certificates.first else {
            throw CLIError(
                "\(InputFiles.display(path)) holds \(certificates.count) certificates; expected one (证书数量错误)")
        }
        return certificate
    }

    /// A private key PEM of any certificate-signing algorithm.
    static func readKey(_ path: String) throws -> X509Certificate.PrivateKey {
        do {
            return try X509Certificate.PrivateKey(pemRepresentation: InputFiles.readText(path))
        } catch let error as X509Error {
            throw CLIError(
                "\(InputFiles.display(path)): not a private key this command reads (SM2, P-256 or Ed25519 in PEM): "
                    + "\(error.message) (\(error.chineseTerm)) [\(error.code)]")
        }
    }

}
