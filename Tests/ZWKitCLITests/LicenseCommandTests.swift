import Foundation
import Testing
import ZWKitTestSupport

/// `zwkit license types|template|id check|status`, run as the built binary.
@Suite("zwkit license")
struct LicenseCommandTests {
    static let real = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U"
    static let wrong = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.V"

    @Test func typesListsTheCatalogue() throws {
        let text = try Processes.zwkit(["license", "types"])
        #expect(text.status == 0)
        for name in ["居民身份证", "居住证", "营业执照", "机动车驾驶证", "出生医学证明", "社会保障卡", "不动产权证书"] {
            #expect(text.stdoutText.contains(name))
        }
        let json = try Processes.zwkit(["license", "types", "--json"])
        let object = try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any]
        let types = object?["types"] as? [[String: Any]]
        #expect(types?.count == 7)
        #expect(types?.first?["code"] as? String == "11100000000013127D001")
    }

    @Test func templatePrintsTheDataJSONAndRefusesUnknownTypes() throws {
        let result = try Processes.zwkit(["license", "template", "--type", "11100000MB0143028R001"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        #expect(object?["CZZTDMLXDM"] as? String == "001")
        #expect((object?["ZMXX"] as? [String: String])?["KZ_MC"] != nil)
        let unknown = try Processes.zwkit(["license", "template", "--type", "11100000MB0143028R999"])
        #expect(unknown.status == 2)
        #expect(unknown.stderrText.contains("not in the catalogue"))
    }

    @Test func idCheckNamesTheExpectedCheckCharacter() throws {
        let good = try Processes.zwkit(["license", "id", "check", Self.real])
        #expect(good.status == 0)
        let bad = try Processes.zwkit(["license", "id", "check", Self.real, Self.wrong])
        #expect(bad.status == 1)
        #expect(bad.stdoutText.contains("should be U"))
        let bulk = try Processes.zwkit(
            ["license", "id", "check", "--json"], stdin: Data((Self.real + "\n" + Self.wrong + "\n").utf8))
        let lines = bulk.stdoutText.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains("\"error\":\"licenceid.check_character\""))
        #expect(bulk.status == 1)
    }

    @Test func statusIssueAndShow() throws {
        let pki = try OpenSSLPKI(sm2Leaves: ["issuer"])
        defer { pki.cleanUp() }
        let issue = try Processes.zwkit([
            "license", "status", "issue", "--key", pki.path("issuer.key"), "--cert", pki.path("issuer.pem"),
            "--entry", "\(Self.real)=07", "--next-update", "2099-01-01", "-o", pki.path("list.der"),
        ])
        #expect(issue.status == 0, "\(issue.stderrText)")
        let show = try Processes.zwkit(["license", "status", "show", pki.path("list.der"), "--json"])
        #expect(show.status == 0)
        let object = try JSONSerialization.jsonObject(with: show.stdout) as? [String: Any]
        #expect(object?["signatureVerifies"] as? Bool == true)
        #expect(object?["issuerCode"] as? String == "11430000006122244L")
        let entries = object?["entries"] as? [[String: Any]]
        #expect(entries?.first?["status"] as? String == "07")
        let badEntry = try Processes.zwkit([
            "license", "status", "issue", "--key", pki.path("issuer.key"), "--cert", pki.path("issuer.pem"),
            "--entry", "\(Self.wrong)=07", "-o", pki.path("x.der"),
        ])
        #expect(badEntry.status == 2)
        #expect(badEntry.stderrText.contains("should be U"))
        let badCode = try Processes.zwkit([
            "license", "status", "issue", "--key", pki.path("issuer.key"), "--cert", pki.path("issuer.pem"),
            "--entry", "\(Self.real)=08", "-o", pki.path("x.der"),
        ])
        #expect(badCode.status == 2)
        let unreadable = try Processes.zwkit(["license", "status", "show", pki.path("issuer.pem")])
        #expect(unreadable.status == 2)
    }

    /// issue → verify (with and without trust, integrity-only) → show → annotate → revoke.
    @Test func issueVerifyAnnotateAndRevoke() throws {
        let pki = try OpenSSLPKI(sm2Leaves: ["maker", "issuer"])
        defer { pki.cleanUp() }
        func zwkit(_ arguments: [String]) throws -> ProcessResult { try Processes.zwkit(arguments) }
        try Data(Fixtures.tinyPNG).write(to: pki.directory.appendingPathComponent("seal.png"))
        let seal = try zwkit([
            "seal", "make", "--name", "示例发证机关", "--type", "1", "--maker-key", pki.path("maker.key"), "--maker-cert",
            pki.path("maker.pem"), "--signer-cert", pki.path("issuer.pem"), "--picture", pki.path("seal.png"),
            "--width",
            "40", "--height", "40", "--valid-days", "30", "-o", pki.path("seal.esl"),
        ])
        #expect(seal.status == 0, "\(seal.stderrText)")
        let template = try zwkit(["license", "template", "--type", "11100000000013127D001"])
        try template.stdout.write(to: pki.directory.appendingPathComponent("id.json"))
        let signing = [
            "--seal", pki.path("seal.esl"), "--key", pki.path("issuer.key"), "--cert", pki.path("issuer.pem"),
        ]
        let issue = try zwkit(
            ["license", "issue", "--type", "11100000000013127D001", "--data", pki.path("id.json")] + signing + [
                "-o", pki.path("id.ofd"),
            ])
        #expect(issue.status == 0, "\(issue.stderrText)")
        let bare = try zwkit(["license", "verify", pki.path("id.ofd")])
        #expect(bare.status == 1)
        #expect(bare.stdoutText.contains("未验证信任链"))
        #expect(try zwkit(["license", "verify", pki.path("id.ofd"), "--integrity-only"]).status == 0)
        let trusted = try zwkit(["license", "verify", pki.path("id.ofd"), "--trust", pki.path("ca.pem"), "--json"])
        #expect(trusted.status == 0, "\(trusted.stdoutText)")
        let object = try JSONSerialization.jsonObject(with: trusted.stdout) as? [String: Any]
        #expect(object?["trust"] as? String == "trusted")
        #expect(object?["verdict"] as? String == "trusted")
        let identifier = try #require(object?["identifier"] as? String)
        let show = try zwkit(["license", "show", pki.path("id.ofd")])
        #expect(show.status == 0)
        #expect(show.stdoutText.contains("公民身份号码 (KZ_GMSFHM): 11010519491231002X"))
        let annotate = try zwkit(
            ["license", "annotate", pki.path("id.ofd"), "--purpose", "仅供办理入学", "--expires", "2099-01-01"] + signing
                + ["--trust", pki.path("ca.pem"), "-o", pki.path("copy.ofd")])
        #expect(annotate.status == 0, "\(annotate.stderrText)")
        let copy = try zwkit(["license", "verify", pki.path("copy.ofd"), "--trust", pki.path("ca.pem")])
        #expect(copy.status == 0)
        #expect(copy.stdoutText.contains("仅供办理入学"))
        let list = try zwkit(
            [
                "license", "status", "issue", "--key", pki.path("issuer.key"), "--cert", pki.path("issuer.pem"),
                "--entry",
                "\(identifier)=03", "-o", pki.path("list.der"),
            ])
        #expect(list.status == 0)
        let revoked = try zwkit(
            ["license", "verify", pki.path("id.ofd"), "--trust", pki.path("ca.pem"), "--status", pki.path("list.der")])
        #expect(revoked.status == 1)
        #expect(revoked.stdoutText.contains("INVALID (验证失败): status"))
        let stale = try zwkit(
            [
                "license", "verify", pki.path("id.ofd"), "--trust", pki.path("ca.pem"), "--status",
                pki.path("list.der"),
                "--at", "2099-01-01",
            ])
        #expect(stale.status == 1)
        #expect(stale.stdoutText.contains("statusListFreshness"))
        #expect(try zwkit(["license", "verify", pki.path("id.json")]).status == 2)
        #expect(try zwkit(["license", "show", pki.path("missing.ofd")]).status == 2)
        // Data a verifier would reject is not issued: exit 1, the failing check named.
        let json = String(decoding: template.stdout, as: UTF8.self).replacingOccurrences(
            of: "\"CZZTDM\": \"11010519491231002X\"", with: "\"CZZTDM\": \"110105194912310021\"")
        try Data(json.utf8).write(to: pki.directory.appendingPathComponent("bad.json"))
        let refused = try zwkit(
            ["license", "issue", "--type", "11100000000013127D001", "--data", pki.path("bad.json")] + signing + [
                "-o", pki.path("bad.ofd"),
            ])
        #expect(refused.status == 1)
        #expect(refused.stderrText.contains("holderCode"))
        #expect(!FileManager.default.fileExists(atPath: pki.path("bad.ofd")))
    }
}
