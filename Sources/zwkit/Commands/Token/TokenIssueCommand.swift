import ArgumentParser
import Foundation
import UnifiedIdentity

/// `zwkit token issue --key KEY.pem [--alg NAME] [--kid KID] --claims JSON|@FILE [--ttl SECONDS]`
struct TokenIssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Sign the given claims and print the compact token. iat, exp (iat + ttl) and jti are added if absent."
    )

    @Option(name: .long, help: "The private key PEM to sign with.")
    var key: String

    @Option(
        name: .long,
        help: "The alg header to write (SM2: SM2SM3 by default, or an alias such as GmSM2; Ed25519 or EdDSA).")
    var alg: String?

    @Option(name: .long, help: "The kid header (default: the key's RFC 7638 thumbprint).")
    var kid: String?

    @Option(name: .long, help: "The claims: a JSON object, or @FILE to read it from a file ('@-' for stdin).")
    var claims: String

    @Option(name: .long, parsing: .unconditional, help: "Lifetime in seconds when the claims carry no exp.")
    var ttl: Int = 600

    @Option(name: .long, help: "iss when the claims carry none.")
    var iss: String = "zwkit"

    func run() async throws {
        guard ttl > 0 else { throw CLIError("--ttl must be positive (有效期错误)") }
        let signingKey = try TokenCLI.signingKey(from: key, keyID: kid)
        let names = try TokenCLI.names(forIssuing: signingKey.keyType, alg: alg)
        let text = claims.hasPrefix("@") ? try InputFiles.readText(String(claims.dropFirst())) : claims
        let parsed: IdentityClaims
        do {
            parsed = try IdentityClaims(jsonString: text)
        } catch {
            throw CLIError("--claims: \(error.message) (\(error.chineseTerm)) [\(error.code)]")
        }
        let issuer = TokenIssuer(issuer: iss, signingKey: signingKey, names: names, lifetime: TimeInterval(ttl))
        Console.output(try issuer.issue(parsed))
    }
}
