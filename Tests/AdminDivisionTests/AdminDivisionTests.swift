import AdminDivision
import Foundation
import Testing
import ZWKitTestSupport

@Suite struct DivisionLookupTests {
    @Test func looksUpACurrentCounty() throws {
        let nanshan = try #require(Division("440305"))
        #expect(nanshan.name == "南山区")
        #expect(nanshan.level == .county)
        #expect(nanshan.isCurrent)
        #expect(nanshan.parent?.code.description == "440300")
        #expect(nanshan.parent?.name == "深圳市")
        #expect(nanshan.parent?.parent?.name == "广东省")
        #expect(nanshan.fullName(in: 2020) == "广东省深圳市南山区")
    }

    @Test func retiredCodeKeepsItsYears() throws {
        let chongwen = try #require(Division("110103"))
        #expect(chongwen.name == "崇文区")
        #expect(!chongwen.isCurrent)
        #expect(chongwen.periods == [DivisionPeriod(name: "崇文区", firstYear: 1980, lastYear: 2010)])
        #expect(Division.exists("110103", in: 2005))
        #expect(!Division.exists("110103", in: 2015))
        // Years before the oldest list are judged by it.
        #expect(Division.exists("110103", in: 1950))
    }

    @Test func reusedCodeKeepsEveryPeriod() throws {
        let jimei = try #require(Division("350211"))
        #expect(jimei.periods.map(\.name) == ["郊区", "集美区"])
        #expect(jimei.name(in: 1982) == "郊区")
        #expect(jimei.name(in: 2000) == "集美区")
        let xindu = try #require(Division("130503"))
        #expect(xindu.name(in: 2000) == "桥西区")
        #expect(xindu.name == "信都区")
    }

    @Test func codeCreatedLaterIsNotValidBefore() throws {
        let miyun = try #require(Division("110118"))
        #expect(miyun.name == "密云区")
        #expect(!miyun.isValid(in: 2010))
        #expect(miyun.isValid(in: 2016))
    }

    @Test func lookupAsOfAYear() {
        #expect(Division("110103", in: 2005)?.name == "崇文区")
        #expect(Division("110103", in: 2015) == nil)
        #expect(Division("110118", in: 2014) == nil)
        #expect(Division("110118", in: 2016)?.name == "密云区")
    }

    @Test func unknownAndMalformedCodes() {
        #expect(Division("999999") == nil)
        #expect(Division("11010") == nil)
        #expect(Division("11010x") == nil)
        #expect(Division("1101011") == nil)
        #expect(Division("") == nil)
        #expect(DivisionCode("000000") == nil)
        #expect(!Division.exists("abcdef", in: 2000))
    }

    @Test func provincesAndSpecialRegions() throws {
        #expect(Division("110000")?.level == .province)
        #expect(Division("110000")?.parent == nil)
        #expect(Division("810000")?.name == "香港特别行政区")
        #expect(Division("820000")?.name == "澳门特别行政区")
        #expect(Division("710000")?.name == "台湾省")
        #expect(DivisionCode("440300")?.level == .prefecture)
    }

    @Test func everyRowOfTheCommittedTableIsCompiledIn() throws {
        let tsv = try String(contentsOf: Fixtures.specs.appendingPathComponent("gb2260/divisions.tsv"), encoding: .utf8)
        let rows = tsv.split(separator: "\n").dropFirst()
        let compiled = Division.allCodes.compactMap { Division(code: $0) }
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
