import Foundation

/// A check on a verified token that needs state beyond the token: a revocation list, a replay
/// cache. Stages run after every policy passed, in order, on every presentation (cached or
/// not), so a token is refused the moment it is revoked. A store that cannot answer refuses
/// the token (`token.store_unavailable`): fail-closed.
public protocol TokenVerificationStage: Sendable {
    /// The name logs give the stage.
    var name: String { get }
    func check(_ token: VerifiedToken, at now: Date) async throws(TokenError)
}

extension TokenVerificationStage {
    public var name: String { String(describing: Self.self) }
}

/// Refuses revoked tokens: the token's own `jti`, and for a department session the `jti` of
/// the token it was exchanged from, so revoking a login ends every session made from it.
public struct RevocationCheck: TokenVerificationStage {
    public var store: any RevocationStore
    public init(_ store: any RevocationStore) { self.store = store }

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

/// One-time tokens: each `jti` is accepted once, until the token expires. Put it last: a
/// token another stage refuses must not use up its `jti`.
public struct OneTimeUse: TokenVerificationStage {
    public var store: any ReplayStore
    public init(_ store: any ReplayStore) { self.store = store }

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
