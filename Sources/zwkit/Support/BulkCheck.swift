import ArgumentParser
import ZhengwuKitCore

/// The per-line half of a bulk check: turns one field into a parsed value or a failure, and
/// describes the value. `BulkCheck` does the rest (reading, splitting, output, summary, exit
/// status), so every `zwkit <noun> check` behaves alike.
protocol BulkLineChecker {
    associatedtype Parsed

    /// Checks one number, given as the bytes of its field (trimmed, never empty).
    func check(_ field: UnsafeBufferPointer<UInt8>) -> Result<Parsed, BulkCheckFailure>

    /// Writes the parsed parts as JSON fields (`output.jsonString(...)` and friends).
    func writeFields(of parsed: Parsed, to output: BulkOutput)

    /// A one-line description of a valid value, for numbers given as arguments.
    func summary(of parsed: Parsed) -> String

    /// A category for values that are accepted but must not pass silently (legacy
    /// exceptions): counted in the summary and printed in text mode. `nil` for plain valid.
    func notice(for parsed: Parsed) -> BulkCheckFailure?

    /// What text mode prints for a valid line from standard input: nothing by default
    /// (only problems are listed); `id convert` prints the converted number.
    func writeValidText(_ parsed: Parsed, to output: BulkOutput) -> Bool
}

extension BulkLineChecker {
    func notice(for parsed: Parsed) -> BulkCheckFailure? { nil }
    func writeValidText(_ parsed: Parsed, to output: BulkOutput) -> Bool { false }
}

/// Why a line failed (or, as a notice, why an accepted value is special).
struct BulkCheckFailure: Error {
    /// The stable machine code (`citizenid.check_character`), JSON's "error".
    let code: String
    /// The English sentence.
    let message: String
    /// The Chinese term of the standard (校验码错误), JSON's "chineseTerm".
    let chineseTerm: String

    init(code: String, message: String, chineseTerm: String) {
        self.code = code
        self.message = message
        self.chineseTerm = chineseTerm
    }

    /// A library error as the line's failure, or a tolerated departure as its notice.
    init(_ error: some ZhengwuKitError) {
        self.init(code: error.code, message: error.message, chineseTerm: error.chineseTerm)
    }
}

/// The options every bulk check shares.
struct BulkCheckOptions: ParsableArguments {
    @Flag(help: "Print one JSON object per input line on stdout.")
    var json = false

    @Option(parsing: .unconditional, help: "Take the number from this 1-based column of delimited input (CSV).")
    var column: Int?

    @Option(help: "The column delimiter for --column (one byte).")
    var delimiter: String = ","

    @Flag(help: "Skip the first input line (a CSV header).")
    var header = false

    @Option(name: .shortAndLong, help: "Read numbers from this file instead of standard input (- = stdin).")
    var input: String?

    func validate() throws {
        if let column, column < 1 { throw ValidationError("--column counts from 1") }
        if delimiter.utf8.count != 1 { throw ValidationError("--delimiter must be one byte") }
    }
}
