import Foundation
import Testing
import ZhengwuKitCore

@testable import UnifiedIdentity

/// Counts how often a policy runs, to see the cache run policies again on every hit.
private final class CountingPolicy: VerificationPolicy, @unchecked Sendable {
    private let lock = NSLock()
    private var runs = 0
    var count: Int { lock.withLock { runs } }
    func evaluate(_ context: TokenPolicyContext) -> PolicyResult {
        lock.withLock { runs += 1 }
        return .meetsPolicy
    }
}

private final class MutableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

@Suite struct CacheTests {
    @Test func aCachedTokenSkipsTheSignatureButNotPoliciesExpiryOrRevocation() async throws {
        let key = try SigningKey.generate(.sm2)
        let counter = CountingPolicy()
        let revocations = InMemoryRevocationStore()
        let clock = MutableClock(TestTokens.now)
        var verifier = TestTokens.verifier(KeySet(signingKey: key), stages: [RevocationCheck(revocations)]) {
            counter
        }
        verifier.clock = { clock.now }
        let caching = CachingTokenVerifier(verifier: verifier, cache: VerifiedTokenCache(capacity: 4))
        let token = try TestTokens.issuer(key).issue(TestTokens.claims(tokenID: "t-1"))

        let first = try await caching.verify(token)
        for _ in 0..<4 { #expect(try await caching.verify(token) == first) }
        // Policies are synchronous and cheap: every presentation runs them; the cache saves
        // the parse and the signature (the same verification is handed back).
        #expect(counter.count == 5)
        #expect(caching.cache.count == 1)
        #expect(caching.cache.lookup(token) == first)

        // Revocation is seen on the next request, cache or not.
        revocations.revoke(tokenID: "t-1")
        await #expect(throws: TokenError.revoked(jti: "t-1")) { try await caching.verify(token) }

        let second = try TestTokens.issuer(key).issue(TestTokens.claims(tokenID: "t-2"))
        _ = try await caching.verify(second)
        clock.advance(700)
        await #expect(throws: TokenError.self) { try await caching.verify(second) }
        #expect(caching.cache.lookup(second) == nil)
    }

    @Test func aTamperedTokenWithACachedSignatureIsNotACacheHit() async throws {
        let key = try SigningKey.generate(.p256)
        let caching = CachingTokenVerifier(verifier: TestTokens.verifier(KeySet(signingKey: key)))
        let token = try TestTokens.issuer(key).issue(TestTokens.claims(audience: "dept-a"))
        _ = try await caching.verify(token)
        // Same signature segment, different payload: the cache compares whole tokens.
        let parts = token.split(separator: ".")
        var claims = try CompactJWS(parsing: token).claims()
        claims.audience = "dept-b"
        let tampered = [String(parts[0]), Base64URL.encode(JSONWriter.bytes(claims.jsonValue)), String(parts[2])]
            .joined(separator: ".")
        await #expect(throws: TokenError.invalidSignature) { try await caching.verify(tampered) }
    }

    @Test func theCacheStaysWithinItsCapacity() async throws {
        let key = try SigningKey.generate(.ed25519)
        let cache = VerifiedTokenCache(capacity: 3)
        let caching = CachingTokenVerifier(verifier: TestTokens.verifier(KeySet(signingKey: key)), cache: cache)
        var tokens: [String] = []
        for index in 0..<10 {
            let token = try TestTokens.issuer(key).issue(TestTokens.claims(tokenID: "t-\(index)"))
            tokens.append(token)
            _ = try await caching.verify(token)
            #expect(cache.count <= 3)
        }
        // The newest three remain, the oldest went first.
        #expect(tokens.suffix(3).allSatisfy { cache.lookup($0) != nil })
        #expect(cache.lookup(tokens[0]) == nil)
        // Verifying the same token again does not grow the cache.
        for _ in 0..<5 { _ = try await caching.verify(tokens[9]) }
        #expect(cache.count == 3)
    }

    @Test func oneTimeTokensAreReplaysEvenWhenCached() async throws {
        let key = try SigningKey.generate(.p256)
        let caching = CachingTokenVerifier(
            verifier: TestTokens.verifier(KeySet(signingKey: key), stages: [OneTimeUse(InMemoryReplayStore())]))
        let token = try TestTokens.issuer(key).issue(TestTokens.claims(tokenID: "once"))
        _ = try await caching.verify(token)
        await #expect(throws: TokenError.replayed(jti: "once")) { try await caching.verify(token) }
    }
}
