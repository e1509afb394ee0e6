/// The protected header of a JWS (RFC 7515 §4).
///
/// Header parameters that would let a token choose its own key (`jwk`, `jku`, `x5u`, `x5c`)
/// are read into `additional` and never used: keys come only from the verifier's key set.
public struct JOSEHeader: Sendable, Equatable {
    /// `alg`, as written.
    public var algorithm: String
    /// `kid`: which key of the issuer's set signed (an RFC 7638 thumbprint here).
    public var keyID: String?
    /// `typ`, usually `JWT`.
    public var type: String?
    /// Every other parameter.
    public var additional: [String: JSONValue]

    public init(algorithm: String, keyID: String? = nil, type: String? = "JWT", additional: [String: JSONValue] = [:]) {
        self.algorithm = algorithm
        self.keyID = keyID
        self.type = type
        self.additional = additional
    }

    init(json: JSONValue) throws(TokenError) {
        guard let members = json.objectValue else {
            throw .invalidJSON(.header, reason: "the header must be a JSON object")
        }
        try self.init(members: members)
    }

    init<Members: Sequence<(key: String, value: JSONValue)>>(members: Members) throws(TokenError) {
        var reader = Reader()
        for (name, value) in members { try reader.read(value, named: .text(name)) }
        self = try reader.header()
    }

    /// Collects a header member by member (a token's are read one at a time, in order, as
    /// `JSONReader.visitObject` hands them over).
    struct Reader: JSONMemberReading {
        private var algorithm: String?
        private var keyID: String?
        private var type: String?
        private var additional: [String: JSONValue] = [:]

        mutating func read(_ value: JSONValue, named name: JSONMemberName) throws(TokenError) {
            switch name {
            case "alg": algorithm = try Self.string(value, name)
            case "kid": keyID = try Self.string(value, name)
            case "typ": type = try Self.string(value, name)
            case "crit":
                // RFC 7515 §4.1.11: a recipient must refuse a token whose critical extensions it
                // does not implement. This verifier implements none (so `b64: false` is refused too).
                guard let names = value.arrayValue, !names.isEmpty else {
                    throw .invalidHeader(parameter: name.string, reason: "must be a non-empty array of names")
                }
                throw .unsupportedCriticalHeader(names.first?.stringValue ?? "(not a string)")
            case "zip", "enc":
                // `zip` (compressed payload) and `enc` (encryption) belong to JWE; a JWS carrying
                // them asks for a processing this verifier does not do, so it is refused rather
                // than read as if they were absent.
                throw .invalidHeader(
                    parameter: name.string, reason: "is a JWE parameter; a signed token (JWS) must not carry it")
            default:
                additional[name.string] = value
            }
        }

        func header() throws(TokenError) -> JOSEHeader {
            guard let algorithm else { throw .invalidHeader(parameter: "alg", reason: "missing") }
            return JOSEHeader(algorithm: algorithm, keyID: keyID, type: type, additional: additional)
        }

        private static func string(_ value: JSONValue, _ name: JSONMemberName) throws(TokenError) -> String {
            guard case .string(let text) = value else {
                throw .invalidHeader(parameter: name.string, reason: "must be a string")
            }
            return text
        }
    }

    var jsonValue: JSONValue {
        var members = additional
        members["alg"] = .string(algorithm)
        if let keyID { members["kid"] = .string(keyID) }
        if let type { members["typ"] = .string(type) }
        return .object(members)
    }
}
