import ArgumentParser
import GMCrypto

/// `zwkit sm2 <verb>`: SM2 keys and SM3withSM2 signatures (GB/T 32918).
struct SM2Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sm2",
        abstract: "SM2 keys and SM3withSM2 signatures (GB/T 32918).",
        subcommands: [SM2KeygenCommand.self, SM2SignCommand.self, SM2VerifyCommand.self]
    )
}

/// The options every signature verb shares.
struct SM2UserIDOption: ParsableArguments {
    @Option(
        name: .customLong("id"),
        help: "The signer's distinguishing ID (default 1234567812345678, as GB/T 32918 and every 国密 tool use).")
    var userID: String = SM2.UserID.default.description
}
