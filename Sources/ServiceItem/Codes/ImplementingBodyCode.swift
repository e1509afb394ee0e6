import AdminDivision
import CreditCode

/// Positions 1–18 of an implementation code: the implementing body's unified social credit
/// code 统一社会信用代码 (GB 32100), checked with `CreditCode`.
///
/// Some local data identifies bodies by codes that are not valid credit codes (internal
/// department codes, codes with a wrong check character). Lenient checking keeps such a
/// code and records why it is not a credit code in ``toleratedError``; the Xiamen pilot's
/// legacy credit codes, which `CreditCode` accepts leniently, are recorded the same way.
public struct ImplementingBodyCode: Sendable, Hashable, CustomStringConvertible {
    public static let length = 18

    /// The characters: 18 in every national code; a province's own layout may carry a
    /// shorter or longer local code (see ``init(localCode:strictness:)``).
    public let code: String
    /// The credit code, when the 18 characters are one (under lenient checking, possibly a
    /// legacy code `CreditCode` accepts with a note).
    public let creditCode: CreditCode?
    /// Why the code is not a valid unified social credit code; nil when it is one.
    public let toleratedError: ServiceItemError?

    /// Checks `code` as a unified social credit code; lenient checking accepts any 18 digits
    /// and upper-case letters and records the failure instead.
    public init(_ code: some StringProtocol, strictness: Strictness = .strict) throws(ServiceItemError) {
        let text = CodeText(code, kind: .implementationCode)
        guard text.count == Self.length else {
            throw .invalidPart(
                name: "implementing body code 实施主体编码", value: String(code), expected: "18 characters")
        }
        try self.init(text, at: 0, strictness: strictness)
    }

    /// A body code as a province's own item codes write it, which need not be 18 characters:
    /// 四川政务服务网 writes organisation codes (`083372204`, `00877868-5`), credit codes missing
    /// a character and short department numbers where the credit code belongs.
    ///
    /// An 18-character code is checked exactly as in a national code. Any other non-empty run
    /// of digits, upper-case letters and hyphens is never a credit code: strict checking rejects
    /// it with ``ServiceItemError/invalidBodyCode(_:reason:)``, lenient checking keeps it and
    /// records that error in ``toleratedError``. For provincial schemes; national codes use
    /// ``init(_:strictness:)``.
    public init(localCode code: some StringProtocol, strictness: Strictness = .strict)
        throws(ServiceItemError)
    {
        try self.init(localCode: CodeText(code, kind: .provincialItemCode), strictness: strictness)
    }

    /// `text` is the body alone; its `offset` places error positions within the whole code.
    init(localCode text: CodeText, strictness: Strictness) throws(ServiceItemError) {
        if text.count == Self.length {
            try self.init(text, at: 0, strictness: strictness)
            return
        }
        let code = try text.part(0..<text.count, .digitUppercaseLetterOrHyphen)
        guard !code.isEmpty else {
            throw .missingSegment(scheme: "provincial", segment: "implementing body code 实施主体编码")
        }
        guard code.split(separator: "-", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty }) else {
            throw .invalidPart(
                name: "implementing body code 实施主体编码", value: code,
                expected: "digits and upper-case letters, with single hyphens between groups")
        }
        let failure = ServiceItemError.invalidBodyCode(code, reason: Self.localCodeReason(code))
        guard strictness == .lenient else { throw failure }
        self.init(code: code, creditCode: nil, toleratedError: failure)
    }

    private init(code: String, creditCode: CreditCode?, toleratedError: ServiceItemError?) {
        self.code = code
        self.creditCode = creditCode
        self.toleratedError = toleratedError
    }

    /// What a body code that is not 18 characters long is, as far as its shape tells.
    private static func localCodeReason(_ code: String) -> String {
        if OrganizationCode.isValid(code) {
            return "it is an organisation code 组织机构代码 (GB 11714), the identifier credit codes replaced"
        }
        return "it has \(code.count) characters, a credit code has 18"
    }

    init(_ text: CodeText, at start: Int, strictness: Strictness) throws(ServiceItemError) {
        let code = try text.part(start..<start + Self.length, .digitOrUppercaseLetter)
        self.code = code
        do {
            let creditCode = try CreditCode(parsing: code, strictness: strictness)
            self.creditCode = creditCode
            switch creditCode.acceptance {
            case .valid:
                toleratedError = nil
            case .legacyXiamenPilot(let expected):
                toleratedError = .invalidBodyCode(
                    code, reason: "a legacy Xiamen-pilot code whose check character should be \(expected) (历史遗留代码)")
            }
        } catch {
            let failure = ServiceItemError.invalidBodyCode(code, reason: error.description)
            guard strictness == .lenient else { throw failure }
            creditCode = nil
            toleratedError = failure
        }
    }

    /// Whether the code is a valid unified social credit code.
    public var isUnifiedSocialCreditCode: Bool { toleratedError == nil }

    /// The six-digit division code of the registering authority (credit-code positions 3–8).
    public var registrationDivision: String? { creditCode?.divisionCode }

    /// The two-digit province of the registering authority (`10` for central bodies).
    public var registrationProvince: String? { registrationDivision.map { String($0.prefix(2)) } }

    /// The level of government the registering authority belongs to: `100000` is central,
    /// otherwise the GB/T 2260 level of the division. Bodies usually exercise items at this
    /// level, but not always (a city bureau may act for its districts), so this is a hint
    /// for validators, never a parsing rule.
    public var registrationLevel: ExercisingLevel? {
        guard let creditCode else { return nil }
        if creditCode.divisionCode == "100000" { return .national }
        guard let division = DivisionCode(creditCode.divisionCode), Division.exists(division) else { return nil }
        switch division.level {
        case .province: return .provincial
        case .prefecture: return .municipal
        case .county: return .county
        }
    }

    public var description: String { code }

    var part: CodePart {
        CodePart(
            key: "bodyCode", name: "implementing body code", chineseName: "实施主体编码", value: code,
            meaning: isUnifiedSocialCreditCode ? "统一社会信用代码" : "非统一社会信用代码（宽松模式接受）",
            positions: 1...code.count)
    }
}
