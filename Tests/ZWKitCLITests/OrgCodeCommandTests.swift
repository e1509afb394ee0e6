import Foundation
import Testing
import ZWKitTestSupport

@Suite struct OrgCodeCommandTests {
    @Test func validAndInvalidCodes() throws {
        #expect(try Processes.zwkit(["orgcode", "check", "D2143569-X", "MA1FL0LY9"]).status == 0)
        let invalid = try Processes.zwkit(["orgcode", "check", "--json", "D21435691"])
        #expect(invalid.status == 1)
        let objects = try jsonLines(invalid)
        #expect(objects.first?["error"] as? String == "orgcode.check_character")
        #expect((objects.first?["message"] as? String)?.contains("should be X") == true)
    }
}
