import ArgumentParser
import ServiceItem

/// What `item parse` and `item check` share: the codes, where else to read them, and how
/// strictly to check.
struct ItemCodeOptions: ParsableArguments {
    @Argument(help: "Codes to read; the kind is recognised by length (12, 31, 33, 43 or 48 characters).")
    var codes: [String] = []

    @Option(
        name: [.short, .long],
        help: "Also read codes from this file, one a line (`-` for stdin); blank lines and # comments are skipped.")
    var file: String?

    @Flag(help: "Accept body codes that are not unified social credit codes and local item types, and report them.")
    var lenient = false

    @Flag(help: "Also accept provincial letter-type basic codes (XK00101001).")
    var letterTypes = false

    @Flag(help: "Print one JSON object per code on stdout.")
    var json = false

    var validation: ItemCodeValidation { lenient ? .lenient : .strict }

    var schemes: [any ProvincialCodeScheme] { letterTypes ? [LetterTypeScheme.standard] : [] }

    /// Parses one input the way both commands do.
    func parse(_ input: String) -> Result<ServiceItemCode, ServiceItemError> {
        Result { () throws(ServiceItemError) in try ServiceItemCode(input, validation: validation, schemes: schemes) }
    }

    /// Parses every input, printing a JSON object (with the parts when `includeParts`) or
    /// what `printText` writes for people; exits 1 when any is invalid.
    func checkAll(
        includeParts: Bool, printText: (String, Result<ServiceItemCode, ServiceItemError>) -> Void
    ) throws {
        let inputs = try ItemCodeInputs.collect(arguments: codes, file: file)
        try ItemCodeInputs.run(inputs) { input in
            let result = parse(input)
            if json {
                try Console.json(ItemCodeReport(input: input, result: result, includeParts: includeParts))
            } else {
                printText(input, result)
            }
            return (try? result.get()) != nil
        }
    }
}
