import ArgumentParser
import ServiceItem

/// `zwkit item parse CODE...`: shows every named part of each code.
struct ItemParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show the named parts of service-item codes; exit 1 if any is invalid."
    )

    @OptionGroup var options: ItemCodeOptions

    func run() throws {
        try options.checkAll(includeParts: true, printText: print(input:result:))
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

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
