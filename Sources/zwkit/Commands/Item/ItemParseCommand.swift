import ArgumentParser
import ServiceItem

/// `zwkit item parse CODE...`: shows every named part of each code, with its positions.
struct ItemParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show the named parts of service-item codes; exit 1 if any is invalid.",
        discussion:
            "For many codes (a file, standard input), use `zwkit item check --json`: the same parts, one line each."
    )

    @Argument(help: "Codes to read; the kind is recognised by length (12, 31, 33, 43 or 48 characters).")
    var codes: [String]

    @OptionGroup var options: ItemCodeOptions

    @Flag(help: "Print one JSON object per code on stdout, the parts as an array.")
    var json = false

    func run() throws {
        var invalid = 0
        for input in codes {
            let result = options.parse(input)
            if case .failure = result { invalid += 1 }
            if json {
                try Console.json(ItemCodeReport(input: input, result: result))
            } else {
                print(input: input, result: result)
            }
        }
        if invalid > 0 { throw CLIExit.invalid }
    }

    private func print(input: String, result: Result<ServiceItemCode, ServiceItemError>) {
        switch result {
        case .success(let code):
            Console.output("\(input)  \(code.kind.chineseName) (\(code.kind.englishName))")
            for part in code.parts {
                let positions =
                    part.positions.count == 1
                    ? "\(part.positions.lowerBound)" : "\(part.positions.lowerBound)-\(part.positions.upperBound)"
                let meaning = part.meaning.map { "  \($0)" } ?? ""
                Console.output("  \(positions.padding(5))  \(part.chineseName) \(part.name): \(part.value)\(meaning)")
            }
            for tolerated in code.toleratedErrors {
                Console.output("  note: accepted leniently: \(tolerated.description)")
            }
        case .failure(let error):
            Console.output("\(input)  invalid: \(error.description)")
        }
    }
}

/// The JSON object `item parse` prints for one code.
struct ItemCodeReport: Encodable {
    struct Failure: Encodable {
        let code: String
        let message: String
        let term: String

        init(_ error: ServiceItemError) {
            code = error.code
            message = error.message
            term = error.chineseTerm
        }
    }

    let input: String
    let valid: Bool
    let kind: String?
    let parts: [CodePart]?
    /// Rules lenient checking let through, so nothing is accepted silently.
    let tolerated: [Failure]
    let error: Failure?

    init(input: String, result: Result<ServiceItemCode, ServiceItemError>) {
        self.input = input
        switch result {
        case .success(let code):
            (valid, kind, parts, error) = (true, code.kind.rawValue, code.parts, nil)
            tolerated = code.toleratedErrors.map(Failure.init)
        case .failure(let failure):
            (valid, kind, parts, error) = (false, nil, nil, Failure(failure))
            tolerated = []
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
