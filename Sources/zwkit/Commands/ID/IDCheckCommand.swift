import ArgumentParser
import CitizenID

/// `zwkit id check`: validates identity numbers given as arguments or one per input line.
struct IDCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check identity numbers (arguments, or one per line of standard input).",
        discussion: """
            Checks length, characters, the check character (ISO 7064 MOD 11-2), the birth date \
            (a real day, not in the future, not before 1800) and the address code against the \
            GB/T 2260 history. Residence permits of Hong Kong, Macao and Taiwan residents and \
            foreigners' permanent residence IDs are recognised as document kinds of their own; \
            15-digit numbers are accepted. By default (--lenient) an address code need only have \
            been in force in some year, since a number carries the code in force when it was issued; \
            such numbers are reported with a notice. --strict requires the birth year. Exit 0 when \
            all are valid, 1 when any is not.
            """
    )

    @Argument(help: "Numbers to check; none = read one per line.")
    var numbers: [String] = []

    @OptionGroup var strictness: StrictnessOptions
    @OptionGroup var bulk: BulkCheckOptions

    func run() throws {
        let checker = IDChecker(strictness: strictness.resolved(default: CitizenID.defaultStrictness))
        var check = BulkCheck(checker: checker, options: bulk)
        try check.run(arguments: numbers)
    }
}
