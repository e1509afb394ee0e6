import Foundation
import Testing
import ZWKitTestSupport

/// Parses each stdout line of a `--json` run.
func jsonLines(_ result: ProcessResult) throws -> [[String: Any]] {
    try result.stdoutText.split(separator: "\n").map { line in
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}

@Suite struct IDCommandTests {
    @Test func validArgumentExitsZeroWithADescription() throws {
        let result = try Processes.zwkit(["id", "check", "11010519491231002X"])
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        #expect(result.stdoutText.contains("北京市朝阳区"))
        #expect(result.stdoutText.contains("1949-12-31"))
    }

    @Test func invalidArgumentExitsOneNamingTheRule() throws {
        let result = try Processes.zwkit(["id", "check", "110105194912310021"])
        #expect(result.status == 1)
        #expect(result.stdoutText.contains("check_character"))
        #expect(result.stdoutText.contains("should be X"))
        #expect(result.stdoutText.contains("校验码错误"))
    }

    @Test func jsonLinesFromStandardInput() throws {
        let input = "11010519491231002X\n\n110105194912310021\r\n150102880730303\nnot-a-number\n932682198501010017"
        let result = try Processes.zwkit(["id", "check", "--json"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        let objects = try jsonLines(result)
        try #require(objects.count == 5)
        #expect(objects[0]["valid"] as? Bool == true)
        #expect(objects[0]["division_name"] as? String == "朝阳区")
        #expect(objects[0]["birth_date"] as? String == "1949-12-31")
        #expect(objects[0]["sex"] as? String == "female")
        #expect(objects[1]["valid"] as? Bool == false)
        #expect(objects[1]["error"] as? String == "citizenid.check_character")
        #expect(objects[1]["line"] as? Int == 3)
        #expect(objects[2]["converted"] as? String == "150102198807303035")
        #expect(objects[3]["error"] as? String == "citizenid.length")
        #expect(objects[4]["kind"] as? String == "foreign_permanent_residence_id")
        #expect(
            result.stderrText.contains(
                "checked 5: 3 valid, 2 invalid (citizenid.check_character: 1, citizenid.length: 1)"))
    }

    @Test func jsonStaysValidForAnyInputBytes() throws {
        var input = Data("a\"b\\c\t\u{01}".utf8)
        input.append(contentsOf: [0xFF, 0xC3, 0x28])
        input.append(Data("中\n".utf8))
        let result = try Processes.zwkit(["id", "check", "--json"], stdin: input)
        #expect(result.status == 1)
        let objects = try jsonLines(result)
        #expect(objects.count == 1)
        #expect((objects.first?["input"] as? String)?.hasPrefix("a\"b\\c\t\u{01}") == true)
        #expect(objects.first?["error"] as? String == "citizenid.character")
    }

    @Test func textModeListsOnlyProblemsWithLineNumbers() throws {
        let input = "11010519491231002X\n11010519490230002X\n"
        let result = try Processes.zwkit(["id", "check"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        let lines = result.stdoutText.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("line 2: 11010519490230002X: citizenid.check_character") == true)
    }

    @Test func strictAndLenientRegionPolicies() throws {
        // 密云区 (110118) dates from 2015; a 2010 birth with it fails only the strict rule.
        let number = "110118201001010020"
        let lenient = try Processes.zwkit(["id", "check", "--json", number])
        #expect(lenient.status == 0, "stdout: \(lenient.stdoutText)")
        // Lenient (the default) accepts it and names the departure.
        let accepted = try #require(try jsonLines(lenient).first)
        #expect(accepted["valid"] as? Bool == true)
        #expect(accepted["notice"] as? String == "citizenid.region_not_valid_in_year")
        #expect(accepted["division_name"] as? String == "密云区")
        #expect(lenient.stderrText.contains("1 accepted with a notice"))
        #expect(try Processes.zwkit(["id", "check", "--lenient", number]).status == 0)
        let strict = try Processes.zwkit(["id", "check", "--strict", number])
        #expect(strict.status == 1)
        #expect(strict.stdoutText.contains("citizenid.region_not_valid_in_year"))
        #expect(strict.stdoutText.contains("2015–"))
    }

    @Test func csvColumnWithHeader() throws {
        let input = "name,id,note\n\"Li, Lei\",11010519491231002X,x\nWang,110105194912310021,y\n"
        let result = try Processes.zwkit(
            ["id", "check", "--column", "2", "--header", "--json"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        let objects = try jsonLines(result)
        #expect(objects.map { $0["input"] as? String } == ["11010519491231002X", "110105194912310021"])
        #expect(objects.map { $0["valid"] as? Bool } == [true, false])
    }

    @Test func readsAFileAndRejectsBadUsage() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let file = directory.appendingPathComponent("ids.txt")
        try Data("11010519491231002X\n".utf8).write(to: file)
        #expect(try Processes.zwkit(["id", "check", "--input", file.path]).status == 0)
        #expect(
            try Processes.zwkit(["id", "check", "--input", directory.appendingPathComponent("none").path]).status == 2)
        #expect(try Processes.zwkit(["id", "check", "--column", "0"], stdin: Data()).status == 2)
    }

    @Test func overlongLinesAreCountedNotFatal() throws {
        var input = Data(repeating: UInt8(ascii: "1"), count: 3 << 20)
        input.append(Data("\n11010519491231002X\n".utf8))
        let result = try Processes.zwkit(["id", "check"], stdin: input)
        #expect(result.status == 1)
        #expect(result.stderrText.contains("line_too_long: 1"))
        #expect(result.stderrText.contains("1 valid"))
    }

    @Test func convertPrintsEighteenCharacterNumbers() throws {
        let result = try Processes.zwkit(
            ["id", "convert"], stdin: Data("150102880730303\n11010519491231002X\n150102880230303\n".utf8))
        #expect(result.status == 1)
        #expect(result.stdoutText == "150102198807303035\n11010519491231002X\n")
        #expect(result.stderrText.contains("birth_date_impossible"))
        let single = try Processes.zwkit(["id", "convert", "150102880730303"])
        #expect(single.status == 0)
        #expect(single.stdoutText == "150102198807303035\n")
    }
}
