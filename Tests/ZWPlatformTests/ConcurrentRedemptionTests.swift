import Foundation
import HummingbirdTesting
import Testing
import ZWKitTestSupport

@testable import ZWPlatform

/// One code, or one refresh token, presented many times at once, at one instance or at two
/// sharing PostgreSQL: exactly one presentation wins, and every other one finds the handle
/// already used and revokes what the winner got (RFC 6749 §4.1.2, RFC 6819 §5.2.2.3). There
/// must be no moment in which a presentation finds the handle neither live nor used. Several
/// rounds, because a race lost only sometimes is still lost.
@Suite struct ConcurrentRedemptionTests {
    static let rounds = 5
    static let presentations = 20

    static func codeForm(_ client: any TestClientProtocol) async throws -> [(String, String)] {
        let code = try #require(try await client.get(OAuthFixtures.authorizeURI()).redirectParameters["code"])
        return [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", OAuthFixtures.redirect),
            ("code_verifier", OAuthFixtures.verifier),
        ]
    }

    /// Posts `form` to /token `presentations` times at once, taking turns over `clients`.
    static func presentAtOnce(_ form: [(String, String)], to clients: [any TestClientProtocol]) async throws
        -> [Answer]
    {
        try await withThrowingTaskGroup(of: Answer.self) { group in
            for index in 0..<presentations {
                let client = clients[index % clients.count]
                group.addTask { try await client.post("/token", form: form, headers: OAuthFixtures.basic()) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// Exactly one presentation used the handle up, and every other one was refused as a replay,
    /// revoking the grant. The one that used it up issued tokens, or, for a refresh token, was
    /// refused because a replay had revoked the grant meanwhile. What it issued (and `earlier`
    /// tokens of the same grant) is inactive at every instance.
    static func expectOneRevokedWinner(
        _ answers: [Answer], earlier: [String] = [], clients: [any TestClientProtocol], round: Int
    ) async throws {
        func description(_ answer: Answer) -> String { answer.json["error_description"] as? String ?? "" }
        let winners = answers.filter { $0.status == .ok }
        let overtakenMessage = "the refresh token's grant has been revoked"
        let overtaken = answers.filter { description($0) == overtakenMessage }
        #expect(
            winners.count + overtaken.count == 1,
            "round \(round): \(winners.count) won, \(overtaken.count) found the grant revoked")
        for refusal in answers where refusal.status != .ok && description(refusal) != overtakenMessage {
            #expect(refusal.status == .badRequest)
            #expect(refusal.json["error"] as? String == "invalid_grant")
            #expect(
                description(refusal).hasSuffix("was already used; every token of its grant is now revoked"),
                "round \(round): a presentation was refused without being recognised as a replay: \(refusal.body)")
        }
        var issued = earlier
        if let winner = winners.first {
            issued.append(try #require(winner.json["access_token"] as? String))
            issued.append(try #require(winner.json["refresh_token"] as? String))
        }
        for client in clients {
            for token in issued {
                #expect(
                    try await RefreshReuseAndIntrospectionTests.isActive(client, token) == false,
                    "round \(round): a token of the raced grant is still active")
            }
        }
    }

    @Test(arguments: TestStores.all)
    func oneCodePresentedManyTimesAtOnce(_ location: StoreLocation) async throws {
        try await Harness.withPlatform(location) { client, _ in
            for round in 1...Self.rounds {
                let answers = try await Self.presentAtOnce(try await Self.codeForm(client), to: [client])
                try await Self.expectOneRevokedWinner(answers, clients: [client], round: round)
            }
        }
    }

    @Test(arguments: TestStores.all)
    func oneRefreshTokenPresentedManyTimesAtOnce(_ location: StoreLocation) async throws {
        try await Harness.withPlatform(location) { client, _ in
            for round in 1...Self.rounds {
                let tokens = try await OAuthFixtures.codeFlow(client)
                let access = try #require(tokens["access_token"] as? String)
                let refresh = try #require(tokens["refresh_token"] as? String)
                let answers = try await Self.presentAtOnce(
                    [("grant_type", "refresh_token"), ("refresh_token", refresh)], to: [client])
                try await Self.expectOneRevokedWinner(answers, earlier: [access], clients: [client], round: round)
            }
        }
    }

    /// Two platform instances, each with its own connection pool, over one PostgreSQL.
    static func withTwoInstances(
        _ body: @Sendable (any TestClientProtocol, any TestClientProtocol) async throws -> Void
    ) async throws {
        guard let url = TestStores.postgresURL, !url.isEmpty else {
            if Fixtures.isCI { Issue.record("CI must set ZWPLATFORM_TEST_POSTGRES (Scripts/postgres)") }
            print("notice: ZWPLATFORM_TEST_POSTGRES is not set; the two-instance races are skipped")
            return
        }
        try await Harness.withPlatform(.postgres(url)) { first, _ in
            try await Harness.withPlatform(.postgres(url)) { second, _ in try await body(first, second) }
        }
    }

    @Test func oneCodePresentedAtTwoInstancesAtOnce() async throws {
        try await Self.withTwoInstances { first, second in
            for round in 1...Self.rounds {
                let form = try await Self.codeForm(round.isMultiple(of: 2) ? first : second)
                let answers = try await Self.presentAtOnce(form, to: [first, second])
                try await Self.expectOneRevokedWinner(answers, clients: [first, second], round: round)
            }
        }
    }

    @Test func oneRefreshTokenPresentedAtTwoInstancesAtOnce() async throws {
        try await Self.withTwoInstances { first, second in
            for round in 1...Self.rounds {
                let tokens = try await OAuthFixtures.codeFlow(round.isMultiple(of: 2) ? first : second)
                let access = try #require(tokens["access_token"] as? String)
                let refresh = try #require(tokens["refresh_token"] as? String)
                let answers = try await Self.presentAtOnce(
                    [("grant_type", "refresh_token"), ("refresh_token", refresh)], to: [first, second])
                try await Self.expectOneRevokedWinner(
                    answers, earlier: [access], clients: [first, second], round: round)
            }
        }
    }
}
