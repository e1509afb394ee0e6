import Foundation
import GMCertificates
import GMCrypto

extension SM2KeyFiles {
    /// The SM2 public key in the certificate at `path` (PEM or DER).
    ///
    /// The certificate is only a container for the key here: checking it (chain, validity,
    /// key usage) is `zwkit cert verify`'s job.
    static func certificateKey(_ path: String) throws -> SM2.Signing.PublicKey {
        let data = try InputFiles.read(path)
        let certificate: X509Certificate
        do {
            if let text = String(data: data, encoding: .utf8), text.contains("-----BEGIN") {
                certificate = try X509Certificate(pemRepresentation: text)
            } else {
                certificate = try X509Certificate(derRepresentation: data)
            }
        } catch {
            throw CLIError("\(InputFiles.display(path)) is not a certificate: \(error.message) (\(error.chineseTerm))")
        }
        guard case .sm2(let key) = certificate.publicKey else {
            throw CLIError(
                "the certificate \(path) carries a \(certificate.publicKey.algorithmName) key, not SM2 (密钥算法或曲线不符)")
        }
        return key
    }
}
