/// 业务办理项编码: the 33-character code of one way of handling an implemented item
/// (for example an individual's and a company's application), GB/T 39554.1-2020.
///
/// It is the implementation code followed by a two-digit sequence.
public struct BusinessItemCode: Sendable, Hashable {
    public static let length = 33

    public let implementationCode: ImplementationCode
    /// 业务办理项序号: two digits.
    public let sequence: String

    /// Builds a business item code, checking the sequence is two digits.
    public init(implementationCode: ImplementationCode, sequence: String) throws(ServiceItemError) {
        try CharacterRule.digit.checkPart(sequence, name: "business item sequence 业务办理项序号", length: 2)
        self.implementationCode = implementationCode
        self.sequence = sequence
    }

    /// Parses a business item code, reporting the first rule it breaks.
    init(exactly code: String, strictness: Strictness) throws(ServiceItemError) {
        let text = CodeText(code, kind: .businessItemCode)
        try text.requireLength([Self.length])
        try text.checkCharacters(ImplementationCode.layout(strictness) + [CodeLayoutSlot(31..<33, .digit)])
        implementationCode = try ImplementationCode(reading: text, strictness: strictness)
        sequence = text.raw(31..<33)
    }

    /// The 33 characters.
    public var code: String { implementationCode.code + sequence }

    public var toleratedErrors: [ServiceItemError] { implementationCode.toleratedErrors }

    /// The named parts, positions 1–33.
    public var parts: [CodePart] {
        implementationCode.parts + [
            CodePart(
                key: "sequence", name: "business item sequence", chineseName: "业务办理项序号", value: sequence,
                positions: 32...33)
        ]
    }
}
