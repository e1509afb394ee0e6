/// Why a string is not a valid unified social credit code. Each case names the rule it breaks.
public enum CreditCodeError: ZhengwuKitError, Hashable {
    /// Not 18 characters.
    case invalidLength(Int)
    /// A character outside GB 32100's alphabet (`0-9A-HJ-NPQRTUWXY`), or a non-digit in the
    /// division code (positions 3–8); `position` is 1-based.
    case invalidCharacter(position: Int)
    /// Position 1 is no registration authority (登记管理部门) of GB 32100.
    case unknownAuthority(Character)
    /// Position 2 is no category (机构类别) of the authority.
    case unknownCategory(authority: Character, category: Character)
    /// Positions 9–17 fail the GB 11714 organisation-code check.
    case wrongOrganizationCodeCheck(expected: Character, found: Character)
    /// Position 18 does not match; `expected` is the right one.
    case wrongCheckCharacter(expected: Character, found: Character)
    /// An early Xiamen pilot code (division 3502xx, issued before GB 32100's check rules
    /// settled) whose check characters break the standard. Never thrown: strict parsing throws
    /// the rule broken; lenient parsing accepts the code and lists this in
    /// ``CreditCode/toleratedErrors``.
    case legacyXiamenPilot(expectedCheckCharacter: Character, found: Character)

    /// A stable machine code (`creditcode.check_character`), `--json`'s "error".
    public var code: String {
        switch self {
        case .invalidLength: return "creditcode.length"
        case .invalidCharacter: return "creditcode.character"
        case .unknownAuthority: return "creditcode.unknown_authority"
        case .unknownCategory: return "creditcode.unknown_category"
        case .wrongOrganizationCodeCheck: return "creditcode.organization_code_check"
        case .wrongCheckCharacter: return "creditcode.check_character"
        case .legacyXiamenPilot: return "creditcode.legacy_xiamen_pilot"
        }
    }

    /// The term of the standard, for people reading Chinese.
    public var chineseTerm: String {
        switch self {
        case .invalidLength: return "长度错误"
        case .invalidCharacter: return "代码字符错误"
        case .unknownAuthority: return "登记管理部门代码错误"
        case .unknownCategory: return "机构类别代码错误"
        case .wrongOrganizationCodeCheck: return "主体标识码校验码错误"
        case .wrongCheckCharacter: return "校验码错误"
        case .legacyXiamenPilot: return "历史遗留代码"
        }
    }

    /// A sentence in English.
    public var message: String {
        switch self {
        case .invalidLength(let length):
            return "a unified social credit code has 18 characters, not \(length)"
        case .invalidCharacter(let position):
            return position >= 3 && position <= 8
                ? "character \(position) must be a digit of the division code"
                : "character \(position) is not in the GB 32100 alphabet"
        case .unknownAuthority(let authority):
            return "\(authority) is not a registration authority of GB 32100"
        case .unknownCategory(let authority, let category):
            return "\(category) is not an organisation category of authority \(authority)"
        case .wrongOrganizationCodeCheck(let expected, let found):
            return "the embedded organisation code's check character is \(found) but should be \(expected)"
        case .wrongCheckCharacter(let expected, let found):
            return "check character is \(found) but should be \(expected)"
        case .legacyXiamenPilot(let expected, let found):
            return "an early Xiamen pilot code: its check characters break GB 32100 "
                + "(check character \(found), the standard gives \(expected))"
        }
    }

    /// Every case once, for tests that hold the codes to the house rules.
    package static let examples: [CreditCodeError] = [
        .invalidLength(17), .invalidCharacter(position: 3), .unknownAuthority("0"),
        .unknownCategory(authority: "9", category: "9"), .wrongOrganizationCodeCheck(expected: "1", found: "2"),
        .wrongCheckCharacter(expected: "L", found: "M"), .legacyXiamenPilot(expectedCheckCharacter: "1", found: "N"),
    ]
}
