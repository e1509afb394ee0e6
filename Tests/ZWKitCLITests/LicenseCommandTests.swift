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
}
