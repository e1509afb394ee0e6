import ArgumentParser
import Foundation
import GMCrypto
import ZhengwuKitSupport

/// `zwkit sm2 sign --key KEY.pem [--id ID] [--format der|raw] --out SIG FILE`.
struct SM2SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a file with SM3withSM2."
    )

    @Option(help: "The SM2 private key (PEM).")
    var key: String

    @OptionGroup var identity: SM2UserIDOption

    @Option(help: "Signature encoding: der (OpenSSL, certificates) or raw (64-byte r‖s).")
    var format: SignatureFormat = .der

    @Option(help: "Where to write the signature; `-` for standard output.")
    var out: String

    @Argument(help: "The file to sign; `-` for standard input.")
    var file: String

    @Flag(help: "Print one JSON object describing the signature.")
    var json = false

    func run() throws {
        let privateKey = try SM2KeyFiles.privateKey(key)
        // e = SM3(Z_A‖M) is hashed as the file streams past and OpenSSL signs the digest, so
        // a file of any size signs in one chunk's memory.
        let refusal = "\(InputFiles.display(file)): cannot sign"
        let zValue = try CLIError.refusing(refusal) { () throws(GMCryptoError) in
            try privateKey.publicKey.zValue(userID: identity.resolved)
        }
        let digest = try InputFiles.sm2Digest(file, zValue: zValue)
        let signature = try CLIError.refusing(refusal) { () throws(GMCryptoError) in
            try privateKey.signature(for: digest)
        }
        let bytes = format == .der ? signature.derRepresentation : signature.rawRepresentation
        try OutputFiles.write(bytes, to: out)
        if json {
            try Console.json(
                Report(
                    file: file, signature: out, format: format, userID: identity.userID,
                    signatureHex: Hex.encode(bytes)))
        }
    }

    struct Report: Encodable {
        let file: String
        let signature: String
        let format: SignatureFormat
        let userID: String
        let signatureHex: String
    }
}
