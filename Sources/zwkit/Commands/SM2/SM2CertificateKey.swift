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
        let certificate = try CLIError.refusing("\(InputFiles.display(path)): not a certificate") {
            () throws(X509Error) in
            if let text = String(data: data, encoding: .utf8), text.contains("-----BEGIN") {
                return try X509Certificate(pemRepresentation: text)
            }
            return try X509Certificate(derRepresentation: data)
        }
        guard case .sm2(let key) = certificate.publicKey else {
            throw CLIError(
                "\(InputFiles.display(path)): not an SM2 certificate",
                GMCryptoError.unexpectedKeyType(expected: "SM2", found: certificate.publicKey.algorithmName))
        }
        return key
    }
}
