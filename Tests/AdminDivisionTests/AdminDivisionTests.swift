import AdminDivision
import Foundation
import Testing
import ZWKitTestSupport

@Suite struct DivisionLookupTests {
    @Test func looksUpACurrentCounty() throws {
        let nanshan = try Division("440305")
        #expect(nanshan.name == "南山区")
        #expect(nanshan.level == .county)
        #expect(nanshan.isCurrent)
        #expect(nanshan.parent?.code.description == "440300")
        #expect(nanshan.parent?.name == "深圳市")
        #expect(nanshan.parent?.parent?.name == "广东省")
        #expect(nanshan.fullName(in: 2020) == "广东省深圳市南山区")
    }

    @Test func retiredCodeKeepsItsYears() throws {
        let chongwen = try Division("110103")
        #expect(chongwen.name == "崇文区")
        #expect(!chongwen.isCurrent)
        #expect(chongwen.periods == [DivisionPeriod(name: "崇文区", firstYear: 1980, lastYear: 2010)])
        #expect(Division.exists("110103", in: 2005))
        #expect(!Division.exists("110103", in: 2015))
        // Years before the oldest list are judged by it.
        #expect(Division.exists("110103", in: 1950))
    }

    @Test func reusedCodeKeepsEveryPeriod() throws {
        let jimei = try Division("350211")
        #expect(jimei.periods.map(\.name) == ["郊区", "集美区"])
        #expect(jimei.name(in: 1982) == "郊区")
        #expect(jimei.name(in: 2000) == "集美区")
        let xindu = try Division("130503")
        #expect(xindu.name(in: 2000) == "桥西区")
        #expect(xindu.name == "信都区")
    }

    @Test func codeCreatedLaterIsNotValidBefore() throws {
        let miyun = try Division("110118")
        #expect(miyun.name == "密云区")
        #expect(!miyun.isValid(in: 2010))
        #expect(miyun.isValid(in: 2016))
    }

    @Test func lookupAsOfAYear() throws {
        #expect(try Division("110103", in: 2005).name == "崇文区")
        #expect(try Division("110118", in: 2016).name == "密云区")
        #expect(
            throws: DivisionError.notValidInYear(
                DivisionCode(rawValue: 110_103)!, year: 2015,
                validPeriods: [DivisionPeriod(name: "崇文区", firstYear: 1980, lastYear: 2010)])
        ) {
            try Division("110103", in: 2015)
        }
        do throws(DivisionError) {
            _ = try Division("110118", in: 2014)
            Issue.record("密云区 was accepted in 2014")
        } catch {
            #expect(error.code == "admindivision.not_valid_in_year")
            #expect(error.message.contains("密云区 (2015–)"), "the message names the periods: \(error.message)")
            #expect(error.chineseTerm == "行政区划代码在该年份无效")
        }
    }

    @Test func unknownAndMalformedCodesSayWhy() {
        #expect(throws: DivisionError.unknownCode(DivisionCode(rawValue: 999_999)!)) { try Division("999999") }
        for text in ["11010", "11010x", "1101011", "", "000000"] {
            #expect(throws: DivisionError.malformedCode(text)) { try Division(text) }
        }
        #expect(DivisionCode("000000") == nil)
        #expect(!Division.exists("abcdef", in: 2000))
    }

    @Test func errorCodesAreWellFormedAndUnique() {
        let codes = DivisionError.examples.map(\.code)
        #expect(codes.allSatisfy(ZhengwuKitErrorCode.isWellFormed), "\(codes)")
        #expect(codes.allSatisfy { $0.hasPrefix("admindivision.") })
        #expect(Set(codes).count == codes.count)
    }

    @Test func provincesAndSpecialRegions() throws {
        #expect(try Division("110000").level == .province)
        #expect(try Division("110000").parent == nil)
        #expect(try Division("810000").name == "香港特别行政区")
        #expect(try Division("820000").name == "澳门特别行政区")
        #expect(try Division("710000").name == "台湾省")
        #expect(DivisionCode("440300")?.level == .prefecture)
    }

    @Test func everyRowOfTheCommittedTableIsCompiledIn() throws {
        let tsv = try String(contentsOf: Fixtures.specs.appendingPathComponent("gb2260/divisions.tsv"), encoding: .utf8)
        let rows = tsv.split(separator: "\n").dropFirst()
        let compiled = try Division.allCodes.map { code throws(DivisionError) in try Division(code: code) }
        #expect(compiled.reduce(0) { $0 + $1.periods.count } == rows.count)
        #expect(Set(rows.map { $0.prefix(6) }).count == compiled.count)
        #expect(Division.firstListYear == 1980)
        #expect(Division.lastListYear == 2023)
    }
}

@Suite struct DivisionGeneratorTests {
    /// Regenerating from ../shared must reproduce the committed table and Swift source exactly.
    @Test func regeneratingReproducesTheCommittedFiles() throws {
        guard let source = try Fixtures.shared("data/gb2260") else { return }
        let output = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(output) }
        let script = Fixtures.packageRoot.appendingPathComponent("Scripts/generate-divisions").path
        let result = try Processes.run("python3", [script, source.path, output.path])
        try #require(result.status == 0, "generator failed: \(result.stderrText)")
        for path in ["Specs/gb2260/divisions.tsv", "Sources/AdminDivision/Generated/DivisionTable+Data.swift"] {
            let regenerated = try Data(contentsOf: output.appendingPathComponent(path))
            let committed = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(path))
            #expect(regenerated == committed, "\(path) differs from a fresh run of Scripts/generate-divisions")
        }
    }
}
