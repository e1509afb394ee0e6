import Foundation
import Testing
import ZWKitTestSupport

/// `zwkit item parse|check|validate`, run as the built binary.
@Suite struct ItemCommandTests {
    static let guangxi = "11450721MB155808114000104002000"
    static let xinjiangCase = "11650000010183859F265011601300120181228100000001"
    static let xiamenBody = "91350211M00013FA1N4000104002000"
    static let example = Fixtures.specs.appendingPathComponent("service-item/examples/panyu-land-use-permit.json")

    static func jsonLines(_ result: ProcessResult) throws -> [[String: Any]] {
        try result.stdoutText.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func parseShowsEveryPartWithItsName() throws {
        let result = try Processes.zwkit(["item", "parse", Self.guangxi])
        #expect(result.status == 0, "\(result.stderrText)")
        for expected in ["实施编码", "实施主体编码", "11450721MB15580811", "行使层级", "县级", "行政许可", "04002"] {
            #expect(result.stdoutText.contains(expected), "missing \(expected)")
        }
    }

    @Test func parseJSONGivesEveryPartAsAField() throws {
        let result = try Processes.zwkit(["item", "parse", "--json", Self.xinjiangCase])
        #expect(result.status == 0)
        let object = try #require(try Self.jsonLines(result).first)
        #expect(object["kind"] as? String == "caseNumber")
        #expect(object["body_code"] as? String == "11650000010183859F")
        #expect(object["level_name"] as? String == "省级")
        #expect(object["serial"] as? String == "100000001")
    }

    @Test func parsePrintsThePartsOfEveryLineOfInput() throws {
        let input = Data("\(Self.guangxi)\nXK0010\n".utf8)
        let result = try Processes.zwkit(["item", "parse"], stdin: input)
        #expect(result.status == 1)
        #expect(result.stdoutText.contains("24-28  主项 main item: 04002"))
        #expect(result.stdoutText.contains("line 2: XK0010: serviceitem.length"))
    }

    @Test func checkExitsOneWhenAnyCodeIsInvalidAndSaysWhy() throws {
        let result = try Processes.zwkit(["item", "check", "--json", Self.guangxi, "000104002", Self.xiamenBody])
        #expect(result.status == 1)
        let objects = try Self.jsonLines(result)
        #expect(objects.map { $0["valid"] as? Bool } == [true, false, false])
        #expect(objects[0]["level_name"] as? String == "县级")
        #expect(objects[0]["item_type"] as? String == "01")
        #expect(objects[1]["error"] as? String == "serviceitem.length")
        #expect(objects[1]["chineseTerm"] as? String == "编码长度错误")
        #expect(objects[2]["error"] as? String == "serviceitem.invalid_body_code")
        #expect(result.stderrText.contains("checked 3: 1 valid, 2 invalid"))
    }

    /// Every part of every kind has its own JSON field, named in the driver's snake_case.
    @Test func checkJSONNamesEveryPart() throws {
        let result = try Processes.zwkit([
            "item", "check", "--json", Self.xinjiangCase, "114403006939513773344201505200802", "000104002000",
        ])
        #expect(result.status == 0)
        let objects = try Self.jsonLines(result)
        #expect(objects.allSatisfy { $0["part"] == nil })
        #expect(objects[0]["date"] as? String == "20181228")
        #expect(objects[0]["date_text"] as? String == "2018-12-28")
        #expect(objects[0]["serial"] as? String == "100000001")
        #expect(objects[1]["sequence"] as? String == "02")
        #expect(objects[1]["catalogue_origin_name"] as? String == "广东省增补事项")
        #expect(objects[2]["kind"] as? String == "basicCode")
    }

    @Test func lenientCheckAcceptsALegacyBodyCodeAndReportsIt() throws {
        let result = try Processes.zwkit(["item", "check", "--lenient", Self.xiamenBody])
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("accepted leniently"))
        #expect(result.stdoutText.contains("Xiamen"))
    }

    @Test func bulkModeReadsAFileAndStdin() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let list = directory.appendingPathComponent("codes.csv")
        try "事项,实施编码\n节能审查,\(Self.guangxi)\n办件,\(Self.xinjiangCase)\n坏的, 1145\n".write(
            to: list, atomically: true, encoding: .utf8)
        let fromFile = try Processes.zwkit(["item", "check", "--input", list.path, "--column", "2", "--header"])
        #expect(fromFile.status == 1, "\(fromFile.stdoutText) \(fromFile.stderrText)")
        // Only problems are listed for input lines, with their line numbers.
        #expect(
            fromFile.stdoutText.split(separator: "\n") == [
                "line 4: 1145: serviceitem.length: a service-item code must be 12, 31, 33, 43 or 48 characters long, found 4 (编码长度错误)"
            ])
        #expect(fromFile.stderrText.contains("checked 3: 2 valid, 1 invalid"))

        let fromStdin = try Processes.zwkit(
            ["item", "check"], stdin: Data("\(Self.guangxi)\n\n\(Self.xinjiangCase)\n".utf8))
        #expect(fromStdin.status == 0, "\(fromStdin.stdoutText) \(fromStdin.stderrText)")
        #expect(fromStdin.stderrText.contains("checked 2: 2 valid, 0 invalid"))
    }

    @Test func letterTypeCodesNeedTheFlag() throws {
        #expect(try Processes.zwkit(["item", "check", "XK00101001"]).status == 1)
        let accepted = try Processes.zwkit(["item", "parse", "--letter-types", "XK00101001"])
        #expect(try Processes.zwkit(["item", "check", "--letter-types", "XK00101001"]).status == 0)
        #expect(accepted.status == 0)
        #expect(accepted.stdoutText.contains("行政许可"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Processes.zwkit(["item", "parse", "--column", "0"]).status == 2)
        #expect(try Processes.zwkit(["item", "check", "--input", "/nonexistent/codes.txt"]).status == 2)
        #expect(try Processes.zwkit(["item", "validate", "-"], stdin: Data("not json".utf8)).status == 2)
    }

    /// The real Guangdong example validates leniently; strictly, its local item type TC is the
    /// one error, named with its path.
    @Test func validateAcceptsTheGuangdongExampleLeniently() throws {
        let lenient = try Processes.zwkit(["item", "validate", "--lenient", Self.example.path])
        #expect(lenient.status == 0, "\(lenient.stdoutText) \(lenient.stderrText)")
        #expect(lenient.stdoutText.contains("我要办理用地证（社会投资）"))
        #expect(lenient.stdoutText.contains("valid"))
        #expect(lenient.stdoutText.contains("warning: itemType"))
        let strict = try Processes.zwkit(["item", "validate", "--json", Self.example.path])
        #expect(strict.status == 1)
        let issues = try #require(try Self.jsonLines(strict).first?["issues"] as? [[String: Any]])
        #expect(issues.map { $0["code"] as? String } == ["codes.local_item_type"])
        #expect(issues.first?["path"] as? String == "itemType")
    }

    @Test func validateRejectsInconsistentItemsWithPreciseReasons() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.example)) as? [String: Any])
        object["visitsRequired"] = 0
        var noBasic = object
        noBasic.removeValue(forKey: "basicCode")
        let data = try JSONSerialization.data(withJSONObject: [object, noBasic])
        let result = try Processes.zwkit(["item", "validate", "--lenient", "--json", "-"], stdin: data)
        #expect(result.status == 1)
        let reports = try Self.jsonLines(result)
        #expect(reports.count == 2)
        let firstIssues = try #require(reports[0]["issues"] as? [[String: Any]])
        let firstErrors = firstIssues.filter { $0["severity"] as? String == "error" }
        #expect(firstErrors.map { $0["code"] as? String } == ["visits.zero_without_remote_form"])
        #expect(firstErrors.first?["path"] as? String == "handlingForms")
        let secondIssues = try #require(reports[1]["issues"] as? [[String: Any]])
        #expect(secondIssues.first?["code"] as? String == "schema.mismatch")
        #expect(secondIssues.first?["path"] as? String == "basicCode")
    }

    /// A body code that is not a credit code (here a synthetic one: a real body with its check
    /// character changed) is rejected strictly and, leniently, accepted with a notice that
    /// says so in every output form.
    @Test func lenientCheckSaysTheBodyCodeIsNotACreditCode() throws {
        let code = "11440113455413717X444TC12049000"
        let lenient = try Processes.zwkit(["item", "check", "--lenient", "--json", code])
        #expect(lenient.status == 0, "\(lenient.stdoutText) \(lenient.stderrText)")
        let object = try #require(try Self.jsonLines(lenient).first)
        #expect(object["valid"] as? Bool == true)
        #expect(object["notice"] as? String == "serviceitem.invalid_body_code")
        #expect(object["tolerated"] as? String == "serviceitem.invalid_body_code,serviceitem.local_item_type")
        #expect((object["message"] as? String)?.contains("not a valid unified social credit code") == true)
        #expect((object["message"] as? String)?.contains("locally defined type") == true)
        #expect(object["body_code_name"] as? String == "非统一社会信用代码（宽松模式接受）")
        #expect(object["item_type_name"] as? String == "套餐服务")
        let rejected = try Processes.zwkit(["item", "check", "--json", code])
        #expect(rejected.status == 1)
        #expect(try Self.jsonLines(rejected).first?["error"] as? String == "serviceitem.character")
        let text = try Processes.zwkit(["item", "check", "--lenient", code])
        #expect(text.stdoutText.contains("accepted leniently"))
        #expect(text.stdoutText.contains("校验码错误"))
    }

    // MARK: 四川政务服务网 item codes (real codes; sources in Tests/ServiceItemTests/RealCodes.swift)

    /// 学前教育减免保教费查询 of 广安区教育科技和体育局: its organisation code where the credit code goes.
    static let sichuanOrganisationBody = "512B0053300006-511602000000-000-083372204-1-00"
    /// 开办互联网上网服务营业场所 of 广安区公安分局: a credit-code body.
    static let sichuanCreditBody = "511A0900300012-511602000000-000-11511300008778693M-1-00"

    /// Codes with hyphens are read as 四川 item codes without an option, and every part has a field.
    @Test func checkReadsSichuanItemCodesByTheirHyphens() throws {
        let result = try Processes.zwkit(["item", "check", "--json", Self.sichuanCreditBody])
        #expect(result.status == 0, "\(result.stdoutText) \(result.stderrText)")
        let object = try #require(try Self.jsonLines(result).first)
        #expect(object["kind"] as? String == "provincialItemCode")
        #expect(object["scheme"] as? String == "sichuan")
        #expect(object["local_type"] as? String == "1A")
        #expect(object["item_type"] as? String == "01")
        #expect(object["main_item"] as? String == "09003")
        #expect(object["area_code"] as? String == "511602000000")
        #expect(object["area_code_name"] as? String == "四川省广安市广安区（县级）")
        #expect(object["body_code"] as? String == "11511300008778693M")
        #expect(object["body_code_name"] as? String == "统一社会信用代码")
        #expect(object["after_area"] as? String == "000")
        #expect(object["after_body"] as? String == "1")
        #expect(object["last_segment"] as? String == "00")
        #expect(object["tolerated"] == nil)
    }

    /// Strictly, a body that is not a credit code is the embedded-USCC rule; leniently the
    /// code is accepted and every output form says the body is not a credit code.
    @Test func lenientCheckSaysTheSichuanBodyIsNotACreditCode() throws {
        let strict = try Processes.zwkit(["item", "check", "--json", Self.sichuanOrganisationBody])
        #expect(strict.status == 1)
        let rejected = try #require(try Self.jsonLines(strict).first)
        #expect(rejected["error"] as? String == "serviceitem.invalid_body_code")
        #expect(rejected["chineseTerm"] as? String == "实施主体统一社会信用代码错误")
        #expect((rejected["message"] as? String)?.contains("organisation code") == true)
        let lenient = try Processes.zwkit(["item", "check", "--lenient", "--json", Self.sichuanOrganisationBody])
        #expect(lenient.status == 0, "\(lenient.stdoutText) \(lenient.stderrText)")
        let accepted = try #require(try Self.jsonLines(lenient).first)
        #expect(accepted["valid"] as? Bool == true)
        #expect(accepted["notice"] as? String == "serviceitem.invalid_body_code")
        #expect(accepted["tolerated"] as? String == "serviceitem.invalid_body_code")
        #expect(accepted["body_code"] as? String == "083372204")
        #expect(accepted["body_code_name"] as? String == "非统一社会信用代码（宽松模式接受）")
        #expect(accepted["local_type_name"] as? String == "公共服务（国家类型 20）")
        let text = try Processes.zwkit(["item", "parse", "--lenient", Self.sichuanOrganisationBody])
        #expect(text.status == 0)
        #expect(text.stdoutText.contains("33-41  实施主体编码 implementing body code: 083372204  非统一社会信用代码（宽松模式接受）"))
        #expect(text.stdoutText.contains("accepted leniently"))
        #expect(text.stdoutText.contains("区划后分段（含义未确认）"))
    }

    /// Published codes that stop after the body, and a broken area code, fail with their rule.
    @Test func malformedSichuanCodesFailWithTheirRule() throws {
        let input = Data(
            """
            E-000004-001-11511301008778386B
            511A0900300012-51160200000X-000-11511300008778693M-1-00
            511F0045400001-511602000000-000-11511301452259996u-1-00

            """.utf8)
        let result = try Processes.zwkit(["item", "check", "--lenient", "--json"], stdin: input)
        #expect(result.status == 1)
        let objects = try Self.jsonLines(result)
        #expect(
            objects.map { $0["error"] as? String } == [
                "serviceitem.missing_segment", "serviceitem.invalid_part", "serviceitem.character",
            ])
        #expect(
            objects[1]["message"] as? String
                == "area code 区划代码 \"51160200000X\" must be 12 characters, each a digit 0-9")
    }

    /// The catalogue is read an item at a time: what is not one object or an array of objects
    /// is unreadable input (exit 2) with the byte offset where it goes wrong, and the items
    /// before that point are still reported.
    @Test func validateStreamsItemsAndNamesWhereTheStructureBreaks() throws {
        let item = try JSONSerialization.data(
            withJSONObject: try JSONSerialization.jsonObject(with: Data(contentsOf: Self.example)))
        let text = try #require(String(data: item, encoding: .utf8))
        let afterItem = item.count + 1
        let cases: [(String, String, Int32, String)] = [
            ("one item", text, 0, ""),
            ("two items, spaced", " [ \(text) ,\n\(text) ] \n", 0, "2 items validated"),
            ("a UTF-8 byte order mark", "\u{FEFF}" + text, 0, ""),
            ("an empty array", "[ ]", 2, "无事项要素"),
            ("a trailing comma", "[\(text),]", 2, "expected a value at byte offset \(afterItem + 1)"),
            ("a truncated array", "[\(text)", 2, "ends before the JSON value is complete"),
            (
                "text after the array", "[\(text)] x", 2,
                "after the end of the JSON value at byte offset \(afterItem + 2)"
            ),
            ("a missing comma", "[\(text) \(text)]", 2, "expected ',' or ']' after item 0"),
            (
                "a number among the items", "[\(text), 7]", 2,
                "item 1 at byte offset \(afterItem + 2) is not a JSON object"
            ),
            ("an array as an item", "[[\(text)]]", 2, "item 0 at byte offset 1 is not a JSON object"),
            ("a string", "\"item\"", 2, "begins with '\"' at byte offset 0 (事项要素格式错误)"),
            ("words", "not json", 2, "begins with 'n' at byte offset 0"),
            ("a NUL byte", "\u{0}[]", 2, "is not JSON: unexpected byte 0x0 at byte offset 0"),
            ("nothing", " \n", 2, "no value before the end of the file"),
            ("bad JSON inside an item", "[\(text), {\"name\": tru}]", 2, "in item 1, which starts at byte offset"),
            ("braces and brackets in strings", #"[{"name": "a}]\"{[", "x": 1}]"#, 1, ""),
            // The model ignores this key, so the decoder would never read its value: broken
            // JSON there is still unreadable input, not a valid item.
            (
                "a bad escape under an unknown key", String(text.dropLast()) + #", "x": "\q"}"#, 2,
                "Invalid escape sequence"
            ),
            ("a leading zero under an unknown key", String(text.dropLast()) + #", "x": [01]}"#, 2, "leading zero"),
            ("a number no Double holds", String(text.dropLast()) + #", "x": 1e999}"#, 2, "not representable"),
            // What the quick check cannot vouch for goes through the strict parse and, being
            // JSON, is still a valid item.
            (
                "escapes and exponents", String(text.dropLast()) + #", "x": ["\u00e9\ud83d\ude00", 1e300, -0.5e-3]}"#,
                0, ""
            ),
        ]
        for (what, input, status, message) in cases {
            let result = try Processes.zwkit(["item", "validate", "--lenient", "-"], stdin: Data(input.utf8))
            #expect(result.status == status, "\(what): \(result.stderrText)")
            #expect(message.isEmpty || result.stderrText.contains(message), "\(what): \(result.stderrText)")
            if status == 2 { #expect(result.stderrText.contains("standard input"), "\(what)") }
        }
        // Reports of the items before the break come out before the refusal.
        let partial = try Processes.zwkit(
            ["item", "validate", "--lenient", "--json", "-"], stdin: Data("[\(text), \(text), 7]".utf8))
        #expect(partial.status == 2)
        #expect(try Self.jsonLines(partial).map { $0["index"] as? Int } == [0, 1])

        // One item larger than the per-item limit stops there, before more is read (from a
        // file: the command stops reading a pipe, which would end the test with SIGPIPE).
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let file = directory.appendingPathComponent("huge.json")
        let padding = String(repeating: " ", count: 5 << 20)
        try Data("[\(text), {\"name\": \"x\"\(padding)}]".utf8).write(to: file)
        let huge = try Processes.zwkit(["item", "validate", "--lenient", file.path])
        #expect(huge.status == 2)
        #expect(huge.stderrText.contains("item 1 at byte offset \(afterItem + 2) is larger than the 4 MiB"))
    }
}
