/// Positions 1–18 of an implementation code: the implementing body's unified social credit
/// code 统一社会信用代码 (GB 32100).
///
/// Some local data identifies bodies by codes that are not valid credit codes (internal
/// department codes, codes with a wrong check character). Lenient checking keeps such a
/// code and records why it is not a credit code in ``toleratedError``.
public struct ImplementingBodyCode: Sendable, Hashable, CustomStringConvertible {
    public static let length = 18

    /// The 18 characters.
    public let code: String
    /// Why the code is not a valid unified social credit code; nil when it is one.
    public let toleratedError: ServiceItemError?

    /// Checks `code` as a unified social credit code; lenient checking accepts any 18 digits
    /// and upper-case letters and records the failure instead.
    public init(_ code: some StringProtocol, validation: ItemCodeValidation = .strict) throws(ServiceItemError) {
        try self.init(CodeText(code, kind: .implementationCode), at: 0, validation: validation, checkLength: true)
    }

    init(_ text: CodeText, at start: Int, validation: ItemCodeValidation, checkLength: Bool = false)
        throws(ServiceItemError)
    {
        if checkLength {
            guard text.count == Self.length else {
                throw .invalidPart(
                    name: "implementing body code 实施主体编码", value: text.raw(0..<text.count),
                    expected: "18 characters")
            }
        }
        let code = try text.part(start..<start + Self.length, .digitOrUppercaseLetter)
        if let reason = CreditCodeCheck.failure(of: code) {
            let error = ServiceItemError.invalidBodyCode(code, reason: reason)
            guard validation == .lenient else { throw error }
            toleratedError = error
        } else {
            toleratedError = nil
        }
        self.code = code
    }

    /// Whether the code is a valid unified social credit code.
    public var isUnifiedSocialCreditCode: Bool { toleratedError == nil }

    /// The six-digit division code of the registering authority (credit-code positions 3–8),
    /// when the code is a valid credit code.
    public var registrationDivision: String? {
        guard isUnifiedSocialCreditCode else { return nil }
        return String(code.dropFirst(2).prefix(6))
    }

    /// The level of government the registering authority belongs to, read from the division
    /// code: `100000` is central, `xx0000` provincial, `xxyy00` municipal, anything else county.
    /// Bodies usually exercise items at this level, but not always (a city bureau may act
    /// for its districts), so this is a hint, never a rule.
    public var registrationLevel: ExercisingLevel? {
        guard let division = registrationDivision else { return nil }
        if division == "100000" { return .national }
        if division.hasSuffix("0000") { return .provincial }
        if division.hasSuffix("00") { return .municipal }
        return .county
    }

    /// The two-digit province of the registering authority, when the code is a credit code.
    public var registrationProvince: String? {
        registrationDivision.map { String($0.prefix(2)) }
    }

    public var description: String { code }

    var part: CodePart {
        CodePart(
            key: "bodyCode", name: "implementing body code", chineseName: "实施主体编码", value: code,
            meaning: isUnifiedSocialCreditCode ? "统一社会信用代码" : "非统一社会信用代码（宽松模式接受）",
            positions: 1...Self.length)
    }
}
