import GMCrypto
import ZhengwuKitCore

/// A JSON Web Key (RFC 7517) holding a public key: EC (`P-256`, `SM2`), OKP (`Ed25519`,
/// RFC 8037) or RSA. Private members (`d`, `p`, `q`, …) are refused on import and never
/// written: key sets are published, private keys stay in PEM files.
public struct JWK: Sendable, Equatable {
    /// Every member, as read or as built.
    public private(set) var members: [String: JSONValue]

    public var keyType: String? { members["kty"]?.stringValue }
    public var curve: String? { members["crv"]?.stringValue }
    public var keyID: String? {
        get { members["kid"]?.stringValue }
        set { members["kid"] = newValue.map(JSONValue.string) }
    }
    public var algorithm: String? {
        get { members["alg"]?.stringValue }
        set { members["alg"] = newValue.map(JSONValue.string) }
    }
    /// `use`: `sig` for every key here.
    public var use: String? { members["use"]?.stringValue }

    static let privateMembers: Set<String> = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"]

    public init(json: JSONValue) throws(JWKError) {
        guard let members = json.objectValue else { throw .malformed("a JWK must be a JSON object") }
        guard let kty = members["kty"]?.stringValue else { throw .malformed("missing \"kty\"") }
        if let found = Self.privateMembers.first(where: { members[$0] != nil }) {
            throw .privateMaterial(found)
        }
        if let use = members["use"], use.stringValue != "sig" {
            throw .malformed("\"use\" must be \"sig\" for a token verification key")
        }
        switch kty {
        case "EC", "OKP", "RSA": break
        case "oct": throw .unsupported("symmetric (\"oct\") keys are never used to verify tokens")
        default: throw .unsupported("key type \"\(kty)\"")
        }
        self.members = members
    }

    public init(jsonString: String, limits: TokenLimits = .standard) throws(JWKError) {
        try self.init(json: Self.parse(jsonString, limits: limits))
    }

    /// JWK or JWK Set text as JSON, within the token limits.
    static func parse(_ text: String, limits: TokenLimits) throws(JWKError) -> JSONValue {
        do {
            return try JSONReader.parse(Array(text.utf8), maximumDepth: limits.maximumJSONDepth)
        } catch {
            throw .malformed(error.description)
        }
    }

    init(publicMembers: [String: JSONValue]) {
        self.members = publicMembers
    }

    /// The base64url member `name`, decoded.
    func bytes(_ name: String) throws(JWKError) -> [UInt8] {
        guard let text = members[name]?.stringValue else { throw .malformed("missing \"\(name)\"") }
        guard let bytes = Base64URL.decode(text) else { throw .malformed("\"\(name)\" is not base64url") }
        return bytes
    }

    /// The key type this JWK describes.
    public func resolvedKeyType() throws(JWKError) -> KeyKind {
        switch (keyType, curve) {
        case ("EC", "P-256"): return .p256
        case ("EC", "SM2"): return .sm2
        case ("OKP", "Ed25519"): return .ed25519
        case ("RSA", _): return .rsa
        case (let kty, let crv): throw .unsupported("\(kty ?? "?") key on curve \(crv ?? "(none)")")
        }
    }

    /// The members RFC 7638 §3.2 puts into the thumbprint, for this key type.
    var thumbprintMembers: [String: JSONValue] {
        let required: [String]
        switch keyType {
        case "EC": required = ["crv", "kty", "x", "y"]
        case "OKP": required = ["crv", "kty", "x"]
        default: required = ["e", "kty", "n"]
        }
        return members.filter { required.contains($0.key) }
    }

    /// The JSON text, members sorted.
    public var jsonString: String { JSONWriter.string(.object(members)) }
    public var jsonValue: JSONValue { .object(members) }
}

/// Why a JWK or JWKS was refused.
public enum JWKError: ZhengwuKitError, Equatable {
    case malformed(String)
    case unsupported(String)
    /// The JWK carries private key material (the member named); it is refused, not stripped.
    case privateMaterial(String)
    /// The members do not describe a valid key (off the curve, wrong length, …).
    case invalidKey(String)

    public var code: String {
        switch self {
        case .malformed: return "token.jwk_malformed"
        case .unsupported: return "token.jwk_unsupported"
        case .privateMaterial: return "token.jwk_private_material"
        case .invalidKey: return "token.jwk_invalid_key"
        }
    }

    public var chineseTerm: String {
        switch self {
        case .malformed: return "密钥格式错误"
        case .unsupported: return "不支持的密钥类型"
        case .privateMaterial: return "公钥集含私钥"
        case .invalidKey: return "密钥无效"
        }
    }

    public var message: String {
        switch self {
        case .malformed(let reason): return "malformed JWK: \(reason)"
        case .unsupported(let what): return "unsupported JWK: \(what)"
        case .privateMaterial(let member): return "JWK carries private member \"\(member)\"; publish public keys only"
        case .invalidKey(let reason): return "JWK is not a valid key: \(reason)"
        }
    }
}
