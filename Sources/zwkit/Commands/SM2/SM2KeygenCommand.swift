import ArgumentParser
import Foundation
import GMCrypto
import ZhengwuKitSupport

/// `zwkit sm2 keygen --out KEY.pem [--pub PUB.pem]`.
struct SM2KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Generate an SM2 key pair (PKCS#8 private key PEM, SubjectPublicKeyInfo PEM)."
    )

    @Option(help: "Where to write the private key (PKCS#8 PEM, mode 0600).")
    var out: String

    @Option(help: "Where to write the public key (PEM).")
    var pub: String?

    @Flag(help: "Print one JSON object describing the new key.")
    var json = false

    func run() throws {
        let key = SM2.Signing.PrivateKey()
        try SM2KeyFiles.writePrivate(key.pemRepresentation, to: out)
        if let pub {
            try OutputFiles.write(Data(key.publicKey.pemRepresentation.utf8), to: pub)
        }
        let point = Hex.encode(key.publicKey.x963Representation)
        if json {
            try Console.json(Report(privateKey: out, publicKey: pub, publicKeyPoint: point))
        } else {
            Console.error("wrote SM2 private key to \(out)" + (pub.map { " and public key to \($0)" } ?? ""))
        }
    }

    struct Report: Encodable {
        let privateKey: String
        let publicKey: String?
        /// The uncompressed point 04‖x‖y in hex.
        let publicKeyPoint: String
    }
}
