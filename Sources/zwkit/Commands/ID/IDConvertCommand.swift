import ArgumentParser
import CitizenID

/// `zwkit id convert`: 15-digit legacy numbers → 18 characters.
struct IDConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert 15-digit identity numbers to 18 characters (arguments, or one per line).",
        discussion: """
            Prints one 18-character number per input on stdout (18-character inputs are checked \
            and printed as they are); problems go to stderr. Exit 0 when all converted, 1 otherwise.
            """
    )

    @Argument(help: "Numbers to convert; none = read one per line.")
    var numbers: [String] = []

    @OptionGroup var strictness: StrictnessOptions
    @OptionGroup var bulk: BulkCheckOptions

    func run() throws {
        let checker = IDChecker(strictness: strictness.resolved(default: CitizenID.defaultStrictness))
        var convert = BulkCheck(
            checker: IDConvertChecker(checker: checker), options: bulk,
            problemsToStandardError: true)
        try convert.run(arguments: numbers)
    }
}

/// `id check`'s checker, printing each converted number.
struct IDConvertChecker: BulkLineChecker {
    let checker: IDChecker

    func check(_ field: UnsafeBufferPointer<UInt8>) -> Result<CitizenID, BulkCheckFailure> { checker.check(field) }

    func writeFields(of id: CitizenID, to output: BulkOutput) {
        output.jsonString("output", id.compactForm)
        checker.writeFields(of: id, to: output)
    }

    func summary(of id: CitizenID) -> String { id.compactForm }

    func writeValidText(_ id: CitizenID, to output: BulkOutput) -> Bool {
        output.append(id.compactForm)
        return true
    }
}
