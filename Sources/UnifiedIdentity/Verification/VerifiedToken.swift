/// A token whose signature verified (and, when a verifier returns it, whose policies and
/// stages passed).
///
/// A value type backed by one immutable box, so handing a cached verification to every
/// request copies a pointer rather than each claim.
public struct VerifiedToken: Sendable, Equatable {
    private final class Storage: Sendable {
        let header: JOSEHeader
        let claims: IdentityClaims
        let algorithm: SignatureAlgorithm
        let keyID: String
        /// The payload as signed, for decoding a caller's own claims type.
        let payload: [UInt8]
        let limits: TokenLimits

        init(
            header: JOSEHeader, claims: IdentityClaims, algorithm: SignatureAlgorithm, keyID: String, payload: [UInt8],
            limits: TokenLimits
        ) {
            self.header = header
            self.claims = claims
            self.algorithm = algorithm
            self.keyID = keyID
            self.payload = payload
            self.limits = limits
        }
    }

    private let storage: Storage

    // `_read` lends the boxed value: `token.claims.issuer` reads one field instead of
    // copying every claim, which policies do on each request.
    public var header: JOSEHeader { _read { yield storage.header } }
    /// The registered and e-government claims, as the verifier read them.
    public var claims: IdentityClaims { _read { yield storage.claims } }
    /// The algorithm the token was verified under (never what the header merely claimed).
    public var algorithm: SignatureAlgorithm { storage.algorithm }
    /// The `kid` of the key that verified it.
    public var keyID: String { storage.keyID }

    /// A token verified elsewhere (tests, a caller's own cache); its payload is `claims` written out.
    public init(header: JOSEHeader, claims: IdentityClaims, algorithm: SignatureAlgorithm, keyID: String) {
        storage = Storage(
            header: header, claims: claims, algorithm: algorithm, keyID: keyID,
            payload: JSONWriter.bytes(claims.jsonValue),
            limits: .standard)
    }

    init(
        header: JOSEHeader, claims: IdentityClaims, algorithm: SignatureAlgorithm, keyID: String, payload: [UInt8],
        limits: TokenLimits
    ) {
        storage = Storage(
            header: header, claims: claims, algorithm: algorithm, keyID: keyID, payload: payload, limits: limits)
    }

    /// The signed payload decoded as a caller's own `Decodable` claims type. The payload is read
    /// again with the strict reader (no repeated names, the verifier's size and depth limits),
    /// then decoded; dates are NumericDates. A member of the wrong type or a missing required
    /// member is a `TokenError` naming the claim (`token.claim_invalid`, `token.claim_missing`).
    public func claims<Claims: Decodable>(as type: Claims.Type) throws(TokenError) -> Claims {
        if let identity = storage.claims as? Claims { return identity }
        let json: JSONValue
        do {
            json = try JSONReader.parse(storage.payload, maximumDepth: storage.limits.maximumJSONDepth)
        } catch {
            throw .invalidJSON(.payload, reason: error.description)
        }
        guard case .object = json else {
            throw .invalidJSON(.payload, reason: "the claims set must be a JSON object")
        }
        return try ClaimsCoding.decode(type, from: json)
    }

    public static func == (lhs: VerifiedToken, rhs: VerifiedToken) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.header == rhs.header && lhs.claims == rhs.claims && lhs.algorithm == rhs.algorithm
                && lhs.keyID == rhs.keyID)
    }
}
