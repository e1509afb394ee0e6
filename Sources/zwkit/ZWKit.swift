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
        discussion: """
            Exit status, for every command: 0 valid (or done), 1 checked and found invalid, 2 unreadable \
            input or bad usage (a missing or malformed file, a bad date, an output that cannot be written). \
            Dates are 2025-01-31 (midnight UTC) or 2025-01-31T08:00:00Z / 2025-01-31T16:00:00+08:00, with \
            seconds and a zone; anything else is refused. Results go to standard output, messages to \
            standard error.
            """,
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
