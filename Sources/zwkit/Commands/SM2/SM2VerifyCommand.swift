import ArgumentParser
import Foundation
import GMCrypto

/// `zwkit sm2 verify (--pub PUB.pem | --cert CERT.pem) [--id ID] --signature SIG FILE`:
/// exit 0 when the signature is valid, 1 when it is not.
struct SM2VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify an SM3withSM2 signature (DER or raw r‖s, detected) over a file.",
        discussion: "Exit status: 0 valid, 1 invalid, 2 unreadable input or bad usage."
    )

    @Option(help: "The signer's SM2 public key (PEM).")
    var pub: String?

    @Option(help: "The signer's certificate (PEM); its SM2 public key is used.")
    var cert: String?

    @OptionGroup var identity: SM2UserIDOption

    @Option(help: "The signature file (DER or 64-byte raw r‖s).")
    var signature: String

    @Argument(help: "The signed file; `-` for standard input.")
    var file: String

    @Flag(help: "Print one JSON object with the verdict.")
    var json = false

    func validate() throws {
        guard (pub == nil) != (cert == nil) else {
            throw ValidationError("give exactly one of --pub and --cert")
        }
    }

    func run() throws {
        let publicKey = try signerKey()
        let (parsed, format) = try SM2KeyFiles.signature(
            try InputFiles.read(signature, limit: SM2KeyFiles.signatureLimit), path: signature)
        // Z_A, then the file streamed into e = SM3(Z_A‖M), checked on the same dedicated path
        // as whole messages: a file of any size verifies in one chunk's memory.
        let zValue = try CLIError.refusing("\(InputFiles.display(file)): cannot verify") {
            () throws(GMCryptoError) in try publicKey.zValue(userID: identity.resolved)
        }
        let valid = publicKey.isValidSignature(parsed, for: try InputFiles.sm2Digest(file, zValue: zValue))
        if json {
            try Console.json(Report(file: file, valid: valid, signatureFormat: format, userID: identity.userID))
        } else {
            Console.output(valid ? "valid: SM3withSM2 signature verified" : "invalid: the signature does not verify")
        }
        if !valid {
            Console.error(
                "\(InputFiles.display(signature)): the signature does not verify over \(InputFiles.display(file)) "
                    + "with ID \"\(identity.userID)\" (验签失败)")
            throw CLIExit.invalid
        }
    }

    private func signerKey() throws -> SM2.Signing.PublicKey {
        if let pub { return try SM2KeyFiles.publicKey(pub) }
        return try SM2KeyFiles.certificateKey(cert ?? "-")
    }

    struct Report: Encodable {
        let file: String
        let valid: Bool
        let signatureFormat: SignatureFormat
        let userID: String
    }
}
