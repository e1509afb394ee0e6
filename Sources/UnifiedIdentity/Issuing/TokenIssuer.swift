import Foundation
import ZhengwuKitCore

/// Issues signed unified identity tokens.
public struct TokenIssuer: Sendable {
    /// `iss` of every token.
    public var issuer: String
    public var signingKey: SigningKey
    public var names: AlgorithmNames
    /// Lifetime given to tokens whose claims carry no `exp`.
    public var lifetime: TimeInterval
    /// Derives `sub` for `issue(for:audience:)`.
    public var pairwiseSubjects: PairwiseSubjectGenerator?
    public var clock: @Sendable () -> Date

    public init(
        issuer: String, signingKey: SigningKey, names: AlgorithmNames = .standard, lifetime: TimeInterval = 600,
        pairwiseSubjects: PairwiseSubjectGenerator? = nil, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.issuer = issuer
        self.signingKey = signingKey
        self.names = names
        self.lifetime = lifetime
        self.pairwiseSubjects = pairwiseSubjects
        self.clock = clock
    }

    /// Signs `claims` (`IdentityClaims` or a department's own `Encodable` struct) after filling
    /// what is missing: `iss`, `iat`, `exp` (`iat` + `lifetime`) and a random `jti`. The members
    /// the profile types (`acr`, `principal`, …) must hold valid values, and a `holder_id` must
    /// pass its standard's check: nothing is signed that a verifier would refuse for its form.
    public func issue<Claims: Encodable>(_ claims: Claims) throws(TokenError) -> String {
        var members = try ClaimsCoding.object(claims)
        let now = Date(timeIntervalSince1970: clock().timeIntervalSince1970.rounded(.down))
        if members["iss"] == nil { members["iss"] = .string(issuer) }
        if members["iat"] == nil, let seconds = NumericDate.seconds(now) { members["iat"] = .integer(seconds) }
        if members["exp"] == nil {
            let issuedAt = members["iat"]?.numberValue.flatMap(NumericDate.date) ?? now
            if let seconds = NumericDate.seconds(issuedAt.addingTimeInterval(lifetime)) {
                members["exp"] = .integer(seconds)
            }
        }
        if members["jti"] == nil { members["jti"] = .string(Self.randomTokenID()) }
        return try sign(members: members)
    }

    /// A login token for `principal`, addressed to `audience`, whose `sub` is the principal's
    /// pairwise identifier for that audience. Personal claims only as `disclosing` says.
    public func issue(
        for principal: Principal, audience: String, disclosing: Set<Disclosure> = []
    ) throws -> (token: String, claims: IdentityClaims) {
        guard let pairwiseSubjects else { throw TokenIssuerError.noPairwiseSecret }
        try HolderIdentifierRules.check(identifier: principal.identifier, kind: principal.kind)
        let claims = completed(
            IdentityClaims(
                subject: pairwiseSubjects.subject(for: principal.identifier, in: audience),
                audience: Audience([audience]),
                principalKind: principal.kind,
                holderIdentifier: disclosing.contains(.identifier) ? principal.identifier : nil,
                name: disclosing.contains(.name) ? principal.name : nil,
                assuranceLevel: principal.assuranceLevel,
                authenticationMethods: principal.authenticationMethods,
                department: principal.department,
                sessionID: principal.sessionID))
        return (try sign(claims), claims)
    }

    func completed(_ claims: IdentityClaims) -> IdentityClaims {
        var claims = claims
        let now = Date(timeIntervalSince1970: clock().timeIntervalSince1970.rounded(.down))
        if claims.issuer == nil { claims.issuer = issuer }
        if claims.issuedAt == nil { claims.issuedAt = now }
        if claims.expiresAt == nil { claims.expiresAt = (claims.issuedAt ?? now).addingTimeInterval(lifetime) }
        if claims.tokenID == nil { claims.tokenID = Self.randomTokenID() }
        return claims
    }

    /// Signs the claims exactly as given (`IdentityClaims` or a department's own struct); the
    /// profile's typed members and `holder_id` are checked as in ``issue(_:)``.
    public func sign<Claims: Encodable>(_ claims: Claims) throws(TokenError) -> String {
        try sign(members: try ClaimsCoding.object(claims))
    }

    private func sign(members: [String: JSONValue]) throws(TokenError) -> String {
        // The members as the verifier will read them: a value of the wrong form is refused here.
        try HolderIdentifierRules.check(try IdentityClaims(members: members))
        let header = JOSEHeader(algorithm: names.name(for: signingKey.algorithm), keyID: signingKey.keyID)
        let signingInput = CompactJWS.signingInput(header: header, payload: JSONWriter.bytes(.object(members)))
        let signature: [UInt8]
        do {
            signature = try signingKey.backend.joseSignature(for: Array(signingInput.utf8))
        } catch {
            throw .signingFailed(String(describing: error))
        }
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// 128 random bits, base64url: unguessable and unique without coordination.
    static func randomTokenID() -> String {
        // Two draws, not sixteen: each draw from the system generator is a system call.
        var generator = SystemRandomNumberGenerator()
        var words = (generator.next(), generator.next())
        return withUnsafeBytes(of: &words) { Base64URL.encode($0) }
    }
}

/// Why an issuer could not issue.
public enum TokenIssuerError: ZhengwuKitError, Equatable {
    case noPairwiseSecret

    public var code: String { "token.no_pairwise_secret" }
    public var message: String { "issuing for a principal needs a pairwise subject secret" }
    public var chineseTerm: String { "缺少成对主体标识密钥" }
}
