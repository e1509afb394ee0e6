import Foundation

/// Where revoked token IDs are kept: a shared database or cache in production, the
/// in-memory store for a single process or a test.
public protocol RevocationStore: Sendable {
    /// Whether the token with this `jti` has been revoked.
    func isRevoked(tokenID: String) async throws -> Bool
}

/// Revocations held in memory until the revoked token would have expired anyway.
public final class InMemoryRevocationStore: RevocationStore, @unchecked Sendable {
    // A lock rather than an actor: lookups happen on every request and never suspend.
    private let lock = NSLock()
    private var revoked: [String: Date] = [:]

    public init() {}

    /// Revokes `tokenID` until `expiry` (forever when nil).
    public func revoke(tokenID: String, until expiry: Date? = nil) {
        lock.withLock { revoked[tokenID] = expiry ?? .distantFuture }
    }

    public func isRevoked(tokenID: String) async throws -> Bool {
        isRevokedNow(tokenID)
    }

    func isRevokedNow(_ tokenID: String) -> Bool {
        lock.withLock { revoked[tokenID] != nil }
    }

    /// Forgets revocations whose tokens have expired.
    public func prune(now: Date = Date()) {
        lock.withLock { revoked = revoked.filter { $0.value > now } }
    }

    public var count: Int { lock.withLock { revoked.count } }
}
