import Foundation

/// A bounded store of tokens whose signature and content rules already passed, so a token
/// presented on every request is verified by signature once.
///
/// Entries are keyed by the token's last 16 bytes (the end of its signature, which only the
/// issuer could produce) and confirmed against the whole token, so a lookup hashes 16 bytes
/// whatever the token's size. The oldest entry is
/// evicted when the cache is full; expired entries are dropped when met.
public final class VerifiedTokenCache: @unchecked Sendable {
    private struct Entry {
        let token: String
        let verified: VerifiedToken
        let generation: UInt64
    }

    private let lock = NSLock()
    private var entries: [CacheKey: Entry] = [:]
    /// Insertion order for eviction; may hold keys already removed (checked by generation).
    private var ring: [(key: CacheKey, generation: UInt64)?]
    private var ringHead = 0
    private var ringCount = 0
    private var generation: UInt64 = 0
    public let capacity: Int

    public init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
        self.ring = Array(repeating: nil, count: self.capacity)
    }

    public var count: Int { lock.withLock { entries.count } }

    func lookup(_ token: String) -> VerifiedToken? {
        let key = Self.key(of: token)
        return lock.withLock {
            guard let entry = entries[key], entry.token == token else { return nil }
            return entry.verified
        }
    }

    func store(_ token: String, _ verified: VerifiedToken) {
        let key = Self.key(of: token)
        lock.withLock {
            generation &+= 1
            // Every live entry owns the newest ring slot for its key, so a full ring bounds the entries.
            if ringCount == capacity { evictOldest() }
            entries[key] = Entry(token: token, verified: verified, generation: generation)
            ring[(ringHead + ringCount) % capacity] = (key, generation)
            ringCount += 1
        }
    }

    func remove(_ token: String) {
        let key = Self.key(of: token)
        _ = lock.withLock { entries.removeValue(forKey: key) }
    }

    public func removeAll() {
        lock.withLock {
            entries.removeAll(keepingCapacity: true)
            ring = Array(repeating: nil, count: capacity)
            ringHead = 0
            ringCount = 0
        }
    }

    private func evictOldest() {
        guard let (key, slotGeneration) = ring[ringHead] else { return }
        ring[ringHead] = nil
        ringHead = (ringHead + 1) % capacity
        ringCount -= 1
        if let entry = entries[key], entry.generation == slotGeneration { entries.removeValue(forKey: key) }
    }

    /// The last 16 bytes of the token, as two words.
    private static func key(of token: String) -> CacheKey {
        var token = token
        return token.withUTF8 { bytes in
            var words: (UInt64, UInt64) = (0, 0)
            let tail = UnsafeBufferPointer(rebasing: bytes.suffix(16))
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(tail)) }
            return CacheKey(high: words.0, low: words.1, count: bytes.count)
        }
    }
}

struct CacheKey: Hashable {
    let high: UInt64
    let low: UInt64
    let count: Int
}

/// A verifier that reuses earlier verifications from a `VerifiedTokenCache`. On a hit only the
/// parsing and the signature are skipped: every policy (time first) and every stage
/// (revocation, replay) runs again, so a cached token is refused the moment it expires or is
/// revoked.
public struct CachingTokenVerifier: Sendable {
    public let verifier: TokenVerifier
    public let cache: VerifiedTokenCache

    public init(verifier: TokenVerifier, cache: VerifiedTokenCache = VerifiedTokenCache()) {
        self.verifier = verifier
        self.cache = cache
    }

    public func verify(_ token: String) async throws(TokenError) -> VerifiedToken {
        if let cached = cache.lookup(token) {
            do {
                try await verifier.check(cached)
            } catch {
                if case .expired = error { cache.remove(token) }
                throw error
            }
            return cached
        }
        let verified = try await verifier.verify(token)
        cache.store(token, verified)
        return verified
    }

    /// As ``TokenVerifier/verify(_:as:)``, through the cache (the payload is decoded each time).
    public func verify<Claims: Decodable>(_ token: String, as type: Claims.Type) async throws(TokenError) -> Claims {
        try await verify(token).claims(as: type)
    }
}
