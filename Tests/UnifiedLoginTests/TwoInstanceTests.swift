import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
import ZWKitTestSupport

/// Two `zwplatform` processes on two loopback ports over one PostgreSQL: one platform. A code
/// issued by one is redeemed once at the other and refused the second time anywhere, and the
/// replay revokes what the code issued at both, however close behind the first redemption it
/// comes; a token revoked at one is inactive at the other.
@Suite struct TwoInstanceTests {
    @Test func twoInstancesShareOnePostgreSQL() async throws {
        guard let url = ProcessInfo.processInfo.environment["ZWPLATFORM_TEST_POSTGRES"], !url.isEmpty else {
            if Fixtures.isCI { Issue.record("CI must set ZWPLATFORM_TEST_POSTGRES (Scripts/postgres)") }
            print("notice: skipping the two-instance test: ZWPLATFORM_TEST_POSTGRES is not set")
            return
        }
        let first = try LivePlatform.freePort()
        let second = try LivePlatform.freePort()
        let issuer = "http://127.0.0.1:\(first)"
        var processes: [PlatformProcess] = []
        defer { for process in processes { process.stop() } }
        // One after the other: the first creates the tables and keys, the second reads them.
        for port in [first, second] {
            processes.append(
                try await PlatformProcess.start(["--demo", "--database", url, "--issuer", issuer], port: port))
        }
        let a = "http://127.0.0.1:\(first)"
        let b = "http://127.0.0.1:\(second)"
        let redirect = "http://127.0.0.1:9999/callback"
        let basic = [("Authorization", "Basic " + Data("demo-client:demo-secret".utf8).base64EncodedString())]

        // Both instances publish the same keys.
        #expect(try await Browser.get(a + "/jwks").body == (try await Browser.get(b + "/jwks").body))

        /// Signs citizen-1 in at instance `a` and returns the code's redemption form.
        func codeForm() async throws -> String {
            let authorize =
                a + "/authorize?response_type=code&client_id=demo-client&scope=openid&state=s&nonce=n"
                + "&login_hint=citizen-1&redirect_uri=" + FormEncodingForTests.encode(redirect)
            let location = try #require(try await Browser.get(authorize).location)
            let code = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
            return "grant_type=authorization_code&code=\(code)&redirect_uri=" + FormEncodingForTests.encode(redirect)
        }
        func accessToken(_ body: String) throws -> String {
            let tokens = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
            return try #require(tokens["access_token"] as? String)
        }

        // A code issued by one is redeemed once at the other and refused the second time anywhere;
        // the replay revokes what the code issued, at both (RFC 6749 §4.1.2).
        let form = try await codeForm()
        let redeemed = try await Browser.post(b + "/token", form: form, headers: basic)
        #expect(redeemed.status == 200, "\(redeemed.body)")
        let replayedAccess = [("Authorization", "Bearer \(try accessToken(redeemed.body))")]
        #expect(try await Browser.get(a + "/userinfo", headers: replayedAccess).status == 200)
        #expect(try await Browser.post(b + "/token", form: form, headers: basic).status == 400)
        #expect(try await Browser.post(a + "/token", form: form, headers: basic).status == 400)
        #expect(try await Browser.get(a + "/userinfo", headers: replayedAccess).status == 401)
        #expect(try await Browser.get(b + "/userinfo", headers: replayedAccess).status == 401)

        // One code presented 20 times at once at both: one presentation wins, every other is
        // refused as a replay (never as merely unknown), and the winner's token is revoked at both.
        for round in 1...3 {
            let raced = try await codeForm()
            let pages = try await withThrowingTaskGroup(of: Browser.Page.self) { group in
                for index in 0..<20 {
                    let instance = index.isMultiple(of: 2) ? a : b
                    group.addTask { try await Browser.post(instance + "/token", form: raced, headers: basic) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let winners = pages.filter { $0.status == 200 }
            #expect(winners.count == 1, "round \(round): \(winners.count) presentations won")
            for refusal in pages where refusal.status != 200 {
                #expect(refusal.body.contains("every token of its grant is now revoked"), "\(refusal.body)")
            }
            let winner = try #require(winners.first)
            let bearer = [("Authorization", "Bearer \(try accessToken(winner.body))")]
            #expect(try await Browser.get(a + "/userinfo", headers: bearer).status == 401)
            #expect(try await Browser.get(b + "/userinfo", headers: bearer).status == 401)
        }

        // A token revoked at one is inactive at the other.
        let secondLogin = try await Browser.post(a + "/token", form: try await codeForm(), headers: basic)
        #expect(secondLogin.status == 200, "\(secondLogin.body)")
        let access = try accessToken(secondLogin.body)
        let bearer = [("Authorization", "Bearer \(access)")]
        #expect(try await Browser.get(b + "/userinfo", headers: bearer).status == 200)
        #expect(try await Browser.post(a + "/revoke", form: "token=\(access)", headers: basic).status == 200)
        #expect(try await Browser.get(b + "/userinfo", headers: bearer).status == 401)
        let introspection = try await Browser.post(b + "/introspect", form: "token=\(access)", headers: basic)
        #expect(introspection.body.contains("\"active\":false"))
    }
}

enum FormEncodingForTests {
    static func encode(_ value: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

extension Browser {
    static func post(_ url: String, form: String, headers: [(String, String)] = []) async throws -> Page {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: form))
        let response = try await client.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return Page(
            status: Int(response.status.code), location: response.headers.first(name: "Location"),
            body: String(buffer: body))
    }
}
