import ArgumentParser
import Foundation
import UnifiedIdentity

/// `zwkit token keygen --alg SM2|ES256|Ed25519 --out KEY.pem`
struct TokenKeygenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Generate a token signing key (PKCS #8 PEM) and print its kid (RFC 7638 thumbprint)."
    )

    @Option(name: .long, help: "SM2, ES256 or Ed25519.")
    var alg: String

    @Option(name: .long, help: "Where to write the private key PEM ('-' for stdout).")
    var out: String

    @Flag(name: .long, help: "Print {\"alg\", \"kid\", \"out\"} as JSON.")
    var json = false

    func run() async throws {
        let keyType = try TokenCLI.keyType(forAlgorithmOption: alg)
        let key = try SigningKey.generate(keyType)
        try OutputFiles.write(Data(key.pemRepresentation.utf8), to: out, access: .ownerOnly)
        if json {
            try Console.json(["alg": alg, "kid": key.keyID, "out": out])
        } else if out != "-" {
            Console.output(key.keyID)
        }
    }
}
