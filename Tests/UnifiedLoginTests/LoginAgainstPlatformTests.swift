import Foundation
import GMCrypto
import Testing
import UnifiedIdentity
import UnifiedLogin
import ZWPlatform

@testable import UnifiedLoginCore

enum LoginFixtures {
    static func configuration(
        _ base: URL, profile: String, clientID: String = "demo-client",
        authentication: ClientAuthentication = .clientSecretBasic("demo-secret"),
        redirect: String = "http://127.0.0.1:9999/callback"
    ) throws -> LoginConfiguration {
        LoginConfiguration(
            platform: base, clientID: clientID, authentication: authentication, redirectURI: redirect,
            profile: try LoginProfile.builtIn(profile), timeout: .seconds(10))
    }

    /// begin → the platform's redirect (login_hint) → complete.
    static func login(_ client: LoginClient, user: String = "citizen-1") async throws -> LoginResult {
        let request = try await client.begin(loginHint: user)
        return try await client.complete(callback: try await Browser.callback(for: request.authorizationURL))
    }
}

@Suite struct LoginAgainstPlatformTests {
    @Test(arguments: [
        ("oidc", "demo-client", "citizen-1"), ("oidc", "demo-client-sm2", "company-1"),
        ("guangdong", "demo-client", "citizen-1"), ("guangdong-pscp", "demo-client", "company-1"),
        ("cas", "demo-client", "citizen-1"),
    ])
    func everyProfileGivesAVerifiedPrincipal(_ profile: String, _ clientID: String, _ user: String) async throws {
        try await LivePlatform.with { base, _ in
            let client = try LoginClient(
                configuration: try LoginFixtures.configuration(base, profile: profile, clientID: clientID))
            defer { Task { try? await client.shutdown() } }
            let result = try await LoginFixtures.login(client, user: user)
            switch (user, result.principal.identity) {
            case ("citizen-1", .naturalPerson(let id)): #expect(id.compactForm == "11010519491231002X")
            case ("company-1", .legalPerson(let code)): #expect(code.compactForm == "91110000600037341L")
            default: Issue.record("unexpected principal \(result.principal) for \(user)")
            }
            // Printing a principal never shows the whole number.
            if result.principal.kind == .naturalPerson {
                #expect(!"\(result.principal)".contains(result.principal.identifier))
            }
            #expect("\(result.principal)".contains(result.principal.maskedIdentifier))
            if profile == "oidc" {
                #expect(result.idToken?.algorithm == (clientID == "demo-client-sm2" ? .sm2WithSM3 : .es256))
                #expect(result.principal.assuranceLevel != nil)
            }
        }
    }

    @Test func clientSecretPostRefreshUserInfoAndDepartmentSession() async throws {
        try await LivePlatform.with { base, _ in
            let client = try LoginClient(
                configuration: try LoginFixtures.configuration(
                    base, profile: "oidc", authentication: .clientSecretPost("demo-secret")))
            defer { Task { try? await client.shutdown() } }
            let result = try await LoginFixtures.login(client)
            let tokens = try #require(result.tokens)
            let info = try await client.userInfo(accessToken: tokens.accessToken)
            #expect(info["holder_id"] == .string("11010519491231002X"))
            let session = try await client.departmentSession(for: result, department: "dept-social-security")
            #expect(session.claims.department == "dept-social-security")
            #expect(session.claims.subject != result.principal.subject)  // pairwise per department

            let refreshed = try await client.refresh(try #require(tokens.refreshToken))
            #expect(refreshed.accessToken != tokens.accessToken)
            // The rotated refresh token again: refused, and the platform revokes the whole grant,
            // so the login's access token no longer opens a department session.
            await #expect(throws: LoginError.self) { try await client.refresh(try #require(tokens.refreshToken)) }
            await #expect(throws: LoginError.self) {
                try await client.departmentSession(for: result, department: "dept-social-security")
            }
        }
    }

    @Test(arguments: [KeyKind.sm2, .p256])
    func privateKeyJWT(_ keyType: KeyKind) async throws {
        let key = try SigningKey.generate(keyType)
        var configuration = PlatformConfiguration.demo()
        configuration.clients.append(
            ClientRegistration(
                id: "dept-jwt", publicKeys: [key.publicKey.pemRepresentation], allowsLoopbackRedirects: true,
                idTokenAlgorithm: .sm2))
        try await LivePlatform.with(configuration: configuration) { base, _ in
            let client = try LoginClient(
                configuration: try LoginFixtures.configuration(
                    base, profile: "oidc", clientID: "dept-jwt", authentication: .privateKeyJWT(key)))
            defer { Task { try? await client.shutdown() } }
            let result = try await LoginFixtures.login(client)
            #expect(result.idToken?.algorithm == .sm2WithSM3)

            // A key the platform does not know for the client is refused.
            let stranger = try LoginClient(
                configuration: try LoginFixtures.configuration(
                    base, profile: "oidc", clientID: "dept-jwt",
                    authentication: .privateKeyJWT(try SigningKey.generate(keyType))))
            defer { Task { try? await stranger.shutdown() } }
            await #expect(throws: LoginError.self) { try await LoginFixtures.login(stranger) }
        }
    }

    @Test func keyRotationIsFollowed() async throws {
        try await LivePlatform.with { base, platform in
            let client = try LoginClient(configuration: try LoginFixtures.configuration(base, profile: "oidc"))
            defer { Task { try? await client.shutdown() } }
            let first = try await LoginFixtures.login(client)
            try await platform.keys.rotate()
            try await Task.sleep(for: .milliseconds(1_100))  // the client's minimum JWKS refresh interval
            let second = try await LoginFixtures.login(client)
            #expect(first.idToken?.keyID != second.idToken?.keyID)
            // Retired keys are refused by name.
            try await platform.keys.retireOldKeys()
            try await Task.sleep(for: .milliseconds(1_100))
            _ = try await LoginFixtures.login(client)
        }
    }

    @Test func refusals() async throws {
        try await LivePlatform.with { base, platform in
            let client = try LoginClient(configuration: try LoginFixtures.configuration(base, profile: "oidc"))
            defer { Task { try? await client.shutdown() } }

            // Wrong state: a callback no login of this client started.
            let request = try await client.begin(loginHint: "citizen-1")
            let callback = try await Browser.callback(for: request.authorizationURL)
            let forgedState = URL(
                string: callback.absoluteString.replacingOccurrences(of: request.state, with: "forged"))!
            await #expect(throws: LoginError.stateMismatch) { try await client.complete(callback: forgedState) }
            // The real callback completes once; replaying it is refused.
            _ = try await client.complete(callback: callback)
            await #expect(throws: LoginError.stateMismatch) { try await client.complete(callback: callback) }

            // A platform error in the callback.
            let refusedRequest = try await client.begin()
            let errorCallback = URL(
                string: "http://127.0.0.1:9999/callback?error=access_denied&state=\(refusedRequest.state)")!
            await #expect(throws: LoginError.platformRefused(error: "access_denied", description: nil)) {
                try await client.complete(callback: errorCallback)
            }

            // A callback at another URI than the login's.
            let other = try await client.begin(loginHint: "citizen-1")
            let otherCallback = try await Browser.callback(for: other.authorizationURL)
            let moved = URL(
                string: otherCallback.absoluteString.replacingOccurrences(of: "/callback", with: "/elsewhere"))!
            await #expect(throws: LoginError.self) { try await client.complete(callback: moved) }

            // A nonce that is not the login's (an ID token replayed into another login).
            let replayed = try await client.begin(loginHint: "citizen-1")
            let replayedCallback = try await Browser.callback(for: replayed.authorizationURL)
            var tampered = try #require(await client.pending.take(replayed.state))
            tampered.nonce = "another-login"
            await client.pending.add(tampered, lifetime: 600)
            await #expect(throws: LoginError.nonceMismatch) { try await client.complete(callback: replayedCallback) }

            // A forged ID token: the platform's kid, another key.
            let kid = try await platform.keys.signingKey(.p256).keyID
            let forged = try TokenIssuer(
                issuer: base.absoluteString, signingKey: try SigningKey.generate(.p256, keyID: kid)
            )
            .issue(IdentityClaims(subject: "s", audience: ["demo-client"]))
            await #expect(throws: LoginError.idTokenRefused(.invalidSignature)) {
                try await client.verifyIDToken(forged)
            }
            // Another client's ID token (audience).
            let sm2Client = try LoginClient(
                configuration: try LoginFixtures.configuration(base, profile: "oidc", clientID: "demo-client-sm2"))
            defer { Task { try? await sm2Client.shutdown() } }
            let foreign = try await LoginFixtures.login(sm2Client)
            await #expect(throws: LoginError.self) {
                try await client.verifyIDToken(try #require(foreign.tokens?.idToken))
            }

            // Revoked and logged-out tokens.
            let login = try await LoginFixtures.login(client)
            let tokens = try #require(login.tokens)
            try await client.revoke(tokens.accessToken)
            await #expect(throws: LoginError.self) { try await client.userInfo(accessToken: tokens.accessToken) }
            let login2 = try await LoginFixtures.login(client)
            let logout = try await client.logoutURL(
                idTokenHint: try #require(login2.tokens?.idToken), postLogoutRedirectURI: "http://127.0.0.1:9999/bye")
            #expect(try await Browser.get(logout.absoluteString).location == "http://127.0.0.1:9999/bye")
            await #expect(throws: LoginError.self) {
                try await client.userInfo(accessToken: login2.tokens?.accessToken ?? "")
            }
        }
    }

    @Test func issuerMismatchAndUnreachablePlatform() async throws {
        try await LivePlatform.with { base, _ in
            var configuration = try LoginFixtures.configuration(base, profile: "oidc")
            configuration.platform = URL(
                string: base.absoluteString.replacingOccurrences(of: "127.0.0.1", with: "localhost"))!
            let client = try LoginClient(configuration: configuration)
            defer { Task { try? await client.shutdown() } }
            await #expect(throws: LoginError.self) { try await client.begin() }
        }
        let port = try LivePlatform.freePort()
        let unreachable = try LoginClient(
            configuration: try LoginFixtures.configuration(URL(string: "http://127.0.0.1:\(port)")!, profile: "oidc"))
        defer { Task { try? await unreachable.shutdown() } }
        do {
            _ = try await unreachable.begin()
            Issue.record("an unreachable platform must fail")
        } catch {
            #expect(error.code == "login.transport")
        }
    }

    @Test func profilesAreData() throws {
        for name in LoginProfile.builtInNames { #expect(try LoginProfile.builtIn(name).name == name) }
        let guangdong = try LoginProfile.builtIn("guangdong")
        #expect(guangdong.authorize?.path == "/tif/sso/connect/page/oauth2/authorize")
        #expect(guangdong.token?.path == "/tif/sso/connect/page/oauth2/access_token")
        #expect(try LoginProfile.builtIn("guangdong-pscp").userInfo?.path == "/pscp/sso/connect/page/oauth2/tokeninfo")
        #expect(throws: LoginError.self) { try LoginProfile.builtIn("atlantis") }
        #expect(throws: LoginError.self) { try LoginProfile(json: Data("{\"name\":\"x\"}".utf8)) }
        let incomplete = Data(
            #"{"name":"x","protocol":"oauth2","principal":{"source":"userInfo","kind":{"field":"t","naturalPerson":[],"legalPerson":[]},"naturalPersonIdentifier":"a","legalPersonIdentifier":"b"}}"#
                .utf8)
        #expect(throws: LoginError.self) { try LoginProfile(json: incomplete) }
    }

    @Test func principalMappingRefusesBadNumbers() throws {
        let mapper = PrincipalMapper(mapping: try LoginProfile.builtIn("guangdong").principal)
        let good = try mapper.principal(
            from: ["usertype": "1", "idcardnumber": "11010519491231002X", "uid": "u"], subject: nil)
        #expect(good.kind == .naturalPerson)
        do {
            _ = try mapper.principal(
                from: ["usertype": "1", "idcardnumber": "110105194912310021", "uid": "u"], subject: nil)
            Issue.record("a wrong check character must be refused")
        } catch {
            #expect(error.code == "login.invalid_principal")
            #expect(!error.description.contains("110105194912310021"))  // masked
        }
        #expect(throws: LoginError.self) { try mapper.principal(from: ["usertype": "9", "uid": "u"], subject: nil) }
        #expect(throws: LoginError.self) {
            try mapper.principal(from: ["usertype": "2", "creditcode": "91110000600037341N", "uid": "u"], subject: nil)
        }
    }
}
