/// A token whose signature verified and whose claims passed every policy.
///
/// A value type backed by one immutable box, so handing a cached verification to every
/// request copies a pointer rather than each claim.
public struct VerifiedToken: Sendable, Equatable {
    private final class Storage: Sendable {
        let header: JOSEHeader
        let claims: IdentityClaims
        let algorithm: SignatureAlgorithm
        let keyID: String

        init(header: JOSEHeader, claims: IdentityClaims, algorithm: SignatureAlgorithm, keyID: String) {
            self.header = header
            self.claims = claims
            self.algorithm = algorithm
            self.keyID = keyID
        }
    }

    private let storage: Storage

    // `_read` lends the boxed value: `token.claims.issuer` reads one field instead of
    // copying every claim, which policies do on each request.
    public var header: JOSEHeader { _read { yield storage.header } }
    public var claims: IdentityClaims { _read { yield storage.claims } }
    /// The algorithm the token was verified under (never what the header merely claimed).
    public var algorithm: SignatureAlgorithm { storage.algorithm }
    /// The `kid` of the key that verified it.
    public var keyID: String { storage.keyID }

    public init(header: JOSEHeader, claims: IdentityClaims, algorithm: SignatureAlgorithm, keyID: String) {
        storage = Storage(header: header, claims: claims, algorithm: algorithm, keyID: keyID)
    }

    public static func == (lhs: VerifiedToken, rhs: VerifiedToken) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.header == rhs.header && lhs.claims == rhs.claims && lhs.algorithm == rhs.algorithm
                && lhs.keyID == rhs.keyID)
    }
}
