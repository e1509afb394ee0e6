import Foundation
import Testing
import ZWKitTestSupport

@Suite struct USCCCommandTests {
    @Test func validAndInvalidCodes() throws {
        let valid = try Processes.zwkit(["uscc", "check", "91110000600037341L"])
        #expect(valid.status == 0)
        #expect(valid.stdoutText.contains("工商/企业"))
        let invalid = try Processes.zwkit(["uscc", "check", "91110000600037341N"])
        #expect(invalid.status == 1)
        #expect(invalid.stdoutText.contains("creditcode.check_character"))
    }

    @Test func jsonCarriesTheParts() throws {
        let result = try Processes.zwkit(
            ["uscc", "check", "--json"], stdin: Data("91110000600037341L\nB1110000600037341J\n".utf8))
        #expect(result.status == 1)
        let objects = try jsonLines(result)
        try #require(objects.count == 2)
        #expect(objects[0]["authority_name"] as? String == "工商")
        #expect(objects[0]["category_name"] as? String == "企业")
        #expect(objects[0]["division_code"] as? String == "110000")
        #expect(objects[0]["organization_code"] as? String == "60003734-1")
        #expect(objects[1]["error"] as? String == "creditcode.unknown_authority")
    }

    @Test func lenientModeReportsLegacyCodes() throws {
        let legacy = "91350211M00013FA1N"
        #expect(try Processes.zwkit(["uscc", "check", legacy]).status == 1)
        let lenient = try Processes.zwkit(["uscc", "check", "--lenient", "--json", legacy])
        #expect(lenient.status == 0)
        let objects = try jsonLines(lenient)
        #expect(objects.first?["notice"] as? String == "creditcode.legacy_xiamen_pilot")
        #expect(lenient.stderrText.contains("1 accepted with a notice"))
        // In text mode a legacy code from input is listed, never passed silently.
        let text = try Processes.zwkit(["uscc", "check", "--lenient"], stdin: Data((legacy + "\n").utf8))
        #expect(text.status == 0)
        #expect(text.stdoutText.contains("legacy_xiamen_pilot"))
    }
}
