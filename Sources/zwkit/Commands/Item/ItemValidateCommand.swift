import ArgumentParser
import Foundation
import ServiceItem

/// `zwkit item validate CATALOGUE.json`: checks catalogue elements (事项要素) for internal
/// consistency. The file holds one item or an array of items.
struct ItemValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate catalogue elements (事项要素) in a JSON file; exit 1 if any item is inconsistent."
    )

    @Argument(help: "A JSON file with one catalogue item or an array of them (`-` for stdin).")
    var catalogue: String

    /// --lenient treats body codes that are not credit codes and local item types as warnings,
    /// not errors; --strict (the default) as errors.
    @OptionGroup var strictness: StrictnessOptions

    @Flag(help: "Print one JSON object per item on stdout.")
    var json = false

    func run() throws {
        let validator = CatalogueValidator(strictness: strictness.resolved(default: .strict))
        var count = 0
        var invalid = 0
        // Streamed: one item is held at a time, so a catalogue of any length validates in the
        // memory of its largest item.
        try JSONObjectStream(catalogue).readObjects { element, index, offset, isPlain in
            let report = try CatalogueItemReport(
                file: catalogue, index: index, offset: offset, element: element, isPlain: isPlain,
                validator: validator)
            count += 1
            if !report.valid { invalid += 1 }
            if json {
                try Console.json(report)
            } else {
                report.print()
            }
        }
        if count > 1 {
            Console.error("\(count) items validated: \(count - invalid) valid, \(invalid) invalid")
        }
        if invalid > 0 { throw CLIExit.invalid }
    }
}

/// What `item validate` reports for one item.
struct CatalogueItemReport: Encodable {
    let file: String
    let index: Int
    let name: String?
    let implementationCode: String?
    let valid: Bool
    let issues: [CatalogueIssue]

    /// Parses `element` once in the common case: a plain item of valid UTF-8 (see
    /// `JSONObjectStream.readObjects`) goes straight to JSONDecoder. Any other item is parsed
    /// first by JSONSerialization, which refuses every broken value, even one the model would
    /// not read; text that is not JSON at all is unreadable input (exit 2, thrown), not an
    /// invalid item.
    init(
        file: String, index: Int, offset: Int, element: Data, isPlain: Bool, validator: CatalogueValidator
    ) throws {
        self.file = file
        self.index = index
        let isStrictlyParsed = !isPlain || String(validating: element, as: UTF8.self) == nil
        if isStrictlyParsed {
            _ = try JSONInputs.value(element, from: file, item: (index, offset))
        }
        do {
            let item = try JSONDecoder().decode(CatalogueItem.self, from: element)
            let report = validator.validate(item)
            name = item.name
            implementationCode = item.implementationCode.code
            valid = report.isValid
            issues = report.issues
        } catch {
            if !isStrictlyParsed, case .dataCorrupted(let context) = error as? DecodingError,
                context.codingPath.isEmpty
            {
                // The decoder found the text broken: the strict parse says where.
                _ = try JSONInputs.value(element, from: file, item: (index, offset))
            }
            name = nil
            implementationCode = nil
            valid = false
            issues = [CatalogueIssue(decodingError: error)]
        }
    }

    func print() {
        let title = name.map { "\($0) (\(implementationCode ?? ""))" } ?? "item \(index)"
        Console.output("\(file) [\(index)] \(title): \(valid ? "valid" : "invalid")")
        for issue in issues {
            Console.output(
                "  \(issue.severity.rawValue): \(issue.path): \(issue.message) (\(issue.chineseTerm)) [\(issue.code)]")
        }
    }
}

extension CatalogueIssue {
    /// A JSON value that does not fit the model (a missing element, a malformed code),
    /// reported like any other issue, with its path.
    init(decodingError error: any Error) {
        let (path, message): (String, String)
        switch error as? DecodingError {
        case .keyNotFound(let key, let context):
            (path, message) = (Self.path(context.codingPath + [key]), "required element \(key.stringValue) is missing")
        case .typeMismatch(let type, let context):
            (path, message) = (Self.path(context.codingPath), "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            (path, message) = (Self.path(context.codingPath), "expected \(type), found null")
        case .dataCorrupted(let context):
            (path, message) = (Self.path(context.codingPath), context.debugDescription)
        case nil, .some:
            (path, message) = ("", "\(error)")
        }
        self.init(code: "schema.mismatch", path: path, message: message, chineseTerm: "事项要素格式错误")
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce("") { path, key in
            if let index = key.intValue { return "\(path)[\(index)]" }
            return path.isEmpty ? key.stringValue : "\(path).\(key.stringValue)"
        }
    }
}
