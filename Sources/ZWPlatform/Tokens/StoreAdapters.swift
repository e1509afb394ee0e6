import Foundation
import UnifiedIdentity

/// The store as `UnifiedIdentity` asks for revocations.
struct StoreRevocations: RevocationStore {
    let store: any PlatformStore
    func isRevoked(tokenID: String) async throws -> Bool { try await store.isRevoked(tokenID: tokenID, now: Date()) }
}

/// The store as `UnifiedIdentity` asks for one-time `jti`s (client assertions).
struct StoreReplays: ReplayStore {
    let store: any PlatformStore
    func markUsed(tokenID: String, until expiry: Date, at now: Date) async throws -> Bool {
        try await store.markUsed(tokenID: tokenID, until: expiry, now: now)
    }
}
