import ArgumentParser

/// `zwkit id`: citizen identity numbers (GB 11643) and documents of the same shape.
struct IDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "id",
        abstract: "Check citizen identity numbers (公民身份号码) and convert 15-digit ones.",
        subcommands: [IDCheckCommand.self, IDConvertCommand.self]
    )
}

/// `--strict` / `--lenient` for the region (address code) rule.
struct RegionPolicyOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "How the address code is checked: --strict requires it to be valid in the birth year, --lenient (the default) in any year."
        )
    )
    var regionPolicy: RegionPolicyFlag = .lenient
}

enum RegionPolicyFlag: String, EnumerableFlag {
    case strict
    case lenient
}
