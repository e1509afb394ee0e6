/// A token whose signature verified and whose claims passed every policy.
public struct VerifiedToken: Sendable, Equatable {
    public let header: JOSEHeader
    public let claims: IdentityClaims
    /// The algorithm the token was verified under (never what the header merely claimed).
    public let algorithm: SignatureAlgorithm
    /// The `kid` of the key that verified it.
    public let keyID: String

    public init(header: JOSEHeader, claims: IdentityClaims, algorithm: SignatureAlgorithm, keyID: String) {
        self.header = header
        self.claims = claims
        self.algorithm = algorithm
        self.keyID = keyID
    }
}
