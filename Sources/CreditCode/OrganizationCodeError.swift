/// Why a string is not a GB 11714 organisation code. Each case names the rule it breaks.
public enum OrganizationCodeError: ZhengwuKitError, Hashable {
    /// Not nine characters (eight plus the check character; a hyphen before it is allowed).
    case invalidLength(Int)
    /// A character outside `0-9A-Z` (or, for the check character, outside `0-9X`), 1-based.
    case invalidCharacter(position: Int)
    /// The check character does not match; `expected` is the right one.
    case wrongCheckCharacter(expected: Character, found: Character)

    /// A stable machine code (`orgcode.check_character`), `--json`'s "error".
    public var code: String {
        switch self {
        case .invalidLength: return "orgcode.length"
        case .invalidCharacter: return "orgcode.character"
        case .wrongCheckCharacter: return "orgcode.check_character"
        }
    }

    /// The term of the standard, for people reading Chinese.
    public var chineseTerm: String {
        switch self {
        case .invalidLength: return "长度错误"
        case .invalidCharacter: return "代码字符错误"
        case .wrongCheckCharacter: return "校验码错误"
        }
    }

    /// A sentence in English.
    public var message: String {
        switch self {
        case .invalidLength(let length):
            return "an organisation code has 9 characters (8 and a check character), not \(length)"
        case .invalidCharacter(let position):
            return "character \(position) is not allowed in an organisation code"
        case .wrongCheckCharacter(let expected, let found):
            return "check character is \(found) but should be \(expected)"
        }
    }

    /// Every case once, for tests that hold the codes to the house rules.
    package static let examples: [OrganizationCodeError] = [
        .invalidLength(8), .invalidCharacter(position: 2), .wrongCheckCharacter(expected: "X", found: "1"),
    ]
}
