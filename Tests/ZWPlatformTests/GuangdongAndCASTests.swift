import Foundation
import Testing

@testable import ZWPlatform

@Suite struct GuangdongAndCASTests {
    @Test(arguments: ["/tif", "/pscp"])
    func guangdongShapes(_ prefix: String) async throws {
        try await Harness.withPlatform(.sqliteMemory) { client, _ in
            let base = prefix + "/sso/connect/page/oauth2"
            let authorize = try await client.get(
                base + "/authorize?service=initService&response_type=code&client_id=demo-client&scope=all&redirect_uri="
                    + FormCoding.encode(OAuthFixtures.redirect) + "&state=gd-1&login_hint=citizen-1")
            #expect(authorize.status == .found)
            #expect(authorize.redirectParameters["state"] == "gd-1")
            let code = try #require(authorize.redirectParameters["code"])

            let tokenURI =
                base + "/access_token?"
                + FormCoding.encode([
                    ("client_id", "demo-client"), ("client_secret", "demo-secret"), ("code", code), ("scope", "all"),
                    ("redirect_uri", OAuthFixtures.redirect), ("grant_type", "authorization_code"),
                ])
            let token = try await client.get(tokenURI)
            #expect(token.status == .ok)
            let access = try #require(token.json["access_token"] as? String)
            #expect(token.json["id_token"] == nil)

            let info = try await client.get(base + "/tokeninfo?access_token=" + FormCoding.encode(access))
            #expect(info.json["errcode"] as? Int == 0)
            let user = try #require(info.json["userobj"] as? [String: Any])
            #expect(user["uid"] as? String == "citizen-1")
            #expect(user["cn"] as? String == "张三")
            #expect(user["idcardnumber"] as? String == "11010519491231002X")
            #expect(user["idcardtype"] as? String == "111")
            #expect(user["mail"] as? String == "zhangsan@example.gov.cn")
            #expect(user["telephonenumber"] as? String == "13800000000")
            #expect(user["sex"] as? String == "2")

            // Single use in this shape too, and the replay revokes what the code issued (RFC 6749 §4.1.2).
            #expect(try await client.get(tokenURI).json["errcode"] as? Int == 40002)
            let afterReplay = try await client.get(base + "/tokeninfo?access_token=" + FormCoding.encode(access))
            #expect((afterReplay.json["errcode"] as? Int ?? 0) != 0)
            #expect(afterReplay.json["userobj"] == nil)

            let bad = try await client.get(base + "/tokeninfo?access_token=nonsense")
            #expect(bad.status == .ok)
            #expect((bad.json["errcode"] as? Int ?? 0) != 0)
            #expect(bad.json["userobj"] == nil)

            // A Guangdong code is not an OpenID Connect code, and a wrong secret is refused.
            let code2 = try #require(
                try await client.get(
                    base
                        + "/authorize?service=initService&response_type=code&client_id=demo-client&scope=all&redirect_uri="
                        + FormCoding.encode(OAuthFixtures.redirect) + "&login_hint=company-1"
                ).redirectParameters["code"])
            let wrongSecret = try await client.get(
                base + "/access_token?"
                    + FormCoding.encode([
                        ("client_id", "demo-client"), ("client_secret", "nope"), ("code", code2), ("scope", "all"),
                        ("redirect_uri", OAuthFixtures.redirect), ("grant_type", "authorization_code"),
                    ]))
            #expect(wrongSecret.json["errcode"] as? Int == 40001)
        }
    }

    @Test func casTickets() async throws {
        try await Harness.withPlatform(.sqliteMemory) { client, _ in
            let service = "http://127.0.0.1:9999/cas-callback"
            let login = try await client.get(
                "/cas/login?service=" + FormCoding.encode(service) + "&login_hint=company-1")
            #expect(login.status == .found)
            let ticket = try #require(login.redirectParameters["ticket"])
            #expect(ticket.hasPrefix("ST-"))
            let validate =
                "/cas/p3/serviceValidate?format=JSON&service=" + FormCoding.encode(service) + "&ticket=" + ticket
            let answer = try await client.get(validate)
            let success = try #require(
                (answer.json["serviceResponse"] as? [String: Any])?["authenticationSuccess"] as? [String: Any])
            #expect(success["user"] as? String == "company-1")
            #expect((success["attributes"] as? [String: Any])?["creditcode"] as? String == "91110000600037341L")
            let replay = try await client.get(validate)
            #expect(replay.body.contains("INVALID_TICKET"))

            let xmlTicket = try #require(
                try await client.get("/cas/login?service=" + FormCoding.encode(service) + "&login_hint=citizen-1")
                    .redirectParameters["ticket"])
            let xml = try await client.get(
                "/cas/serviceValidate?service=" + FormCoding.encode(service + "/other") + "&ticket=" + xmlTicket)
            #expect(xml.body.contains("INVALID_SERVICE"))
            #expect(
                try await client.get("/cas/login?service=" + FormCoding.encode("https://evil.example/")).status
                    == .badRequest)
        }
    }
}
