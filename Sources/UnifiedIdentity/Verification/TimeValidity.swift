import Foundation

/// `exp`, `nbf` and `iat` (RFC 7519 §4.1.4–6) with a clock skew, plus optional upper bounds on
/// a token's age and lifetime. Every verifier applies one; by default `exp` is required, so a
/// token that never expires is refused.
public struct TimeValidity: TokenPolicy {
    public var clockSkew: TimeInterval
    public var requiresExpiry: Bool
    /// Refuse tokens issued longer ago than this (needs `iat`).
    public var maximumAge: TimeInterval?
    /// Refuse tokens whose `exp − iat` is longer than this.
    public var maximumLifetime: TimeInterval?

    public init(
        clockSkew: TimeInterval = 60, requiresExpiry: Bool = true, maximumAge: TimeInterval? = nil,
        maximumLifetime: TimeInterval? = nil
    ) {
        self.clockSkew = clockSkew
        self.requiresExpiry = requiresExpiry
        self.maximumAge = maximumAge
        self.maximumLifetime = maximumLifetime
    }

    public var dependsOnlyOnToken: Bool { false }

    public func check(_ token: VerifiedToken, at now: Date) async throws(TokenError) {
        try checkSynchronously(token.claims, at: now)
    }

    func checkSynchronously(_ claims: IdentityClaims, at now: Date) throws(TokenError) {
        if let expiresAt = claims.expiresAt {
            if now.timeIntervalSince(expiresAt) >= clockSkew { throw .expired(expiresAt: expiresAt, now: now) }
        } else if requiresExpiry {
            throw .missingClaim("exp")
        }
        if let notBefore = claims.notBefore, notBefore.timeIntervalSince(now) > clockSkew {
            throw .notYetValid(notBefore: notBefore, now: now)
        }
        if let issuedAt = claims.issuedAt, issuedAt.timeIntervalSince(now) > clockSkew {
            throw .issuedInFuture(issuedAt: issuedAt, now: now)
        }
        if let maximumAge {
            guard let issuedAt = claims.issuedAt else { throw .missingClaim("iat") }
            if now.timeIntervalSince(issuedAt) > maximumAge + clockSkew {
                throw .tooOld(issuedAt: issuedAt, maximumAge: maximumAge)
            }
        }
        if let maximumLifetime {
            guard let issuedAt = claims.issuedAt else { throw .missingClaim("iat") }
            guard let expiresAt = claims.expiresAt else { throw .missingClaim("exp") }
            let lifetime = expiresAt.timeIntervalSince(issuedAt)
            if lifetime > maximumLifetime { throw .lifetimeTooLong(seconds: lifetime, limit: maximumLifetime) }
        }
    }
}
