import ArgumentParser
import UnifiedIdentity

/// `zwkit token jwks KEY.pem...`
struct TokenJWKSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jwks",
        abstract: "Print the public JWK Set of the given keys (private or public PEM); kid = RFC 7638 thumbprint."
    )

    @Argument(help: "PEM files: private keys (PKCS #8) or public keys (SubjectPublicKeyInfo).")
    var keys: [String]

    @Option(name: .customLong("sm2-alg"), help: "The alg name to publish for SM2 keys.")
    var sm2Name = AlgorithmNames.standard.sm2Name

    func run() async throws {
        guard !keys.isEmpty else { throw CLIError("give at least one key file (缺少密钥文件)") }
        var set = KeySet()
        for path in keys { set.add(try TokenCLI.verificationKey(from: path)) }
        Console.output(set.jwks(names: AlgorithmNames(sm2Name: sm2Name)).jsonString)
    }
}
