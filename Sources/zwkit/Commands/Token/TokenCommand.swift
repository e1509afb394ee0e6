import ArgumentParser

/// `zwkit token …`: unified identity tokens (JWS with SM2, ES256, Ed25519).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Issue and verify unified identity tokens (统一身份认证令牌): JWS signed with SM2, ES256 or Ed25519.",
        subcommands: [
            TokenKeygenCommand.self, TokenJWKSCommand.self, TokenIssueCommand.self, TokenVerifyCommand.self,
        ]
    )
}
