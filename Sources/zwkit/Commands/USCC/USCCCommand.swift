import AdminDivision
import ArgumentParser
import CreditCode

/// `zwkit uscc`: unified social credit codes (GB 32100).
struct USCCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uscc",
        abstract: "Check unified social credit codes (统一社会信用代码).",
        subcommands: [USCCCheckCommand.self]
    )
}

/// `zwkit uscc check`.
struct USCCCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check unified social credit codes (arguments, or one per line of standard input).",
        discussion: """
            Checks length, alphabet, registration authority and category (GB 32100 table 1), the \
            embedded organisation code (GB 11714) and the check character. --strict is the default; \
            with --lenient, known legacy codes (the early Xiamen pilot) are accepted with a notice \
            instead of rejected. Exit 0 when all are valid, 1 when any is not.
            """
    )

    @Argument(help: "Codes to check; none = read one per line.")
    var codes: [String] = []

    @OptionGroup var strictness: StrictnessOptions

    @OptionGroup var bulk: BulkCheckOptions

    func run() throws {
        let checker = USCCChecker(strictness: strictness.resolved(default: CreditCode.defaultStrictness))
        var check = BulkCheck(checker: checker, options: bulk)
        try check.run(arguments: codes)
    }
}

/// The per-line half of `zwkit uscc check`: the library decides, this prints.
struct USCCChecker: BulkLineChecker {
    let strictness: Strictness

    func check(_ field: UnsafeBufferPointer<UInt8>) -> Result<CreditCode, BulkCheckFailure> {
        do throws(CreditCodeError) {
            return .success(try CreditCode(utf8: field, strictness: strictness))
        } catch {
            return .failure(BulkCheckFailure(error))
        }
    }

    func writeFields(of code: CreditCode, to output: BulkOutput) {
        let authority = code.authority
        let category = code.category
        output.jsonCharacter("authority", authority.code)
        output.jsonString("authority_name", authority.name)
        output.jsonCharacter("category", category.code)
        output.jsonString("category_name", category.name)
        output.jsonString("division_code", code.divisionCode)
        if let name = code.divisionName { output.jsonString("division_name", name) }
        output.jsonString("organization_code", code.organizationCode.hyphenated)
        output.jsonCharacter("check_character", code.checkCharacter)
    }

    func summary(of code: CreditCode) -> String {
        var parts = ["\(code.authority.name)/\(code.category.name)"]
        if let division = code.division { parts.append(division.fullName(in: Division.lastListYear) ?? division.name) }
        parts.append("组织机构代码 \(code.organizationCode.hyphenated)")
        return parts.joined(separator: ", ")
    }

    func notice(for code: CreditCode) -> BulkCheckFailure? {
        code.acceptance == .valid ? nil : code.toleratedErrors.first.map(BulkCheckFailure.init)
    }
}
