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
        let data = try InputFiles.read(file)
        let result = Result { () throws(GMCryptoError) in
            try privateKey.signature(for: data, userID: SM2.UserID(identity.userID))
        }
        let signature: SM2.Signing.Signature
        switch result {
        case .success(let value): signature = value
        case .failure(let error):
            throw CLIError("cannot sign \(InputFiles.display(file)): \(error.message) (\(error.chineseTerm))")
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
