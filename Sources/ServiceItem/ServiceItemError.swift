/// Why a service-item code was rejected: the rule that failed, where, and what was found.
///
/// Every case has a stable machine ``code`` for scripts, an English ``message`` and the
/// Chinese term (``chineseTerm``) an e-government operator recognises.
public enum ServiceItemError: ZhengwuKitError, Hashable {
    /// The text has a length no layout of `kind` allows (`kind` is nil when the text was
    /// not of any service-item code length).
    case invalidLength(kind: CodeKind?, expected: [Int], actual: Int)
    /// A character outside what the part at `position` (1-based) allows.
    case invalidCharacter(kind: CodeKind, position: Int, found: Character, allowed: CharacterRule)
    /// Positions 1–2 of a basic code are neither `00` nor a province code.
    case unknownCatalogueOrigin(String)
    /// An item type GB/T 39046 appendix A (and its extension ranges) does not define.
    case unknownItemType(String)
    /// A type some provinces use locally (30–32, Guangzhou's TC) but the national table does not:
    /// lenient mode only.
    case localItemType(String)
    /// A letter type a provincial scheme does not define.
    case unknownLetterType(scheme: String, letters: String)
    /// An exercising level outside 1–7.
    case unknownLevel(String)
    /// The implementing body's 18 characters are not a valid unified social credit code.
    case invalidBodyCode(String, reason: String)
    /// A case number's date that no calendar has (month 13, 30 February).
    case impossibleDate(String)
    /// A part handed to a builder, or a segment of a provincial code, does not fit its slot
    /// (wrong length or characters, an unknown division).
    case invalidPart(name: String, value: String, expected: String)
    /// A provincial code lacks a segment its layout requires (`scheme` is the scheme's name).
    case missingSegment(scheme: String, segment: String)

    /// A stable identifier for scripts and logs; never changes between releases.
    public var code: String {
        switch self {
        case .invalidLength: return "serviceitem.length"
        case .invalidCharacter: return "serviceitem.character"
        case .unknownCatalogueOrigin: return "serviceitem.unknown_catalogue_origin"
        case .unknownItemType: return "serviceitem.unknown_item_type"
        case .localItemType: return "serviceitem.local_item_type"
        case .unknownLetterType: return "serviceitem.unknown_letter_type"
        case .unknownLevel: return "serviceitem.unknown_level"
        case .invalidBodyCode: return "serviceitem.invalid_body_code"
        case .impossibleDate: return "serviceitem.impossible_date"
        case .invalidPart: return "serviceitem.invalid_part"
        case .missingSegment: return "serviceitem.missing_segment"
        }
    }

    /// What went wrong, in English, with the offending value.
    public var message: String {
        switch self {
        case .invalidLength(let kind, let expected, let actual):
            let lengths = expected.map(String.init)
            let list =
                lengths.count > 1
                ? lengths.dropLast().joined(separator: ", ") + " or " + lengths[lengths.count - 1] : lengths.joined()
            return "\(kind?.englishName ?? "a service-item code") must be \(list) characters long, found \(actual)"
        case .invalidCharacter(let kind, let position, let found, let allowed):
            let shown = found.unicodeScalars.allSatisfy(\.properties.isWhitespace) ? "whitespace" : "\"\(found)\""
            return "\(kind.englishName): character \(position) is \(shown), expected \(allowed.englishName)"
        case .unknownCatalogueOrigin(let origin):
            return "catalogue origin \(origin) is neither 00 (national catalogue) nor a province code"
        case .unknownItemType(let type):
            return "item type \(type) is not in GB/T 39046 table A.1 or its extension ranges 11–19, 21–29"
        case .localItemType(let type):
            return "item type \(type) is a locally defined type outside GB/T 39046 table A.1"
        case .unknownLetterType(let scheme, let letters):
            return "letter type \(letters) is not defined by the \(scheme) scheme"
        case .unknownLevel(let level):
            return "exercising level \(level) is not one of 1–7 (GB/T 39046 table A.2)"
        case .invalidBodyCode(let body, let reason):
            return "implementing body code \(body) is not a valid unified social credit code: \(reason)"
        case .impossibleDate(let date):
            return "date \(date) does not exist"
        case .invalidPart(let name, let value, let expected):
            return "\(name) \"\(value)\" must be \(expected)"
        case .missingSegment(let scheme, let segment):
            return "a \(scheme) code lacks its \(segment)"
        }
    }

    /// The term of the standard for this failure, as Chinese systems report it.
    public var chineseTerm: String {
        switch self {
        case .invalidLength: return "编码长度错误"
        case .invalidCharacter: return "编码含非法字符"
        case .unknownCatalogueOrigin: return "目录来源代码错误"
        case .unknownItemType: return "事项类型代码错误"
        case .localItemType: return "地方自定义事项类型"
        case .unknownLetterType: return "事项类型代码错误"
        case .unknownLevel: return "行使层级代码错误"
        case .invalidBodyCode: return "实施主体统一社会信用代码错误"
        case .impossibleDate: return "日期错误"
        case .invalidPart: return "编码组成部分错误"
        case .missingSegment: return "编码分段缺失"
        }
    }
}

extension ServiceItemError {
    /// Every case once, for tests that hold the codes to the house rules.
    package static let examples: [ServiceItemError] = [
        .invalidLength(kind: nil, expected: [12], actual: 3),
        .invalidCharacter(kind: .basicCode, position: 1, found: "a", allowed: .digit), .unknownCatalogueOrigin("99"),
        .unknownItemType("99"), .localItemType("30"), .unknownLetterType(scheme: "letter-type", letters: "ZZ"),
        .unknownLevel("8"), .invalidBodyCode("X", reason: "r"), .impossibleDate("20241301"),
        .invalidPart(name: "n", value: "v", expected: "e"), .missingSegment(scheme: "sichuan", segment: "s"),
    ]
}

/// What a position of a code may hold, named for error messages.
public enum CharacterRule: String, Sendable, Hashable, Codable {
    /// `0`–`9`.
    case digit
    /// `0`–`9` and `A`–`Z`.
    case digitOrUppercaseLetter
    /// `A`–`Z`.
    case uppercaseLetter
    /// `0`–`9`, `A`–`Z` and `-`: provincial codes whose segments are joined by hyphens.
    case digitUppercaseLetterOrHyphen

    public var englishName: String {
        switch self {
        case .digit: return "a digit 0-9"
        case .digitOrUppercaseLetter: return "a digit or an upper-case letter A-Z"
        case .uppercaseLetter: return "an upper-case letter A-Z"
        case .digitUppercaseLetterOrHyphen: return "a digit, an upper-case letter A-Z or a hyphen"
        }
    }

    func allows(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return allows(byte: ascii)
    }

    func allows(byte ascii: UInt8) -> Bool {
        switch self {
        case .digit: return ascii >= 0x30 && ascii <= 0x39
        case .uppercaseLetter: return ascii >= 0x41 && ascii <= 0x5A
        case .digitOrUppercaseLetter:
            return (ascii >= 0x30 && ascii <= 0x39) || (ascii >= 0x41 && ascii <= 0x5A)
        case .digitUppercaseLetterOrHyphen:
            return ascii == 0x2D || (ascii >= 0x30 && ascii <= 0x39) || (ascii >= 0x41 && ascii <= 0x5A)
        }
    }
}
