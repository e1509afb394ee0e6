import AdminDivision

/// 统一社会信用代码 (GB 32100-2015): registration authority, organisation category, the
/// registering authority's division code, the organisation code (GB 11714) and a check
/// character, 18 characters in all.
///
/// ```swift
/// let code = try CreditCode(parsing: "91110000600037341L")
/// code.authority.name        // "工商"
/// code.category.name         // "企业"
/// code.divisionCode          // 110000
/// code.organizationCode      // 60003734-1
/// ```
public struct CreditCode: CheckCharacterCode {
    public typealias ParseError = CreditCodeError

    /// The 18 characters as GB 32100 values (0...30), five bits each: 1–12 in `high`, 13–18 in `low`.
    private let high: UInt64
    private let low: UInt64

    /// The standard's check character when a legacy code was let through, 0 for a valid code
    /// (a byte, not an `Acceptance`, keeps the value trivially copyable).
    private let legacyExpectedCheck: UInt8

    /// How the code was accepted.
    public var acceptance: Acceptance {
        legacyExpectedCheck == 0
            ? .valid : .legacyXiamenPilot(expectedCheckCharacter: Character(Unicode.Scalar(legacyExpectedCheck)))
    }

    /// Whether a code passed every rule or was let through as a known legacy exception.
    public enum Acceptance: Sendable, Hashable {
        /// Passed every rule.
        case valid
        /// A code issued before GB 32100 settled (the Xiamen pilot, division 3502xx) whose check
        /// characters do not follow the standard; `expectedCheckCharacter` is what the standard gives.
        case legacyXiamenPilot(expectedCheckCharacter: Character)
    }

    /// Strict: every rule of GB 32100. Lenient also accepts the known legacy codes that break
    /// the check rules (the early Xiamen pilot's), naming them in ``acceptance`` and
    /// ``toleratedErrors``; organisations are identified by such codes to this day.
    public static var defaultStrictness: Strictness { .strict }

    /// Parses and validates `text` (ASCII, upper or lower case), after ``compact(_:)`` when it
    /// is written in groups.
    public init(parsing text: some StringProtocol, strictness: Strictness) throws(CreditCodeError) {
        let result: Result<CreditCode, CreditCodeError>? = text.utf8.withContiguousStorageIfAvailable { buffer in
            Result { () throws(CreditCodeError) in try Self.parse(buffer, strictness: strictness) }
        }
        do throws(CreditCodeError) {
            if let result {
                self = try result.get()
            } else {
                self = try Self.parse(Array(text.utf8), strictness: strictness)
            }
        } catch {
            // Only a failed parse pays for looking at separators, and only when they may have
            // made the length wrong: a misplaced character in a code of the right length is
            // reported where it stands.
            guard case .invalidLength = error else { throw error }
            let compacted = Self.compact(text)
            guard compacted.utf8.count != text.utf8.count else { throw error }
            self = try Self.parse(Array(compacted.utf8), strictness: strictness)
        }
    }

    /// Parses and validates UTF-8 bytes in memory as they are (no compaction): the entry for
    /// bulk validation.
    public init(utf8 buffer: UnsafeBufferPointer<UInt8>, strictness: Strictness = CreditCode.defaultStrictness)
        throws(CreditCodeError)
    {
        self = try Self.parse(buffer, strictness: strictness)
    }

    /// Parses and validates the UTF-8 bytes of a code as they are (no compaction).
    public init<Bytes: Collection<UInt8>>(utf8 bytes: Bytes, strictness: Strictness = CreditCode.defaultStrictness)
        throws(CreditCodeError)
    {
        let result: Result<CreditCode, CreditCodeError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(CreditCodeError) in try Self.parse(buffer, strictness: strictness) }
        }
        if let result {
            self = try result.get()
        } else {
            self = try Self.parse(Array(bytes), strictness: strictness)
        }
    }

    /// The check character for the first 17 characters of a code.
    public static func checkCharacter(for first17: some StringProtocol) throws(CreditCodeError) -> Character {
        let bytes = Array(first17.utf8)
        guard bytes.count == 17 else { throw .invalidLength(bytes.count) }
        var sum = 0
        var weight = 1
        for (index, byte) in bytes.enumerated() {
            guard let value = CodeAlphabet.creditValue(CodeAlphabet.upper(byte)) else {
                throw .invalidCharacter(position: index + 1)
            }
            sum += value * weight
            weight = weight * 3 % 31
        }
        return Character(Unicode.Scalar(CodeAlphabet.creditCharacter((31 - sum % 31) % 31)))
    }

    /// Removes spaces and hyphens and upper-cases, as python-stdnum's `compact` does.
    public static func compact(_ text: some StringProtocol) -> String {
        String(decoding: text.utf8.filter { !CodeAlphabet.isSeparator($0) }.map(CodeAlphabet.upper), as: UTF8.self)
    }

    // MARK: - Parts

    /// 登记管理部门 (position 1).
    public var authority: RegistrationAuthority {
        // parse() admitted only known authorities and categories.
        RegistrationAuthority(code: character(at: 0)) ?? RegistrationAuthority.all[0]
    }

    /// 机构类别 (position 2).
    public var category: OrganizationCategory {
        authority.category(character(at: 1)) ?? authority.categories[0]
    }

    /// The division code of the registering authority (positions 3–8), as written. Central
    /// bodies use `100000`, which is no division.
    public var divisionCode: String { String(decoding: (2..<8).map { byte(at: $0) }, as: UTF8.self) }

    /// The division of the registering authority, when positions 3–8 name a known one
    /// (``divisionLookup`` says why not, otherwise).
    public var division: Division? { try? divisionLookup.get() }

    /// The division of the registering authority, or why positions 3–8 name none (central
    /// bodies' `100000` is an unknown code).
    public var divisionLookup: Result<Division, DivisionError> {
        Result { () throws(DivisionError) in try Division(divisionCode) }
    }

    /// The registering authority's division name as of the newest list, without building its
    /// history: what bulk output prints per code.
    public var divisionName: String? {
        Division.name(code: divisionNumber, in: Division.lastListYear)
    }

    /// Positions 3–8 as a number.
    private var divisionNumber: Int {
        (2..<8).reduce(0) { $0 * 10 + Int(byte(at: $1) &- UInt8(ascii: "0")) }
    }

    /// 主体标识码: the organisation code in positions 9–17.
    public var organizationCode: OrganizationCode {
        let bytes = (8..<17).map { byte(at: $0) }
        // The lenient path can admit a body whose own check fails; the value still reads back.
        return (try? OrganizationCode(parsing: String(decoding: bytes, as: UTF8.self)))
            ?? OrganizationCode.lenientlyParsed(bytes)
    }

    /// The check character (position 18).
    public var checkCharacter: Character { character(at: 17) }

    /// The 18 characters.
    public var compactForm: String { String(decoding: (0..<18).map { byte(at: $0) }, as: UTF8.self) }

    /// The whole code: an organisation's code is public, on its licence and its seal.
    public var masked: String { compactForm }

    /// The departure lenient parsing accepted: a legacy Xiamen pilot code's check characters.
    public var toleratedErrors: [CreditCodeError] {
        guard case .legacyXiamenPilot(let expected) = acceptance else { return [] }
        return [.legacyXiamenPilot(expectedCheckCharacter: expected, found: checkCharacter)]
    }

    private func byte(at index: Int) -> UInt8 {
        let value = index < 12 ? (high >> UInt64(5 * (11 - index))) & 0x1F : (low >> UInt64(5 * (17 - index))) & 0x1F
        return CodeAlphabet.creditCharacter(Int(value))
    }

    private func character(at index: Int) -> Character { Character(Unicode.Scalar(byte(at: index))) }

    // MARK: - Validation

    /// Validates 18 bytes without allocating on the valid path.
    static func parse(_ bytes: [UInt8], strictness: Strictness) throws(CreditCodeError) -> CreditCode {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(CreditCodeError) in try parse(buffer, strictness: strictness) }
        }
        return try result.get()
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, strictness: Strictness) throws(CreditCodeError) -> CreditCode
    {
        guard bytes.count == 18 else {
            if let position = CodeAlphabet.firstNonASCIIPosition(bytes) { throw .invalidCharacter(position: position) }
            throw .invalidLength(bytes.count)
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var sum = 0
        var organizationSum = 0
        // One loop per field, so the hot path has no per-character test of which field it is
        // in; the value table already folds lower case, so no case conversion either. The
        // organisation code's body (positions 9–16) is weighed for GB 11714 in the same pass:
        // GB 32100's alphabet is a subset of GB 11714's, so its value maps to GB 11714's.
        @inline(__always)
        func absorb(_ positions: Range<Int>, digitsOnly: Bool, organizationBody: Bool, into word: inout UInt64)
            throws(CreditCodeError)
        {
            for index in positions {
                guard let value = CodeAlphabet.creditValue(bytes[index]), !digitsOnly || value < 10 else {
                    throw .invalidCharacter(position: index + 1)
                }
                sum &+= value &* CodeAlphabet.creditWeight(index)
                if organizationBody {
                    organizationSum &+=
                        CodeAlphabet.organizationValue(creditValue: value)
                        &* CodeAlphabet.organizationWeight(index - 8)
                }
                word = word << 5 | UInt64(value)
            }
        }
        try absorb(0..<2, digitsOnly: false, organizationBody: false, into: &high)  // authority, category
        try absorb(2..<8, digitsOnly: true, organizationBody: false, into: &high)  // division code
        try absorb(8..<12, digitsOnly: false, organizationBody: true, into: &high)  // organisation code body
        try absorb(12..<16, digitsOnly: false, organizationBody: true, into: &low)  // organisation code body
        try absorb(16..<17, digitsOnly: false, organizationBody: false, into: &low)  // its check character
        guard let found = CodeAlphabet.creditValue(bytes[17]) else { throw .invalidCharacter(position: 18) }
        low = low << 5 | UInt64(found)
        // The order of python-stdnum (characters, then the check character) comes first, so
        // the two name the same rule wherever both have one; the tables follow.
        let expected = (31 - sum % 31) % 31
        let expectedByte = CodeAlphabet.creditCharacter(expected)
        let isLegacy = strictness == .lenient && isXiamenPilot(bytes)
        if expected != found && !isLegacy {
            throw .wrongCheckCharacter(
                expected: Character(Unicode.Scalar(expectedByte)),
                found: Character(Unicode.Scalar(CodeAlphabet.upper(bytes[17])))
            )
        }
        let authorityByte = CodeAlphabet.upper(bytes[0])
        let categoryByte = CodeAlphabet.upper(bytes[1])
        switch RegistrationAuthority.knows(authority: authorityByte, category: categoryByte) {
        case .known:
            break
        case .unknownAuthority:
            throw .unknownAuthority(Character(Unicode.Scalar(authorityByte)))
        case .unknownCategory:
            throw .unknownCategory(
                authority: Character(Unicode.Scalar(authorityByte)), category: Character(Unicode.Scalar(categoryByte)))
        }
        let organizationExpected = OrganizationCode.checkByte(sum: organizationSum)
        let organizationFound = CodeAlphabet.upper(bytes[16])
        if expected == found, organizationExpected == organizationFound {
            return CreditCode(high: high, low: low, legacyExpectedCheck: 0)
        }
        if isLegacy {
            return CreditCode(high: high, low: low, legacyExpectedCheck: expectedByte)
        }
        guard organizationFound == UInt8(ascii: "X") || CodeAlphabet.creditValue(organizationFound) ?? 10 < 10 else {
            // A GB 32100 letter where GB 11714 allows only a digit or X.
            throw .invalidCharacter(position: 17)
        }
        throw .wrongOrganizationCodeCheck(
            expected: Character(Unicode.Scalar(organizationExpected)),
            found: Character(Unicode.Scalar(organizationFound)))
    }

    /// The early Xiamen pilot issued codes of this shape (division 3502xx) before GB 32100's
    /// check rules were settled; see Documentation/CreditCode.md.
    private static func isXiamenPilot(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes[2] == UInt8(ascii: "3") && bytes[3] == UInt8(ascii: "5") && bytes[4] == UInt8(ascii: "0")
            && bytes[5] == UInt8(ascii: "2")
    }

    private init(high: UInt64, low: UInt64, legacyExpectedCheck: UInt8) {
        self.high = high
        self.low = low
        self.legacyExpectedCheck = legacyExpectedCheck
    }
}
