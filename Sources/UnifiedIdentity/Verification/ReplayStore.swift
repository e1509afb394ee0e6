import Foundation

/// Where the `jti`s of one-time tokens are remembered until they expire.
public protocol ReplayStore: Sendable {
    /// Records `tokenID` as used until `expiry` (the verifier's clock reads `now`). Returns
    /// `false` when it was already recorded and has not expired (the token is a replay).
    /// Must be atomic: two concurrent calls cannot both return `true`.
    func markUsed(tokenID: String, until expiry: Date, at now: Date) async throws -> Bool
}

/// One-time `jti`s held in memory, bounded. When full of unexpired entries it refuses new
/// ones (an error, so the token is refused) rather than forgetting one, which would let
/// that token be replayed.
public final class InMemoryReplayStore: ReplayStore, @unchecked Sendable {
    private let lock = NSLock()
    private var used: [String: Date] = [:]
    public let capacity: Int

    public init(capacity: Int = 1_000_000) {
        self.capacity = max(1, capacity)
    }

    public func markUsed(tokenID: String, until expiry: Date, at now: Date) async throws -> Bool {
        try lock.withLock {
            if let previous = used[tokenID], previous > now { return false }
            if used.count >= capacity {
                used = used.filter { $0.value > now }
                guard used.count < capacity else { throw ReplayStoreFull(capacity: capacity) }
            }
            used[tokenID] = expiry
            return true
        }
    }
}

struct ReplayStoreFull: Error, CustomStringConvertible {
    let capacity: Int
    var description: String { "replay store holds \(capacity) unexpired token IDs" }
}
