import Foundation

/// `iss` must be one of these issuers.
public struct IssuerAllowList: TokenPolicy {
    public var issuers: Set<String>
    public init(_ issuers: Set<String>) { self.issuers = issuers }
    public var dependsOnlyOnToken: Bool { true }

    public func check(_ token: VerifiedToken, at now: Date) async throws(TokenError) {
        guard let issuer = token.claims.issuer, issuers.contains(issuer) else {
            throw .issuerNotAllowed(token.claims.issuer)
        }
    }
}

/// `aud` must name this audience (RFC 7519 §4.1.3: a token without `aud` is refused here).
public struct AudienceRequirement: TokenPolicy {
    public var audience: String
    public init(_ audience: String) { self.audience = audience }
    public var dependsOnlyOnToken: Bool { true }

    public func check(_ token: VerifiedToken, at now: Date) async throws(TokenError) {
        guard let found = token.claims.audience else { throw .missingClaim("aud") }
        guard found.contains(audience) else { throw .audienceMismatch(expected: audience, found: found.values) }
    }
}

/// The real-name assurance level (`acr`) must be at least this.
public struct MinimumAssurance: TokenPolicy {
    public var level: AssuranceLevel
    public init(_ level: AssuranceLevel) { self.level = level }
    public var dependsOnlyOnToken: Bool { true }

    public func check(_ token: VerifiedToken, at now: Date) async throws(TokenError) {
        guard let found = token.claims.assuranceLevel, found >= level else {
            throw .insufficientAssurance(required: level, found: token.claims.assuranceLevel)
        }
    }
}

/// The principal kind must be one of these.
public struct AllowedPrincipalKinds: TokenPolicy {
    public var kinds: Set<PrincipalKind>
    public init(_ kinds: Set<PrincipalKind>) { self.kinds = kinds }
    public var dependsOnlyOnToken: Bool { true }

    public func check(_ token: VerifiedToken, at now: Date) async throws(TokenError) {
        guard let kind = token.claims.principalKind, kinds.contains(kind) else {
            throw .principalKindNotAllowed(found: token.claims.principalKind)
        }
    }
}

/// These claims must be present (by name, any value).
public struct RequiredClaims: TokenPolicy {
    public var names: [String]
    public init(_ names: [String]) { self.names = names }
    public var dependsOnlyOnToken: Bool { true }

    public func check(_ token: VerifiedToken, at now: Date) async throws(TokenError) {
        let present = token.claims.jsonValue.objectValue ?? [:]
        if let missing = names.first(where: { present[$0] == nil }) { throw .missingClaim(missing) }
    }
}

/// Refuses revoked tokens: the token's own `jti`, and for a department session the `jti` of
/// the token it was exchanged from, so revoking a login ends every session made from it.
public struct RevocationCheck: TokenPolicy {
    public var store: any RevocationStore
    public init(_ store: any RevocationStore) { self.store = store }
    public var dependsOnlyOnToken: Bool { false }

    public func check(_ token: VerifiedToken, at now: Date) async throws(TokenError) {
        let claims = token.claims
        if let tokenID = claims.tokenID { try await refuseIfRevoked(tokenID) }
        if let originalTokenID = claims.originalTokenID { try await refuseIfRevoked(originalTokenID) }
    }

    private func refuseIfRevoked(_ tokenID: String) async throws(TokenError) {
        let revoked: Bool
        do {
            revoked = try await store.isRevoked(tokenID: tokenID)
        } catch {
            throw .storeUnavailable(String(describing: error))
        }
        if revoked { throw .revoked(jti: tokenID) }
    }
}

/// One-time tokens: each `jti` is accepted once, until the token expires.
public struct OneTimeUse: TokenPolicy {
    public var store: any ReplayStore
    public init(_ store: any ReplayStore) { self.store = store }
    public var dependsOnlyOnToken: Bool { false }

    public func check(_ token: VerifiedToken, at now: Date) async throws(TokenError) {
        guard let tokenID = token.claims.tokenID else { throw .missingClaim("jti") }
        guard let expiresAt = token.claims.expiresAt else { throw .missingClaim("exp") }
        let first: Bool
        do {
            first = try await store.markUsed(tokenID: tokenID, until: expiresAt, at: now)
        } catch {
            throw .storeUnavailable(String(describing: error))
        }
        if !first { throw .replayed(jti: tokenID) }
    }
}
