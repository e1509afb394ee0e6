import AdminDivision
internal import ZhengwuKitSupport

/// 办件编号: the number of one application (case), GB/T 39554.1-2020.
///
/// ```
/// <implementation code (31)> 20240315 0001
///                            │        └ serial 流水号: 4 digits (national), 9 in one province
///                            └ date of the case 办件日期 (yyyyMMdd)
/// ```
public struct CaseNumber: Sendable, Hashable {
    /// The two serial layouts seen in real exchange records.
    public enum SerialFormat: Int, Sendable, Hashable, Codable, CaseIterable {
        /// Four digits: the national form, 43 characters in all.
        case fourDigit = 4
        /// Nine digits: one province's variant, 48 characters in all.
        case nineDigit = 9

        /// The case number's length with this serial.
        public var caseNumberLength: Int { ImplementationCode.length + 8 + rawValue }
    }

    public static let lengths = SerialFormat.allCases.map(\.caseNumberLength)

    public let implementationCode: ImplementationCode
    public let date: CalendarDate
    /// 流水号: digits only, four or nine of them.
    public let serial: String

    /// Builds a case number, checking the serial is four or nine digits.
    public init(implementationCode: ImplementationCode, date: CalendarDate, serial: String) throws(ServiceItemError) {
        guard SerialFormat(rawValue: serial.count) != nil, serial.allSatisfy(CharacterRule.digit.allows) else {
            throw .invalidPart(name: "serial 流水号", value: serial, expected: "4 or 9 digits")
        }
        self.implementationCode = implementationCode
        self.date = date
        self.serial = serial
    }

    /// Builds a case number with the serial written as `format` asks (zero-padded).
    public init(
        implementationCode: ImplementationCode, date: CalendarDate, serial: Int, format: SerialFormat = .fourDigit
    )
        throws(ServiceItemError)
    {
        let digits = String(serial)
        guard serial >= 0, digits.count <= format.rawValue else {
            throw .invalidPart(name: "serial 流水号", value: digits, expected: "\(format.rawValue) digits at most")
        }
        let padded = ZeroPadding.decimal(serial, width: format.rawValue)
        try self.init(implementationCode: implementationCode, date: date, serial: padded)
    }

    /// Parses a case number of either serial layout, reporting the first rule it breaks.
    init(exactly code: String, strictness: Strictness) throws(ServiceItemError) {
        let text = CodeText(code, kind: .caseNumber)
        try text.requireLength(Self.lengths)
        try text.checkCharacters(ImplementationCode.layout(strictness) + [CodeLayoutSlot(31..<text.count, .digit)])
        implementationCode = try ImplementationCode(reading: text, strictness: strictness)
        let compactDate = text.raw(31..<39)
        guard let date = CalendarDate(compact: compactDate) else { throw .impossibleDate(compactDate) }
        self.date = date
        serial = text.raw(39..<text.count)
    }

    public var serialFormat: SerialFormat { serial.count == 9 ? .nineDigit : .fourDigit }

    /// The 43 or 48 characters.
    public var code: String { implementationCode.code + date.compact + serial }

    public var toleratedErrors: [ServiceItemError] { implementationCode.toleratedErrors }

    /// The named parts, positions 1–43 (or 1–48).
    public var parts: [CodePart] {
        implementationCode.parts + [
            CodePart(
                key: "date", name: "case date", chineseName: "办件日期", value: date.compact,
                meaning: date.description, positions: 32...39),
            CodePart(
                key: "serial", name: "serial number", chineseName: "流水号", value: serial,
                meaning: serialFormat == .fourDigit ? "4 位（国家标准）" : "9 位（地方变体）",
                positions: 40...(39 + serial.count)),
        ]
    }
}
