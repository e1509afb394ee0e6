import Foundation
import Testing
import ZWKitTestSupport
import ZWPlatform

/// An independent OAuth 2.0 / OpenID Connect client, Python authlib, completes the code flow
/// with PKCE against zwplatform, and joserfc verifies the ES256 ID token with the published JWKS.
@Suite struct AuthlibInteropTests {
    static let client = #"""
        import json, sys
        import requests
        from authlib.integrations.requests_client import OAuth2Session
        from authlib.common.security import generate_token
        from joserfc import jwt
        from joserfc.jwk import KeySet

        issuer = sys.argv[1]
        meta = requests.get(issuer + "/.well-known/openid-configuration", timeout=10).json()
        session = OAuth2Session("demo-client", "demo-secret", scope="openid profile",
                                redirect_uri="http://127.0.0.1:9/callback", code_challenge_method="S256")
        verifier = generate_token(64)
        nonce = generate_token(20)
        uri, state = session.create_authorization_url(meta["authorization_endpoint"], code_verifier=verifier,
                                                      nonce=nonce, login_hint="citizen-1")
        redirect = requests.get(uri, allow_redirects=False, timeout=10)
        assert redirect.status_code == 302, redirect.text
        callback = redirect.headers["Location"]
        token = session.fetch_token(meta["token_endpoint"], authorization_response=callback, state=state,
                                    code_verifier=verifier)
        # joserfc knows no SM2 curve: an ES256 client keeps the keys it can use.
        published = requests.get(meta["jwks_uri"], timeout=10).json()["keys"]
        keys = KeySet.import_key_set({"keys": [k for k in published if k.get("crv") != "SM2"]})
        decoded = jwt.decode(token["id_token"], keys, algorithms=["ES256"])
        jwt.JWTClaimsRegistry(iss={"essential": True, "value": issuer}, aud={"essential": True, "value": "demo-client"},
                              nonce={"essential": True, "value": nonce}).validate(decoded.claims)
        userinfo = session.get(meta["userinfo_endpoint"], timeout=10).json()
        # The same code again: refused.
        again = requests.post(meta["token_endpoint"], auth=("demo-client", "demo-secret"), timeout=10, data={
            "grant_type": "authorization_code", "redirect_uri": "http://127.0.0.1:9/callback",
            "code": dict(p.split("=", 1) for p in callback.split("?", 1)[1].split("&"))["code"],
            "code_verifier": verifier})
        # The replay revokes the tokens the code issued (RFC 6749 §4.1.2).
        after = session.get(meta["userinfo_endpoint"], timeout=10)
        print(json.dumps({"alg": decoded.header["alg"], "holder_id": decoded.claims["holder_id"],
                          "userinfo_holder": userinfo["holder_id"], "replay_status": again.status_code,
                          "replay_error": again.json().get("error"), "userinfo_after_replay": after.status_code}))
        """#

    @Test func authlibCompletesTheCodeFlowWithPKCE() async throws {
        guard try Processes.pythonHas(["authlib", "joserfc", "requests"]) else { return }
        try await LivePlatform.with { base, _ in
            let result = try await AsyncProcesses.python(Self.client, [base.absoluteString])
            #expect(result.status == 0, "\(result.stderrText)")
            let answer = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any] ?? [:]
            #expect(answer["alg"] as? String == "ES256")
            #expect(answer["holder_id"] as? String == "11010519491231002X")
            #expect(answer["userinfo_holder"] as? String == "11010519491231002X")
            #expect(answer["replay_status"] as? Int == 400)
            #expect(answer["replay_error"] as? String == "invalid_grant")
            #expect(answer["userinfo_after_replay"] as? Int == 401)
        }
    }
}

/// The guide's example runs: platform, login, verified principal, department session.
@Test func guideExampleRuns() async throws {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
        executable, executable.deletingLastPathComponent(),
        executable.deletingLastPathComponent().deletingLastPathComponent(),
    ]
    .map { $0.appendingPathComponent("UnifiedLoginExample").path }
    guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        Issue.record("UnifiedLoginExample is not built next to the tests (\(candidates))")
        return
    }
    let result = try await AsyncProcesses.run(path, ["\(try LivePlatform.freePort())"])
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stdoutText.contains("signed in: 自然人 110***********002X"))
    #expect(!result.stdoutText.contains("11010519491231002X"))
    #expect(result.stdoutText.contains("department session for dept-social-security"))
}
