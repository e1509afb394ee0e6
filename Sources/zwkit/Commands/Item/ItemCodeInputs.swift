import Foundation

/// Runs a check over every code given on the command line and in `--file`, and reports
/// whether all passed.
///
/// Stand-in for the shared bulk-checking driver (`Support/BulkCheck*.swift`, on the codes
/// branch): the commands only hand it their inputs and a per-code closure, so switching to
/// the shared driver touches this file and the two call sites.
enum ItemCodeInputs {
    /// The codes in `arguments` followed by those in `file`, trimmed, blank lines and
    /// `#` comments skipped.
    static func collect(arguments: [String], file: String?) throws -> [String] {
        var inputs = arguments
        if let file {
            let text = try InputFiles.readText(file)
            for line in text.split(whereSeparator: \.isNewline) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty, !trimmed.hasPrefix("#") { inputs.append(trimmed) }
            }
        }
        guard !inputs.isEmpty else { throw CLIError("no codes given: pass codes as arguments or with --file") }
        return inputs
    }

    /// Calls `check` on every input; exits 1 when any returned false, after all were checked.
    static func run(_ inputs: [String], check: (String) throws -> Bool) throws {
        var failures = 0
        for input in inputs where try !check(input) {
            failures += 1
        }
        if inputs.count > 1 {
            Console.error("\(inputs.count) codes checked: \(inputs.count - failures) valid, \(failures) invalid")
        }
        if failures > 0 { throw CLIExit.invalid }
    }
}
