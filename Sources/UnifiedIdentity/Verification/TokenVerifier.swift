import Foundation
import Logging
import ZhengwuKitCore

/// Verifies unified identity tokens offline: the signature against a trusted key set, then
/// each policy in order (`TimeValidity` and `HolderIdentifierRule` first, by default), then
/// each stage (revocation, replay).
///
/// ```swift
/// let verifier = TokenVerifier(keys: KeySet(jwks: provinceJWKS), stages: [RevocationCheck(revocations)]) {
///     IssuerAllowList(["https://sso.example.gov.cn"])
///     AudienceRequirement("dept-social-security")
/// }
/// let token = try await verifier.verify(compactToken)                          // IdentityClaims
/// let mine = try await verifier.verify(compactToken, as: SocialSecurityClaims.self)  // a department's own struct
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
    /// Every policy a token must meet, in order: the defaults (`TimeValidity`, then
    /// `HolderIdentifierRule` unless left out) and the caller's. The first failure refuses.
    public var policies: PolicySet<TokenPolicyContext>
    /// Checks against state (revocation, replay), run in order after the policies.
    public var stages: [any TokenVerificationStage]
    /// Where "now" comes from (tests and replays of old traffic set it; the system clock by default).
    public var clock: @Sendable () -> Date
    /// Where verification decisions go, at debug level: algorithm, `kid`, issuer, `jti`, the
    /// refusal's code and claim; never a token, a key or an unmasked holder identifier.
    public var logger: Logger

    /// - Parameters:
    ///   - timeValidity: the time rules, always the first policy.
    ///   - holderIdentifiers: the `holder_id` check, the second default policy; `nil` leaves it out.
    ///   - stages: revocation and replay checks (`RevocationCheck`, `OneTimeUse`), in order.
    ///   - logger: no logging unless given.
    ///   - policies: the caller's policies, after the defaults.
    public init(
        keys: KeySet,
        names: AlgorithmNames = .standard,
        limits: TokenLimits = .standard,
        allowedAlgorithms: Set<SignatureAlgorithm> = Set(SignatureAlgorithm.allCases),
        acceptsDERSignatures: Set<SignatureAlgorithm> = [],
        timeValidity: TimeValidity = TimeValidity(),
        holderIdentifiers: HolderIdentifierRule? = HolderIdentifierRule(),
        stages: [any TokenVerificationStage] = [],
        logger: Logger = TokenVerifier.silentLogger,
        @PolicyBuilder<TokenPolicyContext> policies: () -> [any VerificationPolicy<TokenPolicyContext>] = { [] }
    ) {
        self.keys = keys
        self.names = names
        self.limits = limits
        self.allowedAlgorithms = allowedAlgorithms
        self.acceptsDERSignatures = acceptsDERSignatures
        var all: [any VerificationPolicy<TokenPolicyContext>] = [timeValidity]
        if let holderIdentifiers { all.append(holderIdentifiers) }
        self.policies = PolicySet(all + policies())
        self.stages = stages
        self.clock = { Date() }
        self.logger = logger
    }

    /// The time rules: the first `TimeValidity` among ``policies`` (setting it replaces that
    /// one, or puts it first when there is none).
    public var timeValidity: TimeValidity {
        get { policies.policies.lazy.compactMap { $0 as? TimeValidity }.first ?? TimeValidity() }
        set {
            if let index = policies.policies.firstIndex(where: { $0 is TimeValidity }) {
                policies.policies[index] = newValue
            } else {
                policies.policies.insert(newValue, at: 0)
            }
        }
    }

    /// A logger that drops everything: the default, so verifying costs nothing for logs nobody reads.
    public static let silentLogger = Logger(
        label: "zhengwukit.unified-identity", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Verifies `token` and returns it with its claims, or throws the first rule it breaks.
    public func verify(_ token: String) async throws(TokenError) -> VerifiedToken {
        let verified: VerifiedToken
        do {
            verified = try verifySignature(token)
        } catch {
            log(refusal: error, token: nil)
            throw error
        }
        try await check(verified)
        return verified
    }

    /// Verifies `token` and decodes its payload as the caller's own claims type, in the manner of
    /// jwt-kit's `verify(_:as:)`: every policy and stage runs as for ``verify(_:)``, on the claims
    /// the verifier reads itself, so a struct that leaves out `exp` does not leave out expiry.
    public func verify<Claims: Decodable>(_ token: String, as type: Claims.Type) async throws(TokenError) -> Claims {
        let verified = try await verify(token)
        do {
            return try verified.claims(as: type)
        } catch {
            log(refusal: error, token: verified)
            throw error
        }
    }

    /// The policies, then the stages, on a token whose signature holds (also run on every
    /// cache hit: only parsing and the signature are skipped there).
    func check(_ verified: VerifiedToken) async throws(TokenError) {
        let now = clock()
        do {
            try checkPolicies(verified, at: now)
            for stage in stages { try await stage.check(verified, at: now) }
        } catch {
            log(refusal: error, token: verified)
            throw error
        }
        if logger.logLevel <= .debug { log(acceptance: verified) }
    }

    /// Runs the policies in order; the first failure is thrown, as the precise `TokenError` for
    /// the built-in rules and as `.policyFailed` for a caller's own.
    public func checkPolicies(_ verified: VerifiedToken, at now: Date) throws(TokenError) {
        let context = TokenPolicyContext(token: verified, verificationTime: now)
        for policy in policies.policies {
            guard case .failsToMeetPolicy(let failure) = policy.evaluate(context) else { continue }
            if let rule = policy as? any TokenRule, let error = rule.violation(context) { throw error }
            throw .policyFailed(policy: policy.name, failure)
        }
    }

    /// Parsing, key selection and the signature: the cryptographic core, no policies or stages.
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
        return VerifiedToken(
            header: jws.header, claims: claims, algorithm: algorithm, keyID: key.keyID, payload: jws.payload,
            limits: limits)
    }

    /// The signature as the backends take it: as carried, or read from DER where configured.
    /// The shape decides, never a guess by trial: 64 bytes is r‖s, anything else must be exact
    /// DER. A DER signature cannot make one token count as two either: replay and revocation
    /// are keyed by `jti`, which is inside what is signed, whatever the signature's encoding.
    private func joseSignature(_ signature: [UInt8], algorithm: SignatureAlgorithm) throws(TokenError) -> [UInt8] {
        guard signature.count != 64, acceptsDERSignatures.contains(algorithm), let curve = DERSignature.Curve(algorithm)
        else { return signature }
        return try DERSignature.raw(fromDER: signature, curve: curve)
    }

    // MARK: Logging

    private func log(acceptance token: VerifiedToken) {
        logger.debug("token accepted", metadata: Self.metadata(of: token))
    }

    private func log(refusal error: TokenError, token: VerifiedToken?) {
        guard logger.logLevel <= .debug else { return }
        var metadata = token.map(Self.metadata(of:)) ?? [:]
        metadata["code"] = .string(error.code)
        if let claim = error.claim { metadata["claim"] = .string(claim) }
        logger.debug("token refused", metadata: metadata)
    }

    /// What a log may say about a token: no token text, no key, no name, holder identifiers masked.
    static func metadata(of token: VerifiedToken) -> Logger.Metadata {
        let claims = token.claims
        var metadata: Logger.Metadata = ["alg": .string(token.algorithm.description), "kid": .string(token.keyID)]
        if let issuer = claims.issuer { metadata["iss"] = .string(issuer) }
        if let tokenID = claims.tokenID { metadata["jti"] = .string(tokenID) }
        if let audience = claims.audience { metadata["aud"] = .string(audience.values.joined(separator: ",")) }
        if let holder = claims.holderIdentifier { metadata["holder_id"] = .string(Self.masked(holder)) }
        return metadata
    }

    /// A holder identifier with all but its first three and last character hidden.
    static func masked(_ identifier: String) -> String {
        let characters = Array(identifier)
        guard characters.count > 4 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(3)) + String(repeating: "*", count: characters.count - 4)
            + String(characters.suffix(1))
    }
}
