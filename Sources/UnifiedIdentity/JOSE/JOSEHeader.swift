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
        guard var members = json.objectValue else {
            throw .invalidJSON(.header, reason: "the header must be a JSON object")
        }
        guard let alg = members.removeValue(forKey: "alg") else {
            throw .invalidHeader(parameter: "alg", reason: "missing")
        }
        guard let algorithm = alg.stringValue else {
            throw .invalidHeader(parameter: "alg", reason: "must be a string")
        }
        self.algorithm = algorithm
        func string(_ name: String) throws(TokenError) -> String? {
            guard let value = members.removeValue(forKey: name) else { return nil }
            guard let text = value.stringValue else {
                throw .invalidHeader(parameter: name, reason: "must be a string")
            }
            return text
        }
        keyID = try string("kid")
        type = try string("typ")
        // RFC 7515 §4.1.11: a recipient must refuse a token whose critical extensions it does
        // not implement. This verifier implements none (so `b64: false` is refused too).
        if let critical = members["crit"] {
            guard let names = critical.arrayValue, !names.isEmpty else {
                throw .invalidHeader(parameter: "crit", reason: "must be a non-empty array of names")
            }
            let first = names.first?.stringValue ?? "(not a string)"
            throw .unsupportedCriticalHeader(first)
        }
        additional = members
    }

    var jsonValue: JSONValue {
        var members = additional
        members["alg"] = .string(algorithm)
        if let keyID { members["kid"] = .string(keyID) }
        if let type { members["typ"] = .string(type) }
        return .object(members)
    }
}
