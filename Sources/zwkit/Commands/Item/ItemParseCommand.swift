import ArgumentParser
import ServiceItem

/// `zwkit item parse`: every named part of each code, with its positions; the same bulk
/// conventions as `item check`, which it is with the parts printed for valid codes too.
struct ItemParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show the named parts of service-item codes (arguments, or one per line of standard input).",
        discussion: """
            Prints each valid code's parts with their positions, names and meanings, and each invalid \
            code's failed rule. --json prints the parts as fields, one object per code. Exit 0 when all \
            are valid, 1 when any is not.
            """
    )

    @Argument(
        help:
            "Codes to read; none = read one per line. The kind is recognised by length, 四川 item codes by their hyphens."
    )
    var codes: [String] = []

    @OptionGroup var options: ItemCodeOptions

    @OptionGroup var bulk: BulkCheckOptions

    func run() throws {
        var parse = BulkCheck(checker: ItemCodeChecker(options: options, printsParts: true), options: bulk)
        try parse.run(arguments: codes)
    }
}

extension ItemCodeChecker {
    /// The code's kind and one line per part: positions, Chinese and English name, value, meaning.
    static func partsTable(of code: ServiceItemCode) -> String {
        var lines = ["\(code.kind.chineseName) (\(code.kind.englishName))"]
        for part in code.parts {
            let range = part.positions
            let positions = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
            let padding = String(repeating: " ", count: max(0, 6 - positions.count))
            let meaning = part.meaning.map { "  \($0)" } ?? ""
            lines.append("  \(positions)\(padding) \(part.chineseName) \(part.name): \(part.value)\(meaning)")
        }
        return lines.joined(separator: "\n")
    }
}
