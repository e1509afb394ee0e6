import AdminDivision
internal import ZhengwuKitSupport

/// A 公民身份号码 (GB 11643-1999), or a number of the same shape on a residence permit for
/// Hong Kong, Macao or Taiwan residents or a foreigner's permanent residence ID.
///
/// ```swift
/// let id = try CitizenID(parsing: "11010519491231002X")
/// id.kind            // .residentIdentityCard
/// id.divisionName    // "朝阳区" (as of the birth year)
/// id.birthDate       // 1949-12-31
/// id.sex             // .female
/// id.masked          // "110***********002X"
/// ```
///
/// The value holds only numbers, so parsing a valid number allocates nothing. It is a
/// person's number: log ``masked``. `description` is the whole number (the
/// `LosslessStringConvertible` round trip needs it), so the debug and reflected forms that
/// test failures, `dump` and collection printing use are the masked one.
public struct CitizenID: CheckCharacterCode, CustomDebugStringConvertible, CustomReflectable {
    public typealias ParseError = CitizenIDError

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
    /// Whether a resident card's address code was in force in the birth year (always true
    /// for other kinds); lenient parsing accepts false and lists it in ``toleratedErrors``.
    public let isAddressCodeInForceAtBirth: Bool

    init(
        kind: DocumentKind, leadingCode: Int, birthDate: CalendarDate, sequence: Int, checkByte: UInt8,
        wasConvertedFromLegacyForm: Bool, regionInForceAtBirth: Bool
    ) {
        self.kind = kind
        self.leadingCode = leadingCode
        self.birthDate = birthDate
        self.sequence = sequence
        self.checkByte = checkByte
        self.wasConvertedFromLegacyForm = wasConvertedFromLegacyForm
        self.isAddressCodeInForceAtBirth = regionInForceAtBirth
    }

    /// Lenient: a number's address code is the one in force when the number was *issued*,
    /// which may be years after the birth (a child born in 密云县 in 2010 and registered after
    /// 2015 carries 密云区's 110118, which did not exist in 2010). Such numbers are officially
    /// issued and in use, so the default accepts an address code in force in *some* year and
    /// names the departure in ``toleratedErrors``; `.strict` requires the birth year.
    public static var defaultStrictness: Strictness { .lenient }

    /// Parses and validates `text` (18 characters, or 15 digits for the legacy form), after
    /// ``compact(_:)`` when it is written in groups.
    public init(parsing text: some StringProtocol, strictness: Strictness) throws(CitizenIDError) {
        try self.init(parsing: text, strictness: strictness, options: .default)
    }

    /// Parses and validates `text` with `options` (document kinds, legacy numbers, reference date).
    public init(
        parsing text: some StringProtocol, strictness: Strictness = CitizenID.defaultStrictness, options: Options
    )
        throws(CitizenIDError)
    {
        let result: Result<CitizenID, CitizenIDError>? = text.utf8.withContiguousStorageIfAvailable { buffer in
            Result { () throws(CitizenIDError) in try Self.parse(buffer, strictness: strictness, options: options) }
        }
        do throws(CitizenIDError) {
            if let result {
                self = try result.get()
            } else {
                self = try Self.parse(Array(text.utf8), strictness: strictness, options: options)
            }
        } catch {
            // Only a failed parse pays for looking at separators, and only when they may have
            // made the length wrong: a misplaced character in a number of the right length is
            // reported where it stands.
            guard case .invalidLength = error else { throw error }
            let compacted = Self.compact(text)
            guard compacted.utf8.count != text.utf8.count else { throw error }
            self = try Self.parse(Array(compacted.utf8), strictness: strictness, options: options)
        }
    }

    /// Parses and validates UTF-8 bytes in memory as they are (no compaction): the entry
    /// for bulk validation.
    public init(
        utf8 buffer: UnsafeBufferPointer<UInt8>, strictness: Strictness = CitizenID.defaultStrictness,
        options: Options = .default
    ) throws(CitizenIDError) {
        self = try Self.parse(buffer, strictness: strictness, options: options)
    }

    /// Parses and validates the UTF-8 bytes of a number as they are (no compaction).
    @inlinable
    public init<Bytes: Collection<UInt8>>(
        utf8 bytes: Bytes, strictness: Strictness = CitizenID.defaultStrictness, options: Options = .default
    ) throws(CitizenIDError) {
        let result: Result<CitizenID, CitizenIDError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(CitizenIDError) in try Self.parse(buffer, strictness: strictness, options: options) }
        }
        if let result {
            self = try result.get()
        } else {
            self = try Self.parse(Array(bytes), strictness: strictness, options: options)
        }
    }

    /// Whether `text` is a valid number under `strictness` and `options`.
    public static func isValid(
        _ text: some StringProtocol, strictness: Strictness = CitizenID.defaultStrictness, options: Options
    ) -> Bool {
        (try? CitizenID(parsing: text, strictness: strictness, options: options)) != nil
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

    /// The 18-character form of a 15-digit legacy number.
    public static func convert(
        _ legacy: some StringProtocol, strictness: Strictness = CitizenID.defaultStrictness, options: Options = .default
    ) throws(CitizenIDError) -> CitizenID {
        var options = options
        options.acceptsLegacyNumbers = true
        let count = legacy.utf8.count
        guard count == 15 else { throw .invalidLength(count) }
        return try CitizenID(parsing: legacy, strictness: strictness, options: options)
    }

    /// The departure lenient parsing accepted: an address code not in force in the birth
    /// year, as the error strict parsing throws (with the periods the code was in force).
    public var toleratedErrors: [CitizenIDError] {
        guard !isAddressCodeInForceAtBirth else { return [] }
        return [
            .regionNotValidInYear(
                code: leadingCode, year: birthDate.year, validPeriods: Division.periods(code: leadingCode))
        ]
    }

    // MARK: - Parts

    /// The address code (positions 1–6) of a resident identity card, `nil` for other kinds.
    public var divisionCode: DivisionCode? {
        kind == .residentIdentityCard ? DivisionCode(rawValue: leadingCode) : nil
    }

    /// The division of the address code, with its whole history (parsing checked it exists).
    public var division: Division? { divisionCode.flatMap { try? Division(code: $0) } }

    /// The division's name as of the birth year (the newest name before the oldest list).
    public var divisionName: String? {
        guard kind == .residentIdentityCard else { return nil }
        return Division.name(code: leadingCode, in: birthDate.year) ?? division?.name
    }

    /// Province, prefecture and county names as of the birth year (`北京市朝阳区`).
    public var divisionFullName: String? {
        division.flatMap { $0.fullName(in: birthDate.year) ?? $0.fullName(in: Division.lastListYear) }
    }

    /// For a foreigner's permanent residence ID: the issuing province (`320000`).
    public var issuingProvince: DivisionCode? {
        kind == .foreignPermanentResidenceID
            ? DivisionCode(rawValue: Self.issuingProvince(leadingCode: leadingCode)) : nil
    }

    /// For a foreigner's permanent residence ID: the three-digit nationality code (positions 4–6).
    public var nationalityCode: String? {
        guard kind == .foreignPermanentResidenceID else { return nil }
        return ZeroPadding.decimal(leadingCode % 1000, width: 3)
    }

    /// 性别: odd sequence codes are men, even ones women.
    public var sex: Sex { sequence % 2 == 1 ? .male : .female }

    /// The 18 characters.
    public var compactForm: String {
        ZeroPadding.decimal(leadingCode, width: 6) + birthDate.compact + ZeroPadding.decimal(sequence, width: 3)
            + String(checkCharacter)
    }

    /// The form for logs, which must not carry a person's number: the first three and the
    /// last four characters (`440***********123X`).
    public var masked: String {
        let raw = Array(compactForm)
        return String(raw[0..<3]) + String(repeating: "*", count: 11) + String(raw[14..<18])
    }

    /// The masked form: what `debugPrint`, collections and test failures show.
    public var debugDescription: String { "CitizenID(\(masked))" }

    /// Reflection (`dump`, debuggers, test output) shows the masked form, never the parts.
    public var customMirror: Mirror { Mirror(self, children: ["masked": masked], displayStyle: .struct) }
}
