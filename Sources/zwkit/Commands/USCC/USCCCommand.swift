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
            embedded organisation code (GB 11714) and the check character. With --lenient, known \
            legacy codes (the early Xiamen pilot) are accepted with a notice instead of rejected. \
            Exit 0 when all are valid, 1 when any is not.
            """
    )

    @Argument(help: "Codes to check; none = read one per line.")
    var codes: [String] = []

    @Flag(help: "--strict (the default) applies every rule; --lenient accepts known legacy codes with a notice.")
    var policy: RegionPolicyFlag = .strict

    @OptionGroup var bulk: BulkCheckOptions

    func run() throws {
        var check = BulkCheck(checker: USCCChecker(policy: policy == .strict ? .strict : .lenient), options: bulk)
        try check.run(arguments: codes)
    }
}

/// The per-line half of `zwkit uscc check`.
struct USCCChecker: BulkLineChecker {
    let policy: CreditCode.Policy

    func check(_ field: UnsafeBufferPointer<UInt8>) -> Result<CreditCode, BulkCheckFailure> {
        do throws(CreditCodeError) {
            return .success(try CreditCode(utf8: field, policy: policy))
        } catch {
            return .failure(BulkCheckFailure(code: error.code, message: error.message, term: error.chineseTerm))
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
        if let code = Int(code.divisionCode), let name = Division.name(code: code, in: Division.lastListYear) {
            output.jsonString("division_name", name)
        }
        output.jsonString("organization_code", code.organizationCode.description)
        output.jsonCharacter("check_character", code.checkCharacter)
    }

    func summary(of code: CreditCode) -> String {
        var parts = ["\(code.authority.name)/\(code.category.name)"]
        if let division = code.division { parts.append(division.fullName(in: Division.lastListYear) ?? division.name) }
        parts.append("组织机构代码 \(code.organizationCode)")
        return parts.joined(separator: ", ")
    }

    func notice(for code: CreditCode) -> BulkCheckFailure? {
        guard case .legacyXiamenPilot(let expected) = code.acceptance else { return nil }
        return BulkCheckFailure(
            code: "legacy_xiamen_pilot",
            message:
                "an early Xiamen pilot code: its check characters break GB 32100 (standard check character: \(expected))",
            term: "历史遗留代码"
        )
    }
}
