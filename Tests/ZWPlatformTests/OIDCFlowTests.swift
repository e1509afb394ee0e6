import Foundation
import HTTPTypes
import Testing
import UnifiedIdentity

@testable import ZWPlatform

@Suite struct OIDCFlowTests {
    @Test(arguments: TestStores.all)
    func codeFlowGivesVerifiableIDTokenAndUserInfo(_ location: StoreLocation) async throws {
        try await Harness.withPlatform(location) { client, _ in
            let discovery = try await client.get("/.well-known/openid-configuration").json
            #expect(discovery["issuer"] as? String == "http://127.0.0.1:8080")
            #expect(discovery["code_challenge_methods_supported"] as? [String] == ["S256"])

            let tokens = try await OAuthFixtures.codeFlow(client)
            let idToken = try #require(tokens["id_token"] as? String)
            let verified = try await OAuthFixtures.verifier(client).verify(idToken)
            #expect(verified.algorithm == .es256)
            #expect(verified.claims.holderIdentifier == "11010519491231002X")
            #expect(verified.claims.principalKind == .naturalPerson)
            #expect(verified.claims.additional["nonce"] == .string("nonce-1"))
            #expect(verified.claims.assuranceLevel == .strongVerification)

            let access = try #require(tokens["access_token"] as? String)
            let info = try await client.get("/userinfo", headers: [.authorization: "Bearer \(access)"])
            #expect(info.status == .ok)
            #expect(info.json["holder_id"] as? String == "11010519491231002X")
            #expect(info.json["sub"] as? String == verified.claims.subject)
        }
    }

    @Test(arguments: TestStores.all)
    func sm2ClientGetsSM2IDTokens(_ location: StoreLocation) async throws {
        try await Harness.withPlatform(location) { client, _ in
            let tokens = try await OAuthFixtures.codeFlow(client, clientID: "demo-client-sm2", user: "company-1")
            let idToken = try #require(tokens["id_token"] as? String)
            let verified = try await OAuthFixtures.verifier(client, audience: "demo-client-sm2").verify(idToken)
            #expect(verified.algorithm == .sm2WithSM3)
            #expect(verified.claims.principalKind == .legalPerson)
            #expect(verified.claims.holderIdentifier == "91110000600037341L")
        }
    }

    @Test(arguments: TestStores.all)
    func replayedCodeIsRefused(_ location: StoreLocation) async throws {
        try await Harness.withPlatform(location) { client, _ in
            let code = try #require(try await client.get(OAuthFixtures.authorizeURI()).redirectParameters["code"])
            let form = [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", OAuthFixtures.redirect),
                ("code_verifier", OAuthFixtures.verifier),
            ]
            #expect(try await client.post("/token", form: form, headers: OAuthFixtures.basic()).status == .ok)
            let again = try await client.post("/token", form: form, headers: OAuthFixtures.basic())
            #expect(again.status == .badRequest)
            #expect(again.json["error"] as? String == "invalid_grant")
        }
    }

    @Test func wrongVerifierRedirectAndClientAreRefused() async throws {
        try await Harness.withPlatform(.sqliteMemory) { client, _ in
            func code() async throws -> String {
                try #require(try await client.get(OAuthFixtures.authorizeURI()).redirectParameters["code"])
            }
            // Wrong PKCE verifier: refused, and the code is used up by the attempt.
            let stolen = try await code()
            let wrongVerifier = try await client.post(
                "/token",
                form: [
                    ("grant_type", "authorization_code"), ("code", stolen), ("redirect_uri", OAuthFixtures.redirect),
                    ("code_verifier", String(repeating: "a", count: 43)),
                ], headers: OAuthFixtures.basic())
            #expect(wrongVerifier.json["error"] as? String == "invalid_grant")
            let retry = try await client.post(
                "/token",
                form: [
                    ("grant_type", "authorization_code"), ("code", stolen), ("redirect_uri", OAuthFixtures.redirect),
                    ("code_verifier", OAuthFixtures.verifier),
                ], headers: OAuthFixtures.basic())
            #expect(retry.json["error"] as? String == "invalid_grant")

            // Missing verifier when the request used PKCE.
            let noVerifier = try await client.post(
                "/token",
                form: [
                    ("grant_type", "authorization_code"), ("code", try await code()),
                    ("redirect_uri", OAuthFixtures.redirect),
                ],
                headers: OAuthFixtures.basic())
            #expect(noVerifier.json["error"] as? String == "invalid_grant")

            // redirect_uri differing from the request's.
            let otherRedirect = try await client.post(
                "/token",
                form: [
                    ("grant_type", "authorization_code"), ("code", try await code()),
                    ("redirect_uri", "http://127.0.0.1:9999/other"), ("code_verifier", OAuthFixtures.verifier),
                ], headers: OAuthFixtures.basic())
            #expect(otherRedirect.json["error"] as? String == "invalid_grant")

            // Wrong client secret.
            let wrongSecret = try await client.post(
                "/token",
                form: [
                    ("grant_type", "authorization_code"), ("code", try await code()),
                    ("redirect_uri", OAuthFixtures.redirect),
                ],
                headers: OAuthFixtures.basic("demo-client", "not-the-secret"))
            #expect(wrongSecret.status == .unauthorized)
            #expect(wrongSecret.json["error"] as? String == "invalid_client")

            // A code issued to one client cannot be redeemed by another.
            let crossClient = try await client.post(
                "/token",
                form: [
                    ("grant_type", "authorization_code"), ("code", try await code()),
                    ("redirect_uri", OAuthFixtures.redirect), ("code_verifier", OAuthFixtures.verifier),
                ], headers: OAuthFixtures.basic("demo-client-sm2"))
            #expect(crossClient.json["error"] as? String == "invalid_grant")

            // Unregistered redirect URI: a page, never a redirect there.
            for redirect in ["https://evil.example/cb", "http://localhost:9999/cb", "http://127.0.0.1.evil.example/cb"]
            {
                let refused = try await client.get(OAuthFixtures.authorizeURI(redirect: redirect))
                #expect(refused.status == .badRequest)
                #expect(refused.location == nil)
            }
            // Plain PKCE is refused, by redirect with the state.
            let plain = try await client.get(
                "/authorize?response_type=code&client_id=demo-client&scope=openid&state=s1&code_challenge=abc"
                    + "&code_challenge_method=plain&redirect_uri=" + FormCoding.encode(OAuthFixtures.redirect))
            #expect(plain.redirectParameters["error"] == "invalid_request")
            #expect(plain.redirectParameters["state"] == "s1")
            // A parameter given twice is refused.
            let duplicated = try await client.get(OAuthFixtures.authorizeURI() + "&client_id=demo-client")
            #expect(duplicated.status == .badRequest)
        }
    }

    @Test(arguments: TestStores.all)
    func refreshRotatesAndRevocationEndsAccess(_ location: StoreLocation) async throws {
        try await Harness.withPlatform(location) { client, _ in
            let tokens = try await OAuthFixtures.codeFlow(client)
            let refresh = try #require(tokens["refresh_token"] as? String)
            let refreshed = try await client.post(
                "/token", form: [("grant_type", "refresh_token"), ("refresh_token", refresh)],
                headers: OAuthFixtures.basic())
            #expect(refreshed.status == .ok)
            #expect(refreshed.json["id_token"] is String)
            #expect(refreshed.json["refresh_token"] as? String != refresh)

            let access = try #require(refreshed.json["access_token"] as? String)
            let active = try await client.post("/introspect", form: [("token", access)], headers: OAuthFixtures.basic())
            #expect(active.json["active"] as? Bool == true)
            #expect(active.json["client_id"] as? String == "demo-client")

            // Another client may not revoke it; its owner may.
            _ = try await client.post(
                "/revoke", form: [("token", access)], headers: OAuthFixtures.basic("demo-client-sm2"))
            #expect(try await client.get("/userinfo", headers: [.authorization: "Bearer \(access)"]).status == .ok)
            let revoked = try await client.post("/revoke", form: [("token", access)], headers: OAuthFixtures.basic())
            #expect(revoked.status == .ok)
            let info = try await client.get("/userinfo", headers: [.authorization: "Bearer \(access)"])
            #expect(info.status == .unauthorized)
            #expect(info.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let inactive = try await client.post(
                "/introspect", form: [("token", access)], headers: OAuthFixtures.basic())
            #expect(inactive.json["active"] as? Bool == false)

            // A revoked refresh token no longer refreshes.
            let next = try #require(refreshed.json["refresh_token"] as? String)
            _ = try await client.post("/revoke", form: [("token", next)], headers: OAuthFixtures.basic())
            let afterRevoke = try await client.post(
                "/token", form: [("grant_type", "refresh_token"), ("refresh_token", next)],
                headers: OAuthFixtures.basic())
            #expect(afterRevoke.json["error"] as? String == "invalid_grant")
        }
    }

    @Test func expiredAccessTokenIsRefused() async throws {
        var configuration = PlatformConfiguration.demo()
        configuration.accessTokenLifetime = 1
        try await Harness.withPlatform(.sqliteMemory, configuration: configuration) { client, _ in
            let access = try #require(try await OAuthFixtures.codeFlow(client)["access_token"] as? String)
            try await Task.sleep(for: .milliseconds(2_100))
            let info = try await client.get("/userinfo", headers: [.authorization: "Bearer \(access)"])
            #expect(info.status == .unauthorized)
            #expect(info.json["error_description"].map { "\($0)" }?.contains("expired") == true)
        }
    }

    @Test func forgedTokensAreRefused() async throws {
        try await Harness.withPlatform(.sqliteMemory) { client, platform in
            // Same claims, signed by a key the platform never published, under its own kid.
            let realKey = try await platform.keys.signingKey(.p256)
            let forger = try SigningKey.generate(.p256, keyID: realKey.keyID)
            let forged = try TokenIssuer(issuer: platform.issuer, signingKey: forger).issue(
                IdentityClaims(
                    subject: "x", audience: ["demo-client"],
                    additional: ["token_use": .string("access"), "uid": .string("citizen-1")]))
            #expect(
                try await client.get("/userinfo", headers: [.authorization: "Bearer \(forged)"]).status == .unauthorized
            )
            // An ID token is not an access token.
            let idToken = try #require(try await OAuthFixtures.codeFlow(client)["id_token"] as? String)
            #expect(
                try await client.get("/userinfo", headers: [.authorization: "Bearer \(idToken)"]).status
                    == .unauthorized)
        }
    }

    @Test func clientCredentialsAndTokenExchange() async throws {
        try await Harness.withPlatform(.sqliteMemory) { client, _ in
            let machine = try await client.post(
                "/token", form: [("grant_type", "client_credentials"), ("scope", "audit")],
                headers: OAuthFixtures.basic())
            #expect(machine.status == .ok)
            let machineToken = try #require(machine.json["access_token"] as? String)
            #expect(
                try await client.get("/userinfo", headers: [.authorization: "Bearer \(machineToken)"]).status
                    == .unauthorized)

            let login = try #require(try await OAuthFixtures.codeFlow(client)["access_token"] as? String)
            let exchange = try await client.post(
                "/token",
                form: [
                    ("grant_type", Platform.tokenExchangeGrant), ("subject_token", login),
                    ("subject_token_type", "urn:ietf:params:oauth:token-type:access_token"),
                    ("audience", "dept-social-security"),
                ], headers: OAuthFixtures.basic())
            #expect(exchange.status == .ok, "\(exchange.body)")
            #expect(exchange.json["issued_token_type"] as? String == "urn:ietf:params:oauth:token-type:jwt")
            let session = try #require(exchange.json["access_token"] as? String)
            let verified = try await OAuthFixtures.verifier(client, audience: "dept-social-security").verify(session)
            #expect(verified.claims.department == "dept-social-security")
            #expect(verified.claims.originalTokenID != nil)

            let unknownDepartment = try await client.post(
                "/token",
                form: [
                    ("grant_type", Platform.tokenExchangeGrant), ("subject_token", login),
                    ("subject_token_type", "urn:ietf:params:oauth:token-type:access_token"),
                    ("audience", "dept-unknown"),
                ], headers: OAuthFixtures.basic())
            #expect(unknownDepartment.json["error"] as? String == "invalid_target")
            // A login addressed to another client cannot be exchanged by this one.
            let foreign = try await client.post(
                "/token",
                form: [
                    ("grant_type", Platform.tokenExchangeGrant), ("subject_token", login),
                    ("subject_token_type", "urn:ietf:params:oauth:token-type:access_token"),
                    ("audience", "dept-social-security"),
                ], headers: OAuthFixtures.basic("demo-client-sm2"))
            #expect(foreign.json["error"] as? String == "invalid_grant")
        }
    }

    @Test func loginPageSingleSignOnAndEndSession() async throws {
        try await Harness.withPlatform(.sqliteMemory) { client, _ in
            let page = try await client.get(OAuthFixtures.authorizeURI(user: nil))
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"user-citizen-1\""))
            #expect(!page.body.contains("11010519491231002X"))  // masked on the page

            let posted = try await client.post(
                "/login",
                form: [
                    ("profile", "oidc"), ("client_id", "demo-client"), ("redirect_uri", OAuthFixtures.redirect),
                    ("scope", "openid"), ("state", "s2"), ("nonce", "n2"), ("code_challenge", OAuthFixtures.challenge),
                    ("user", "citizen-1"),
                ])
            #expect(posted.status == .found)
            #expect(posted.redirectParameters["state"] == "s2")
            let cookie = try #require(posted.headers[.setCookie]?.split(separator: ";").first.map(String.init))

            // A second department: signed in by the session, no page.
            let second = try await client.get(
                OAuthFixtures.authorizeURI(client: "demo-client-sm2", user: nil), headers: [.cookie: cookie])
            #expect(second.status == .found)
            #expect(second.redirectParameters["code"] != nil)

            // Ending the session ends single sign-on and the tokens of the session.
            let tokens = try await client.post(
                "/token",
                form: [
                    ("grant_type", "authorization_code"), ("code", posted.redirectParameters["code"] ?? ""),
                    ("redirect_uri", OAuthFixtures.redirect), ("code_verifier", OAuthFixtures.verifier),
                ], headers: OAuthFixtures.basic())
            let idToken = try #require(tokens.json["id_token"] as? String)
            let access = try #require(tokens.json["access_token"] as? String)
            let logout = try await client.get(
                "/end-session?"
                    + FormCoding.encode([
                        ("id_token_hint", idToken), ("post_logout_redirect_uri", "http://127.0.0.1:9999/bye"),
                        ("state", "s3"),
                    ]))
            #expect(logout.location == "http://127.0.0.1:9999/bye?state=s3")
            #expect(
                try await client.get("/userinfo", headers: [.authorization: "Bearer \(access)"]).status == .unauthorized
            )
            let third = try await client.get(OAuthFixtures.authorizeURI(user: nil), headers: [.cookie: cookie])
            #expect(third.status == .ok)  // the page again
            let badLogout = try await client.get(
                "/end-session?"
                    + FormCoding.encode([
                        ("id_token_hint", idToken), ("post_logout_redirect_uri", "https://evil.example/"),
                    ]))
            #expect(badLogout.status == .badRequest)
        }
    }

    @Test func metricsCountLoginsAndTokens() async throws {
        try await Harness.withPlatform(.sqliteMemory) { client, _ in
            _ = try await OAuthFixtures.codeFlow(client)
            let metrics = try await client.get("/metrics").body
            #expect(
                metrics.contains("zwplatform_logins_total{client=\"demo-client\",profile=\"oidc\",sso=\"false\"} 1"))
            #expect(
                metrics.contains(
                    "zwplatform_tokens_issued_total{grant=\"authorization_code\",client=\"demo-client\"} 1"))
            #expect(!metrics.contains("11010519491231002X"))
        }
    }
}
