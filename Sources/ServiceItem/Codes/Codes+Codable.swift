/// Codes travel in JSON as their strings. Decoding is lenient: a catalogue file may hold a
/// body code that is not a credit code or a local item type, and it is the validator (with
/// its own strictness) that decides whether that is acceptable and says so with a path.
protocol CodeStringCodable: Codable {
    init(decoding code: String) throws(ServiceItemError)
    var code: String { get }
}

extension CodeStringCodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        do {
            try self.init(decoding: code)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

extension BasicCode: CodeStringCodable {
    init(decoding code: String) throws(ServiceItemError) { try self.init(code, validation: .lenient) }
}

extension ImplementationCode: CodeStringCodable {
    init(decoding code: String) throws(ServiceItemError) { try self.init(code, validation: .lenient) }
}

extension BusinessItemCode: CodeStringCodable {
    init(decoding code: String) throws(ServiceItemError) { try self.init(code, validation: .lenient) }
}

extension CaseNumber: CodeStringCodable {
    init(decoding code: String) throws(ServiceItemError) { try self.init(code, validation: .lenient) }
}
