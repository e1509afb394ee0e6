import ArgumentParser

/// `zwkit id`: citizen identity numbers (GB 11643) and documents of the same shape.
struct IDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "id",
        abstract: "Check citizen identity numbers (公民身份号码) and convert 15-digit ones.",
        subcommands: [IDCheckCommand.self, IDConvertCommand.self]
    )
}
