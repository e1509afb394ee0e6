import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import UnifiedIdentity

@testable import ZWPlatform

/// Refresh-token reuse revokes the grant (RFC 6819 §5.2.2.3, OAuth 2.1 §4.3.1), so does
/// authorization-code reuse (RFC 6749 §4.1.2), and introspection answers only the token's own
/// client or a resource server (RFC 7662 §4).
@Suite struct RefreshReuseAndIntrospectionTests {
    static func refresh(_ client: any TestClientProtocol, _ token: String) async throws -> Answer {
        try await client.post(
            "/token", form: [("grant_type", "refresh_token"), ("refresh_token", token)],
            headers: OAuthFixtures.basic())
    }

    static func isActive(
        _ client: any TestClientProtocol, _ token: String, as caller: HTTPFields = OAuthFixtures.basic()
    )
        async throws -> Bool?
    {
        try await client.post("/introspect", form: [("token", token)], headers: caller).json["active"] as? Bool
    }

    static func userInfoStatus(_ client: any TestClientProtocol, _ access: String) async throws -> HTTPResponse.Status {
        try await client.get("/userinfo", headers: [.authorization: "Bearer \(access)"]).status
    }

    @Test(arguments: TestStores.all)
    func replayingARotatedRefreshTokenRevokesTheWholeGrant(_ location: StoreLocation) async throws {
        try await Harness.withPlatform(location) { client, _ in
            let first = try await OAuthFixtures.codeFlow(client)
            let access0 = try #require(first["access_token"] as? String)
            let refresh0 = try #require(first["refresh_token"] as? String)
            let rotated = try await Self.refresh(client, refresh0)
            #expect(rotated.status == .ok)
            let access1 = try #require(rotated.json["access_token"] as? String)
            let refresh1 = try #require(rotated.json["refresh_token"] as? String)
            #expect(try await Self.isActive(client, refresh1) == true)
            #expect(try await Self.userInfoStatus(client, access1) == .ok)

            // Another login of the same person: a grant of its own, untouched below.
            let other = try await OAuthFixtures.codeFlow(client)
            let otherAccess = try #require(other["access_token"] as? String)
            let otherRefresh = try #require(other["refresh_token"] as? String)

            // The rotated token comes back: refused, and every token of its grant dies with it.
            let replay = try await Self.refresh(client, refresh0)
            #expect(replay.status == .badRequest)
            #expect(replay.json["error"] as? String == "invalid_grant")
            #expect((replay.json["error_description"] as? String)?.contains("already used") == true)
            #expect(try await Self.isActive(client, refresh1) == false)
            #expect(try await Self.isActive(client, access1) == false)
            #expect(try await Self.isActive(client, access0) == false)
            #expect(try await Self.userInfoStatus(client, access1) == .unauthorized)
            #expect(try await Self.userInfoStatus(client, access0) == .unauthorized)
            let exchanged = try await client.post(
                "/token",
                form: [
                    ("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange"), ("subject_token", access1),
                    ("subject_token_type", "urn:ietf:params:oauth:token-type:access_token"),
                    ("audience", "dept-social-security"),
                ], headers: OAuthFixtures.basic())
            #expect(exchanged.json["error"] as? String == "invalid_grant")
            let next = try await Self.refresh(client, refresh1)
            #expect(next.json["error"] as? String == "invalid_grant")

            #expect(try await Self.userInfoStatus(client, otherAccess) == .ok)
            #expect(try await Self.refresh(client, otherRefresh).status == .ok)
        }
    }

    /// RFC 6749 §4.1.2: a code used twice is refused, and the tokens issued from it are revoked,
    /// those its refresh token led to included; another login of the same person is untouched.
    @Test(arguments: TestStores.all)
    func replayingARedeemedCodeRevokesEveryTokenIssuedFromIt(_ location: StoreLocation) async throws {
        try await Harness.withPlatform(location) { client, _ in
            let code = try #require(try await client.get(OAuthFixtures.authorizeURI()).redirectParameters["code"])
            let form = [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", OAuthFixtures.redirect),
                ("code_verifier", OAuthFixtures.verifier),
            ]
            let redeemed = try await client.post("/token", form: form, headers: OAuthFixtures.basic())
            #expect(redeemed.status == .ok)
            let access0 = try #require(redeemed.json["access_token"] as? String)
            let refresh0 = try #require(redeemed.json["refresh_token"] as? String)
            let rotated = try await Self.refresh(client, refresh0)
            let access1 = try #require(rotated.json["access_token"] as? String)
            let refresh1 = try #require(rotated.json["refresh_token"] as? String)
            for token in [access0, access1, refresh1] { #expect(try await Self.isActive(client, token) == true) }
            #expect(try await Self.userInfoStatus(client, access0) == .ok)
            let other = try await OAuthFixtures.codeFlow(client)
            let otherAccess = try #require(other["access_token"] as? String)
            let otherRefresh = try #require(other["refresh_token"] as? String)

            let replay = try await client.post("/token", form: form, headers: OAuthFixtures.basic())
            #expect(replay.status == .badRequest)
            #expect(replay.json["error"] as? String == "invalid_grant")
            #expect((replay.json["error_description"] as? String)?.contains("already used") == true)
            for token in [access0, access1, refresh1] { #expect(try await Self.isActive(client, token) == false) }
            #expect(try await Self.userInfoStatus(client, access0) == .unauthorized)
            #expect(try await Self.userInfoStatus(client, access1) == .unauthorized)
            #expect(try await Self.refresh(client, refresh1).json["error"] as? String == "invalid_grant")
            // A third try is refused the same way.
            #expect(try await client.post("/token", form: form, headers: OAuthFixtures.basic()).status == .badRequest)

            #expect(try await Self.isActive(client, otherAccess) == true)
            #expect(try await Self.userInfoStatus(client, otherAccess) == .ok)
            #expect(try await Self.refresh(client, otherRefresh).status == .ok)
        }
    }

    @Test(arguments: TestStores.all)
    func revokingARefreshTokenRevokesItsAccessTokens(_ location: StoreLocation) async throws {
        try await Harness.withPlatform(location) { client, _ in
            let tokens = try await OAuthFixtures.codeFlow(client)
            let access = try #require(tokens["access_token"] as? String)
            let refresh = try #require(tokens["refresh_token"] as? String)
            #expect(try await Self.userInfoStatus(client, access) == .ok)
            _ = try await client.post("/revoke", form: [("token", refresh)], headers: OAuthFixtures.basic())
            #expect(try await Self.userInfoStatus(client, access) == .unauthorized)
            #expect(try await Self.refresh(client, refresh).json["error"] as? String == "invalid_grant")
        }
    }

    @Test func introspectionAnswersOnlyTheOwnerOrAResourceServer() async throws {
        var configuration = PlatformConfiguration.demo()
        configuration.clients.append(ClientRegistration(id: "api", secret: "api-secret", isResourceServer: true))
        try await Harness.withPlatform(.sqliteMemory, configuration: configuration) { client, _ in
            let tokens = try await OAuthFixtures.codeFlow(client)
            let access = try #require(tokens["access_token"] as? String)
            let idToken = try #require(tokens["id_token"] as? String)
            let refresh = try #require(tokens["refresh_token"] as? String)
            let stranger = OAuthFixtures.basic("demo-client-sm2")

            let own = try await client.post("/introspect", form: [("token", access)], headers: OAuthFixtures.basic())
            #expect(own.json["active"] as? Bool == true)
            #expect(own.json["client_id"] as? String == "demo-client")
            let foreign = try await client.post("/introspect", form: [("token", access)], headers: stranger)
            #expect(foreign.json["active"] as? Bool == false)
            // Nothing but `active` for a stranger: not even whose token it is.
            #expect(foreign.json.count == 1)
            #expect(try await Self.isActive(client, idToken, as: stranger) == false)
            #expect(try await Self.isActive(client, idToken) == true)
            #expect(try await Self.isActive(client, refresh, as: stranger) == false)

            let resourceServer = try await client.post(
                "/introspect", form: [("token", access)], headers: OAuthFixtures.basic("api", "api-secret"))
            #expect(resourceServer.json["active"] as? Bool == true)
            #expect(resourceServer.json["client_id"] as? String == "demo-client")
        }
    }

    @Test func resourceServersAreReadFromTheConfigurationFile() throws {
        let json = #"{"clients": [{"id": "api", "secret": "s", "resourceServer": true}, {"id": "app"}], "users": []}"#
        let configuration = try JSONDecoder().decode(PlatformConfiguration.self, from: Data(json.utf8))
        #expect(configuration.client("api")?.isResourceServer == true)
        #expect(configuration.client("app")?.isResourceServer == false)
    }
}
