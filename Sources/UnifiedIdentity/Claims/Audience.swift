/// `aud` (RFC 7519 §4.1.3): one string or an array of strings. Kept as a list; a single
/// audience is written back as a plain string, as most verifiers expect.
public struct Audience: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    public var values: [String]

    public init(_ values: [String]) { self.values = values }
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
