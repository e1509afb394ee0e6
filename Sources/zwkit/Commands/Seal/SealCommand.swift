import ArgumentParser

/// `zwkit seal`: electronic seals (GB/T 38540-2020, GM/T 0031-2014).
struct SealCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Make (制章), show, sign (签章) and verify (验章) electronic seals.",
        subcommands: [SealMakeCommand.self, SealShowCommand.self, SealSignCommand.self, SealVerifyCommand.self]
    )
}
