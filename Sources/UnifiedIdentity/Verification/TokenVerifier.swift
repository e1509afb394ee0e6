import Foundation

/// Verifies unified identity tokens offline: the signature against a trusted key set, then
/// the time rules, then each policy in order.
///
/// ```swift
/// let verifier = TokenVerifier(keys: KeySet(jwks: provinceJWKS)) {
///     IssuerAllowList(["https://sso.example.gov.cn"])
///     AudienceRequirement("dept-social-security")
///     RevocationCheck(revocations)
/// }
/// let token = try await verifier.verify(compactToken)
/// ```
public struct TokenVerifier: Sendable {
    public var keys: KeySet
    public var names: AlgorithmNames
    public var limits: TokenLimits
    /// The algorithms accepted at all (all four by default; drop `.rs256` once no old platform needs it).
    public var allowedAlgorithms: Set<SignatureAlgorithm>
    /// The elliptic-curve algorithms (`.sm2WithSM3`, `.es256`) whose signatures are also
    /// accepted as DER `SEQUENCE { r, s }`, for issuers that emit what their crypto library
    /// emits. None by default: tokens carry raw r‖s (RFC 7518 §3.4), and a 64-byte signature
    /// is always read as r‖s. Ed25519 and RS256 have no DER form and are unaffected.
    public var acceptsDERSignatures: Set<SignatureAlgorithm>
    /// `exp`/`nbf`/`iat` rules, always applied before the policies.
    public var timeValidity: TimeValidity
    public var policies: [any TokenPolicy]
    /// Where "now" comes from (tests and replays of old traffic set it; the system clock by default).
    public var clock: @Sendable () -> Date

    public init(
        keys: KeySet,
        names: AlgorithmNames = .standard,
        limits: TokenLimits = .standard,
        allowedAlgorithms: Set<SignatureAlgorithm> = Set(SignatureAlgorithm.allCases),
        acceptsDERSignatures: Set<SignatureAlgorithm> = [],
        timeValidity: TimeValidity = TimeValidity(),
        @TokenPolicyBuilder policies: () -> [any TokenPolicy] = { [] }
    ) {
        self.keys = keys
        self.names = names
        self.limits = limits
        self.allowedAlgorithms = allowedAlgorithms
        self.acceptsDERSignatures = acceptsDERSignatures
        self.timeValidity = timeValidity
        self.clock = { Date() }
        self.policies = policies()
    }

    /// Verifies `token` and returns its typed claims, or throws the first rule it breaks.
    public func verify(_ token: String) async throws(TokenError) -> VerifiedToken {
        let verified = try verifySignature(token)
        let now = clock()
        try timeValidity.checkSynchronously(verified.claims, at: now)
        for policy in policies { try await policy.check(verified, at: now) }
        return verified
    }

    /// Checks only what can change after a token first verified: time, and the policies that
    /// depend on state (revocation, replay). Used for cached verifications.
    func recheck(_ verified: VerifiedToken) async throws(TokenError) {
        let now = clock()
        try timeValidity.checkSynchronously(verified.claims, at: now)
        for policy in policies where !policy.dependsOnlyOnToken { try await policy.check(verified, at: now) }
    }

    /// Parsing, key selection and the signature: the cryptographic core, no policies.
    public func verifySignature(_ token: String) throws(TokenError) -> VerifiedToken {
        let jws = try CompactJWS(parsing: token, limits: limits)
        let algorithm = try names.algorithm(named: jws.header.algorithm)
        guard allowedAlgorithms.contains(algorithm) else { throw .algorithmNotAllowed(jws.header.algorithm) }
        let key = try keys.key(for: jws.header, algorithm: algorithm)
        let signature = try joseSignature(jws.signature, algorithm: algorithm)
        guard key.backend.isValidJOSESignature(signature, for: jws.signingInput) else {
            throw .invalidSignature
        }
        // Claims are read only after the signature holds: nothing unsigned is interpreted.
        let claims = try jws.claims(limits: limits)
        try HolderIdentifierRules.check(claims)
        return VerifiedToken(header: jws.header, claims: claims, algorithm: algorithm, keyID: key.keyID)
    }

    /// The signature as the backends take it: as carried, or read from DER where configured.
    /// The shape decides, never a guess by trial: 64 bytes is r‖s, anything else must be exact
    /// DER. A DER signature cannot make one token count as two either: replay and revocation
    /// are keyed by `jti`, which is inside what is signed, whatever the signature's encoding.
    private func joseSignature(_ signature: [UInt8], algorithm: SignatureAlgorithm) throws(TokenError) -> [UInt8] {
        guard signature.count != 64, acceptsDERSignatures.contains(algorithm), let curve = DERSignature.Curve(algorithm)
        else { return signature }
        do {
            return try DERSignature.raw(fromDER: signature, curve: curve)
        } catch {
            throw .malformedDERSignature(error)
        }
    }
}
