import Foundation
import GMCrypto
import UnifiedIdentity

/// What the token commands share: reading keys and mapping `--alg` options.
enum TokenCLI {
    static func keyType(forAlgorithmOption alg: String) throws -> KeyKind {
        switch alg.uppercased() {
        case "SM2", "SM2SM3", "GMSM2", "SM3WITHSM2": return .sm2
        case "ES256", "P-256", "P256": return .p256
        case "ED25519", "EDDSA": return .ed25519
        default: throw CLIError("--alg must be SM2, ES256 or Ed25519 (got \(alg)) (签名算法错误)")
        }
    }

    /// The names to issue with: `alg` must name the key's own algorithm.
    static func names(forIssuing keyType: KeyKind, alg: String?) throws -> AlgorithmNames {
        var names = AlgorithmNames.standard
        guard let alg else { return names }
        switch keyType {
        case .sm2:
            guard !alg.isEmpty, (try? AlgorithmNames.interoperable.algorithm(named: alg)) == .sm2WithSM3 else {
                throw CLIError(
                    "--alg \(alg) does not name SM2-with-SM3 (use SM2SM3, GmSM2, SM3withSM2 or SM2) (签名算法错误)")
            }
            names.sm2Name = alg
        case .ed25519:
            guard alg == "Ed25519" || alg == "EdDSA" else {
                throw CLIError("--alg for an Ed25519 key is Ed25519 or EdDSA (签名算法错误)")
            }
            names.ed25519Name = alg
        case .p256:
            guard alg == "ES256" else { throw CLIError("--alg for a P-256 key is ES256 (签名算法错误)") }
        case .rsa:
            throw CLIError("RSA keys verify only; zwkit does not issue RS256 tokens (签名算法错误)")
        }
        return names
    }

    /// A verification key from a PEM file holding a public or a private key.
    static func verificationKey(from path: String) throws -> VerificationKey {
        let pem = try InputFiles.readText(path)
        if let key = try? VerificationKey(pemRepresentation: pem) { return key }
        do {
            return try SigningKey(pemRepresentation: pem).publicKey
        } catch {
            throw CLIError(
                "\(InputFiles.display(path)): not a public or private key PEM this tool reads "
                    + "(SM2, P-256, Ed25519; RSA public keys): \(error.message) (\(error.chineseTerm)) [\(error.code)]")
        }
    }

    /// The signing key in the PEM file `path`, named in the message when it is not one.
    static func signingKey(from path: String, keyID: String? = nil) throws -> SigningKey {
        let pem = try InputFiles.readText(path)
        do {
            return try SigningKey(pemRepresentation: pem, keyID: keyID)
        } catch {
            throw CLIError(
                "\(InputFiles.display(path)): not a private key PEM this tool signs with (SM2, P-256 or Ed25519): "
                    + "\(error.message) (\(error.chineseTerm)) [\(error.code)]")
        }
    }
}
