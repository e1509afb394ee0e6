import ArgumentParser
import ServiceItem

/// `zwkit item check CODE...`: says whether each code is valid, and why not.
struct ItemCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check service-item codes; exit 1 if any is invalid."
    )

    @OptionGroup var options: ItemCodeOptions

    func run() throws {
        try options.checkAll(includeParts: false) { input, result in
            switch result {
            case .success(let code):
                let notes = code.toleratedErrors.map { "; accepted leniently: \($0.description)" }.joined()
                Console.output("\(input): valid \(code.kind.chineseName)\(notes)")
            case .failure(let error):
                Console.output("\(input): invalid: \(error.description)")
            }
        }
    }
}
