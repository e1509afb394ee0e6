import Foundation
import Testing

@testable import ZWPlatform

/// One suite, every store: the operations whose "exactly once" the platform's security rests on.
@Suite struct StoreTests {
    @Test(arguments: TestStores.all)
    func handlesAreTakenOnce(_ location: StoreLocation) async throws {
        try await Harness.withPlatform(location) { _, platform in
            let store = platform.store
            let now = Date()
            let handle = "code-\(UUID().uuidString)"
            try await store.insertHandle(handle, kind: .authorizationCode, payload: "p", expiresAt: now + 60)
            #expect(try await store.peekHandle(handle, kind: .authorizationCode, now: now) == "p")
            #expect(try await store.peekHandle(handle, kind: .refreshToken, now: now) == nil)
            #expect(try await store.takeHandle(handle, kind: .authorizationCode, now: now) == "p")
            #expect(try await store.takeHandle(handle, kind: .authorizationCode, now: now) == nil)

            let expired = "old-\(UUID().uuidString)"
            try await store.insertHandle(expired, kind: .refreshToken, payload: "q", expiresAt: now - 1)
            #expect(try await store.takeHandle(expired, kind: .refreshToken, now: now) == nil)
        }
    }

    @Test(arguments: TestStores.all)
    func concurrentTakesHaveOneWinner(_ location: StoreLocation) async throws {
        try await Harness.withPlatform(location) { _, platform in
            let store = platform.store
            let handle = "race-\(UUID().uuidString)"
            try await store.insertHandle(handle, kind: .authorizationCode, payload: "x", expiresAt: Date() + 60)
            let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await store.takeHandle(handle, kind: .authorizationCode, now: Date()) != nil }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(winners == 1)
        }
    }

    /// The step a code's or refresh token's replay detection rests on: whoever does not get the
    /// handle finds its marker, at once, however many race for it.
    @Test(arguments: TestStores.all)
    func redeemingLeavesTheMarkerInTheSameStep(_ location: StoreLocation) async throws {
        try await Harness.withPlatform(location) { _, platform in
            let store = platform.store
            let now = Date()
            for _ in 0..<5 {
                let handle = "code-\(UUID().uuidString)"
                try await store.insertHandle(handle, kind: .authorizationCode, payload: "p", expiresAt: now + 60)
                let outcomes = try await withThrowingTaskGroup(of: (won: Bool, marker: String?).self) { group in
                    for _ in 0..<20 {
                        group.addTask {
                            if try await store.redeemHandle(
                                handle, kind: .authorizationCode, leaving: .redeemedAuthorizationCode,
                                until: now + 600, now: now) == "p"
                            {
                                return (true, nil)
                            }
                            return (
                                false, try await store.peekHandle(handle, kind: .redeemedAuthorizationCode, now: now)
                            )
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(outcomes.filter(\.won).count == 1)
                #expect(outcomes.filter { !$0.won }.allSatisfy { $0.marker == "p" })
                #expect(try await store.peekHandle(handle, kind: .authorizationCode, now: now) == nil)
                // The marker lives until its own expiry, not the handle's.
                #expect(try await store.peekHandle(handle, kind: .redeemedAuthorizationCode, now: now + 300) == "p")
                #expect(try await store.peekHandle(handle, kind: .redeemedAuthorizationCode, now: now + 600) == nil)
            }

            // An expired handle is not redeemed and leaves no marker.
            let expired = "old-\(UUID().uuidString)"
            try await store.insertHandle(expired, kind: .refreshToken, payload: "q", expiresAt: now - 1)
            #expect(
                try await store.redeemHandle(
                    expired, kind: .refreshToken, leaving: .rotatedRefreshToken, until: now + 600, now: now) == nil)
            #expect(try await store.peekHandle(expired, kind: .rotatedRefreshToken, now: now) == nil)
            // Nor is a handle of another kind.
            let refresh = "rt-\(UUID().uuidString)"
            try await store.insertHandle(refresh, kind: .refreshToken, payload: "r", expiresAt: now + 60)
            #expect(
                try await store.redeemHandle(
                    refresh, kind: .authorizationCode, leaving: .redeemedAuthorizationCode, until: now + 600, now: now)
                    == nil)
            #expect(try await store.peekHandle(refresh, kind: .refreshToken, now: now) == "r")
        }
    }

    @Test(arguments: TestStores.all)
    func revocationsAndReplays(_ location: StoreLocation) async throws {
        try await Harness.withPlatform(location) { _, platform in
            let store = platform.store
            let now = Date()
            let id = "jti-\(UUID().uuidString)"
            #expect(try await store.isRevoked(tokenID: id, now: now) == false)
            try await store.revoke(tokenID: id, until: now + 60)
            #expect(try await store.isRevoked(tokenID: id, now: now))
            #expect(try await store.isRevoked(tokenID: id, now: now + 120) == false)

            #expect(try await store.markUsed(tokenID: id, until: now + 60, now: now))
            #expect(try await store.markUsed(tokenID: id, until: now + 60, now: now) == false)
            // Once the first use has expired, the entry may be taken over.
            #expect(try await store.markUsed(tokenID: id, until: now + 200, now: now + 100))

            // Pruning removes what has expired (and nothing live: other tests share the database).
            let old = "old-\(UUID().uuidString)"
            try await store.revoke(tokenID: old, until: now - 10)
            #expect(try await store.isRevoked(tokenID: old, now: now - 20))
            try await store.prune(now: now)
            #expect(try await store.isRevoked(tokenID: old, now: now - 20) == false)
            #expect(try await store.isRevoked(tokenID: id, now: now))
        }
    }

    @Test(arguments: TestStores.all)
    func settingsKeepTheFirstValue(_ location: StoreLocation) async throws {
        try await Harness.withPlatform(location) { _, platform in
            let name = "test-\(UUID().uuidString)"
            #expect(try await platform.store.settingOrInsert(name, value: "first") == "first")
            #expect(try await platform.store.settingOrInsert(name, value: "second") == "first")
            try await platform.store.setSetting(name, value: "third")
            #expect(try await platform.store.setting(name) == "third")
        }
    }

    @Test func sqliteFileSurvivesReopening() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zwp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = StoreLocation.sqliteFile(directory.appendingPathComponent("platform.sqlite").path)
        let jwks1 = try await Harness.withPlatform(location) { client, _ in try await client.get("/jwks").body }
        let jwks2 = try await Harness.withPlatform(location) { client, _ in try await client.get("/jwks").body }
        #expect(jwks1 == jwks2)
        #expect(jwks1.contains("\"P-256\"") && jwks1.contains("\"SM2\""))
    }

    @Test func databaseLocationsParse() throws {
        #expect(try StoreLocation(parsing: "sqlite:/tmp/a.db") == .sqliteFile("/tmp/a.db"))
        #expect(try StoreLocation(parsing: "a.db") == .sqliteFile("a.db"))
        #expect(try StoreLocation(parsing: "postgres://u@h:1/d") == .postgres("postgres://u@h:1/d"))
        #expect(throws: StoreError.self) { try StoreLocation(parsing: "mysql://h/d") }
        #expect(throws: StoreError.self) { try StoreLocation(parsing: "sqlite:") }
    }
}
