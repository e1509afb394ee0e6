import Foundation
import Testing
import UnifiedIdentity
import UnifiedLogin
import ZWKitTestSupport

/// UnifiedLogin against an OpenID Connect provider it did not grow up with: authlib's
/// (Tests/Scripts/authlib-oidc-provider.py), which requires PKCE S256 and a nonce and signs
/// ES256 ID tokens with a key of its own JWKS.
@Suite(.serialized) struct AuthlibProviderTests {
    static func withProvider(_ body: (URL, String) async throws -> Void) async throws {
        guard try Processes.pythonHas(["authlib", "flask"]) else { return }
        let python = try #require(Processes.which("python3"))
        let script = Fixtures.packageRoot.appendingPathComponent("Tests/Scripts/authlib-oidc-provider.py").path
        let port = try LivePlatform.freePort()
        let redirect = "http://127.0.0.1:\(try LivePlatform.freePort())/callback"
        let base = "http://127.0.0.1:\(port)"
        let provider = try await PlatformProcess.launch(
            python, [script, "\(port)", redirect], readiness: base + "/.well-known/openid-configuration", base: base,
            lifetime: 120)
        defer { provider.stop() }
        try await body(URL(string: base)!, redirect)
    }

    static func client(_ issuer: URL, _ redirect: String, _ authentication: ClientAuthentication) throws
        -> LoginClient
    {
        try LoginClient(
            configuration: LoginConfiguration(
                platform: issuer, clientID: "rp-client", authentication: authentication, redirectURI: redirect,
                profile: try LoginProfile.builtIn("oidc")))
    }

    @Test(arguments: [ClientAuthentication.clientSecretBasic("rp-secret"), .clientSecretPost("rp-secret")])
    func codeFlowWithPKCEGivesAVerifiedPrincipal(_ authentication: ClientAuthentication) async throws {
        try await Self.withProvider { issuer, redirect in
            let client = try Self.client(issuer, redirect, authentication)
            defer { Task { try? await client.shutdown() } }
            let request = try await client.begin(loginHint: "citizen-1")
            let query = URLComponents(url: request.authorizationURL, resolvingAgainstBaseURL: false)?.queryItems ?? []
            #expect(query.contains { $0.name == "code_challenge_method" && $0.value == "S256" })
            let callback = try await Browser.callback(for: request.authorizationURL)
            let result = try await client.complete(callback: callback)
            #expect(result.idToken?.algorithm == .es256)
            #expect(result.idToken?.keyID.hasPrefix("authlib-es256-") == true)
            #expect(result.principal.subject == "authlib-citizen-1")
            #expect(result.principal.assuranceLevel == .strongVerification)
            guard case .naturalPerson(let id) = result.principal.identity else {
                Issue.record("not a natural person: \(result.principal)")
                return
            }
            #expect(id.compactForm == "11010519491231002X")

            // The same callback again: its state was used up.
            await #expect(throws: LoginError.stateMismatch) { try await client.complete(callback: callback) }
        }
    }

    @Test func legalPersonAndRefusals() async throws {
        try await Self.withProvider { issuer, redirect in
            let client = try Self.client(issuer, redirect, .clientSecretBasic("rp-secret"))
            defer { Task { try? await client.shutdown() } }
            let request = try await client.begin(loginHint: "company-1")
            let result = try await client.complete(callback: try await Browser.callback(for: request.authorizationURL))
            #expect(result.principal.identifier == "91110000600037341L")
            #expect(result.principal.kind == .legalPerson)

            // authlib refuses a wrong client secret; UnifiedLogin reports the refusal, typed.
            let wrong = try Self.client(issuer, redirect, .clientSecretBasic("not-the-secret"))
            defer { Task { try? await wrong.shutdown() } }
            let refused = try await wrong.begin(loginHint: "citizen-1")
            await #expect {
                try await wrong.complete(callback: try await Browser.callback(for: refused.authorizationURL))
            } throws: { error in
                guard case LoginError.platformRefused(let code, _) = error else { return false }
                return code == "invalid_client"
            }

            // A callback whose code belongs to another login of the same client: the state of
            // the second login with the first's code is answered by the provider as invalid.
            let first = try await client.begin(loginHint: "citizen-1")
            let second = try await client.begin(loginHint: "citizen-1")
            let firstCallback = try await Browser.callback(for: first.authorizationURL)
            let code =
                URLComponents(url: firstCallback, resolvingAgainstBaseURL: false)?.queryItems?
                .first { $0.name == "code" }?.value ?? ""
            let spliced = try #require(URL(string: "\(redirect)?code=\(code)&state=\(second.state)"))
            // PKCE: the second login's verifier does not match the first's challenge.
            await #expect(throws: LoginError.self) { try await client.complete(callback: spliced) }
        }
    }
}
