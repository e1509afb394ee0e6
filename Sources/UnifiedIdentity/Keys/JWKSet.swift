/// A JWK Set (RFC 7517 §5): what an issuer publishes and a department fetches once.
public struct JWKSet: Sendable, Equatable {
    public var keys: [JWK]

    public init(keys: [JWK]) { self.keys = keys }

    public init(jsonString: String, limits: TokenLimits = .standard) throws(JWKError) {
        let json = try JWK.parse(jsonString, limits: limits)
        guard let list = json["keys"]?.arrayValue else { throw .malformed("a JWK Set needs a \"keys\" array") }
        var keys: [JWK] = []
        for element in list { keys.append(try JWK(json: element)) }
        self.keys = keys
    }

    /// The set as JSON text, members sorted.
    public var jsonString: String {
        JSONWriter.string(.object(["keys": .array(keys.map(\.jsonValue))]))
    }

    /// Every key as a `VerificationKey`; `kid` defaults to the RFC 7638 thumbprint.
    public func verificationKeys() throws(JWKError) -> [VerificationKey] {
        var result: [VerificationKey] = []
        for key in keys { result.append(try VerificationKey(jwk: key)) }
        return result
    }
}
