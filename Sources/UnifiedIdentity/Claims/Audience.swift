/// `aud` (RFC 7519 §4.1.3): one string or an array of strings. Kept as a list; a single
/// audience is written back as a plain string, as most verifiers expect. The typed piece for
/// `aud` in a department's own claims struct (`var aud: Audience`).
public struct Audience: TokenClaim, ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    public var values: [String]

    public init(_ values: [String]) { self.values = values }
    public init(value: [String]) { self.values = value }

    /// `TokenClaim`'s name for ``values``.
    public var value: [String] {
        get { values }
        set { values = newValue }
    }
    public init(stringLiteral value: String) { self.values = [value] }
    public init(arrayLiteral elements: String...) { self.values = elements }

    public func contains(_ audience: String) -> Bool { values.contains(audience) }

    var jsonValue: JSONValue {
        values.count == 1 ? .string(values[0]) : .array(values.map(JSONValue.string))
    }

    init(json: JSONValue) throws(TokenError) {
        switch json {
        case .string(let value):
            values = [value]
        case .array(let elements):
            var collected: [String] = []
            collected.reserveCapacity(elements.count)
            for element in elements {
                guard let value = element.stringValue else {
                    throw .invalidClaim("aud", reason: "array holds a non-string")
                }
                collected.append(value)
            }
            values = collected
        default:
            throw .invalidClaim("aud", reason: "must be a string or an array of strings")
        }
    }
}

extension Audience {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let single = try? container.decode(String.self) {
            values = [single]
        } else if let list = try? container.decode([String].self) {
            values = list
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "must be a string or an array of strings")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if values.count == 1 { try container.encode(values[0]) } else { try container.encode(values) }
    }
}
