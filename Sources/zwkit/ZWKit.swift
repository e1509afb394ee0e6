import ArgumentParser

/// `zwkit <noun> <verb>`: every verification ZhengwuKit offers, for operators and scripts.
///
/// Conventions every command follows (see `Support/`):
/// - exit 0 = valid / ok, 1 = checked and found invalid, 2 = bad usage or unreadable input;
/// - `--json` prints one JSON object per result on stdout;
/// - messages for people go to stderr.
struct ZWKit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zwkit",
        abstract:
            "ZhengwuKit: e-government support capabilities (国密 crypto, codes, seals, tokens) from the command line.",
        subcommands: ZWKit.allSubcommands
    )

    /// Each capability registers its nouns here (one line each, to keep merges trivial).
    static let allSubcommands: [ParsableCommand.Type] = [
        DemoCommand.self,
        SM3Command.self, SM2Command.self,
        CertCommand.self,
        IDCommand.self, USCCCommand.self, OrgCodeCommand.self,
        ItemCommand.self,
        SealCommand.self,
        TokenCommand.self,
        LicenseCommand.self,
        OFDCommand.self,
        LoginCommand.self,
    ]
}
