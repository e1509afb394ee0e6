import ArgumentParser
import CreditCode

/// `zwkit orgcode`: organisation codes (GB 11714).
struct OrgCodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgcode",
        abstract: "Check organisation codes (组织机构代码).",
        subcommands: [OrgCodeCheckCommand.self]
    )
}

/// `zwkit orgcode check`.
struct OrgCodeCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check organisation codes (arguments, or one per line of standard input).",
        discussion: "Accepts `D2143569-X` and `D2143569X`. Exit 0 when all are valid, 1 when any is not."
    )

    @Argument(help: "Codes to check; none = read one per line.")
    var codes: [String] = []

    @OptionGroup var bulk: BulkCheckOptions

    func run() throws {
        var check = BulkCheck(checker: OrgCodeChecker(), options: bulk)
        try check.run(arguments: codes)
    }
}

/// The per-line half of `zwkit orgcode check`.
struct OrgCodeChecker: BulkLineChecker {
    func check(_ field: UnsafeBufferPointer<UInt8>) -> Result<OrganizationCode, BulkCheckFailure> {
        do throws(OrganizationCodeError) {
            return .success(try OrganizationCode(utf8: field))
        } catch {
            return .failure(BulkCheckFailure(error))
        }
    }

    func writeFields(of code: OrganizationCode, to output: BulkOutput) {
        output.jsonString("body", code.body)
        output.jsonCharacter("check_character", code.checkCharacter)
    }

    func summary(of code: OrganizationCode) -> String { code.hyphenated }
}
