import Foundation
import ZhengwuKitCore

/// `exp`, `nbf` and `iat` (RFC 7519 §4.1.4–6) with a clock skew, plus optional upper bounds on
/// a token's age and lifetime, judged at the verifier's clock. The first of `TokenVerifier`'s
/// default policies; by default `exp` is required, so a token that never expires is refused.
public struct TimeValidity: VerificationPolicy, TokenRule {
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

    public func evaluate(_ context: TokenPolicyContext) -> PolicyResult { result(context) }

    func violation(_ context: TokenPolicyContext) -> TokenError? {
        let claims = context.claims
        let now = context.verificationTime
        if let expiresAt = claims.expiresAt {
            if now.timeIntervalSince(expiresAt) >= clockSkew { return .expired(expiresAt: expiresAt, now: now) }
        } else if requiresExpiry {
            return .missingClaim("exp")
        }
        if let notBefore = claims.notBefore, notBefore.timeIntervalSince(now) > clockSkew {
            return .notYetValid(notBefore: notBefore, now: now)
        }
        if let issuedAt = claims.issuedAt, issuedAt.timeIntervalSince(now) > clockSkew {
            return .issuedInFuture(issuedAt: issuedAt, now: now)
        }
        if let maximumAge {
            guard let issuedAt = claims.issuedAt else { return .missingClaim("iat") }
            if now.timeIntervalSince(issuedAt) > maximumAge + clockSkew {
                return .tooOld(issuedAt: issuedAt, maximumAge: maximumAge)
            }
        }
        if let maximumLifetime {
            guard let issuedAt = claims.issuedAt else { return .missingClaim("iat") }
            guard let expiresAt = claims.expiresAt else { return .missingClaim("exp") }
            let lifetime = expiresAt.timeIntervalSince(issuedAt)
            if lifetime > maximumLifetime { return .lifetimeTooLong(seconds: lifetime, limit: maximumLifetime) }
        }
        return nil
    }
}
