/// 实施编码: the 31-character code of one body's implementation of an item
/// (GB/T 39554.1-2020).
///
/// ```
/// 11450721MB15580811 4 000104002000
/// │                  │ └ basic code 基本编码 (12)
/// │                  └ exercising level 行使层级 (table A.2)
/// └ implementing body's unified social credit code (18)
/// ```
public struct ImplementationCode: Sendable, Hashable {
    public static let length = 31

    public let body: ImplementingBodyCode
    public let level: ExercisingLevel
    public let basicCode: BasicCode

    /// Builds an implementation code from its parts (each already checked).
    public init(body: ImplementingBodyCode, level: ExercisingLevel, basicCode: BasicCode) {
        self.body = body
        self.level = level
        self.basicCode = basicCode
    }

    /// Parses an implementation code, reporting the first rule it breaks.
    init(exactly code: String, strictness: Strictness) throws(ServiceItemError) {
        let text = CodeText(code, kind: .implementationCode)
        try text.requireLength([Self.length])
        try text.checkCharacters(Self.layout(strictness))
        try self.init(reading: text, strictness: strictness)
    }

    static func layout(_ strictness: Strictness) -> [CodeLayoutSlot] {
        [CodeLayoutSlot(0..<18, .digitOrUppercaseLetter), CodeLayoutSlot(18..<19, .digit)]
            + BasicCode.layout(strictness).shifted(by: 19)
    }

    /// Reads the first 31 characters of `text` (which may be a longer code), whose characters
    /// the caller has checked against `layout(strictness)`. The parts are interpreted left to right, with
    /// the credit-code check last: it is the only rule lenient checking may waive.
    init(reading text: CodeText, strictness: Strictness) throws(ServiceItemError) {
        let levelCode = text.raw(18..<19)
        guard let level = ExercisingLevel(code: levelCode) else { throw .unknownLevel(levelCode) }
        let basicCode = try BasicCode(reading: text, at: 19, strictness: strictness)
        self.body = try ImplementingBodyCode(text, at: 0, strictness: strictness)
        self.level = level
        self.basicCode = basicCode
    }

    /// The 31 characters.
    public var code: String { body.code + level.code + basicCode.code }

    /// The rules lenient checking let through (a body code that is not a credit code, a
    /// local item type); empty for a code that passes strict checking.
    public var toleratedErrors: [ServiceItemError] {
        (body.toleratedError.map { [$0] } ?? []) + basicCode.toleratedErrors
    }

    /// The named parts, positions 1–31, the basic code's parts included.
    public var parts: [CodePart] {
        [
            body.part,
            CodePart(
                key: "level", name: "exercising level", chineseName: "行使层级", value: level.code,
                meaning: level.chineseName, positions: 19...19),
        ] + basicCode.parts.map { $0.shifted(by: 19) }
    }
}
