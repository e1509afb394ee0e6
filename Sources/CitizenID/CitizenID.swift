import AdminDivision

/// A 公民身份号码 (GB 11643-1999), or a number of the same shape on a residence permit for
/// Hong Kong, Macao or Taiwan residents or a foreigner's permanent residence ID.
///
/// ```swift
/// let id = try CitizenID("11010519491231002X")
/// id.kind            // .residentIdentityCard
/// id.divisionName    // "朝阳区" (as of the birth year)
/// id.birthDate       // 1949-12-31
/// id.sex             // .female
/// id.masked          // "110***********002X"
/// ```
///
/// The value holds only numbers, so parsing a valid number allocates nothing.
public struct CitizenID: Hashable, Sendable, CustomStringConvertible {
    /// What kind of document the number belongs to.
    public let kind: DocumentKind
    /// Positions 1–6 as a number (the address code, `810000`, or `9` + province + nationality).
    public let leadingCode: Int
    /// Positions 7–14.
    public let birthDate: CalendarDate
    /// Positions 15–17 (顺序码).
    public let sequence: Int
    /// Position 18 (`0-9` or `X`).
    public var checkCharacter: Character { Character(Unicode.Scalar(checkByte)) }
    /// Position 18 as its ASCII byte (a `Character` would cost a string on the hot path).
    public let checkByte: UInt8
    /// Whether the number was given in the 15-digit legacy form and converted.
    public let wasConvertedFromLegacyForm: Bool

    init(
        kind: DocumentKind, leadingCode: Int, birthDate: CalendarDate, sequence: Int, checkByte: UInt8,
        wasConvertedFromLegacyForm: Bool
    ) {
        self.kind = kind
        self.leadingCode = leadingCode
        self.birthDate = birthDate
        self.sequence = sequence
        self.checkByte = checkByte
        self.wasConvertedFromLegacyForm = wasConvertedFromLegacyForm
    }

    /// Parses and validates `text` (18 characters, or 15 digits when the options allow).
    public init(_ text: some StringProtocol, options: Options = .default) throws(CitizenIDError) {
        let result: Result<CitizenID, CitizenIDError>? = text.utf8.withContiguousStorageIfAvailable { buffer in
            Result { () throws(CitizenIDError) in try Self.parse(buffer, options: options) }
        }
        if let result {
            self = try result.get()
        } else {
            self = try Self.parse(Array(text.utf8), options: options)
        }
    }

    /// Parses and validates UTF-8 bytes in memory: the entry for bulk validation.
    public init(utf8 buffer: UnsafeBufferPointer<UInt8>, options: Options = .default) throws(CitizenIDError) {
        self = try Self.parse(buffer, options: options)
    }

    /// Parses and validates the UTF-8 bytes of a number.
    @inlinable
    public init<Bytes: Collection<UInt8>>(utf8 bytes: Bytes, options: Options = .default) throws(CitizenIDError) {
        let result: Result<CitizenID, CitizenIDError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(CitizenIDError) in try Self.parse(buffer, options: options) }
        }
        if let result {
            self = try result.get()
        } else {
            self = try Self.parse(Array(bytes), options: options)
        }
    }

    /// Whether `text` is a valid number under `options`.
    public static func isValid(_ text: some StringProtocol, options: Options = .default) -> Bool {
        (try? CitizenID(text, options: options)) != nil
    }

    /// The check character of the first 17 digits (ISO 7064 MOD 11-2).
    public static func checkCharacter(for first17: some StringProtocol) throws(CitizenIDError) -> Character {
        let bytes = Array(first17.utf8)
        guard bytes.count == 17 else { throw .invalidLength(bytes.count) }
        var sum = 0
        for (index, byte) in bytes.enumerated() {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                throw .invalidCharacter(position: index + 1)
            }
            sum = sum * 2 + Int(byte - UInt8(ascii: "0"))
        }
        return Character(Unicode.Scalar(checkByte(horner: sum)))
    }

    /// Removes spaces and hyphens and upper-cases `x`, as python-stdnum's `compact` does, for
    /// numbers written in groups (`110105 19491231 002x`).
    public static func compact(_ text: some StringProtocol) -> String {
        String(
            decoding: text.utf8.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") }
                .map { $0 == UInt8(ascii: "x") ? UInt8(ascii: "X") : $0 },
            as: UTF8.self)
    }

    /// The 18-character form of a 15-digit legacy number, validated under `options`.
    public static func convert(_ legacy: some StringProtocol, options: Options = .default) throws(CitizenIDError)
        -> CitizenID
    {
        var options = options
        options.acceptsLegacyNumbers = true
        let count = legacy.utf8.count
        guard count == 15 else { throw .invalidLength(count) }
        return try CitizenID(legacy, options: options)
    }

    // MARK: - Parts

    /// The address code (positions 1–6) of a resident identity card, `nil` for other kinds.
    public var divisionCode: DivisionCode? {
        kind == .residentIdentityCard ? DivisionCode(rawValue: leadingCode) : nil
    }

    /// The division of the address code, with its whole history.
    public var division: Division? { divisionCode.flatMap { Division(code: $0) } }

    /// The division's name as of the birth year (the newest name before the oldest list).
    public var divisionName: String? {
        guard kind == .residentIdentityCard else { return nil }
        return Division.name(code: leadingCode, in: birthDate.year)
            ?? DivisionCode(rawValue: leadingCode).flatMap { Division(code: $0) }?.name
    }

    /// Province, prefecture and county names as of the birth year (`北京市朝阳区`).
    public var divisionFullName: String? {
        division.flatMap { $0.fullName(in: birthDate.year) ?? $0.fullName(in: Division.lastListYear) }
    }

    /// For a foreigner's permanent residence ID: the issuing province (`320000`).
    public var issuingProvince: DivisionCode? {
        kind == .foreignPermanentResidenceID ? DivisionCode(rawValue: leadingCode % 100_000 / 1000 * 10_000) : nil
    }

    /// For a foreigner's permanent residence ID: the three-digit nationality code (positions 4–6).
    public var nationalityCode: String? {
        guard kind == .foreignPermanentResidenceID else { return nil }
        let digits = String(leadingCode % 1000)
        return String(repeating: "0", count: 3 - digits.count) + digits
    }

    /// 性别: odd sequence codes are men, even ones women.
    public var sex: Sex { sequence % 2 == 1 ? .male : .female }

    /// The 18 characters.
    public var rawValue: String {
        func digits(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits(leadingCode, 6) + digits(birthDate.year, 4) + digits(birthDate.month, 2)
            + digits(birthDate.day, 2) + digits(sequence, 3) + String(checkCharacter)
    }

    /// The form for logs, which must not carry a person's number: the first three and the
    /// last four characters (`440***********123X`).
    public var masked: String {
        let raw = Array(rawValue)
        return String(raw[0..<3]) + String(repeating: "*", count: 11) + String(raw[14..<18])
    }

    public var description: String { rawValue }
}
