/// 业务办理项编码: the 33-character code of one way of handling an implemented item
/// (for example an individual's and a company's application), GB/T 39554.1-2020.
///
/// It is the implementation code followed by a two-digit sequence.
public struct BusinessItemCode: Sendable, Hashable, CustomStringConvertible {
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
    public init(_ code: some StringProtocol, validation: ItemCodeValidation = .strict) throws(ServiceItemError) {
        let text = CodeText(code, kind: .businessItemCode)
        try text.requireLength([Self.length])
        try text.checkCharacters(ImplementationCode.layout(validation) + [CodeLayoutSlot(31..<33, .digit)])
        implementationCode = try ImplementationCode(reading: text, validation: validation)
        sequence = text.raw(31..<33)
    }

    /// Whether `code` is a business item code under `validation`.
    public static func isValid(_ code: some StringProtocol, validation: ItemCodeValidation = .strict) -> Bool {
        (try? BusinessItemCode(code, validation: validation)) != nil
    }

    /// The 33 characters.
    public var code: String { implementationCode.code + sequence }

    public var description: String { code }

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
