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
        var algorithm: String?
        var additional: [String: JSONValue] = [:]
        // One pass, no copy of the members: this runs on every verification.
        for (name, value) in members {
            switch name {
            case "alg":
                guard case .string(let text) = value else {
                    throw .invalidHeader(parameter: name, reason: "must be a string")
                }
                algorithm = text
            case "kid", "typ":
                guard case .string(let text) = value else {
                    throw .invalidHeader(parameter: name, reason: "must be a string")
                }
                if name == "kid" { keyID = text } else { type = text }
            case "crit":
                // RFC 7515 §4.1.11: a recipient must refuse a token whose critical extensions it
                // does not implement. This verifier implements none (so `b64: false` is refused too).
                guard let names = value.arrayValue, !names.isEmpty else {
                    throw .invalidHeader(parameter: name, reason: "must be a non-empty array of names")
                }
                throw .unsupportedCriticalHeader(names.first?.stringValue ?? "(not a string)")
            default:
                additional[name] = value
            }
        }
        guard let algorithm else { throw .invalidHeader(parameter: "alg", reason: "missing") }
        self.algorithm = algorithm
        self.additional = additional
    }

    var jsonValue: JSONValue {
        var members = additional
        members["alg"] = .string(algorithm)
        if let keyID { members["kid"] = .string(keyID) }
        if let type { members["typ"] = .string(type) }
        return .object(members)
    }
}
