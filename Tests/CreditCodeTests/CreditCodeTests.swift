import AdminDivision
import CreditCode
import Foundation
import Testing
import ZWKitTestSupport

@Suite struct CreditCodeTests {
    @Test func parsesAValidCode() throws {
        let code = try CreditCode(parsing: "91110000600037341L")
        #expect(code.authority.code == "9")
        #expect(code.authority.name == "工商")
        #expect(code.category.name == "企业")
        #expect(code.divisionCode == "110000")
        #expect(code.division?.name == "北京市")
        #expect(code.organizationCode.compactForm == "600037341")
        #expect(code.organizationCode.hyphenated == "60003734-1")
        #expect(code.checkCharacter == "L")
        #expect(code.compactForm == "91110000600037341L")
        #expect(code.acceptance == .valid)
        #expect(try CreditCode(parsing: "91110000600037341l") == code)
    }

    @Test func wrongCheckCharacterNamesTheExpectedOne() {
        #expect(throws: CreditCodeError.wrongCheckCharacter(expected: "L", found: "N")) {
            try CreditCode(parsing: "91110000600037341N")
        }
        #expect(CreditCodeError.wrongCheckCharacter(expected: "L", found: "N").code == "creditcode.check_character")
        #expect(CreditCodeError.wrongCheckCharacter(expected: "L", found: "N").chineseTerm == "校验码错误")
    }

    @Test func computesCheckCharacters() throws {
        #expect(try CreditCode.checkCharacter(for: "91110000600037341") == "L")
        #expect(throws: CreditCodeError.invalidLength(3)) { try CreditCode.checkCharacter(for: "911") }
    }

    @Test func rejectsEachRuleWithItsOwnError() {
        #expect(throws: CreditCodeError.invalidLength(17)) { try CreditCode(parsing: "91110000600037341") }
        #expect(throws: CreditCodeError.invalidCharacter(position: 10)) {
            try CreditCode(parsing: "911100006I0037341L")
        }
        #expect(throws: CreditCodeError.invalidCharacter(position: 3)) { try CreditCode(parsing: "91A10000600037341L") }
        #expect(throws: CreditCodeError.invalidCharacter(position: 18)) {
            try CreditCode(parsing: "91110000600037341O")
        }
        #expect(throws: CreditCodeError.invalidCharacter(position: 1)) { try CreditCode(parsing: "信1110000600037341L") }
        // The tables are checked after the check character, as python-stdnum orders its rules.
        let unknownAuthority = "B1110000600037341"
        #expect(throws: CreditCodeError.unknownAuthority("B")) {
            try CreditCode(parsing: unknownAuthority + String(try CreditCode.checkCharacter(for: unknownAuthority)))
        }
        #expect(throws: CreditCodeError.wrongCheckCharacter(expected: "J", found: "L")) {
            try CreditCode(parsing: "B1110000600037341L")
        }
        let unknownCategory = "94110000600037341"
        #expect(throws: CreditCodeError.unknownCategory(authority: "9", category: "4")) {
            try CreditCode(parsing: unknownCategory + String(try CreditCode.checkCharacter(for: unknownCategory)))
        }
    }

    @Test func embeddedOrganizationCodeMustPassItsOwnCheck() throws {
        // A body whose USCC check character is right but whose GB 11714 check is not.
        let first17 = "91110000600037342"
        let check = try CreditCode.checkCharacter(for: first17)
        #expect(throws: CreditCodeError.wrongOrganizationCodeCheck(expected: "1", found: "2")) {
            try CreditCode(parsing: first17 + String(check))
        }
    }

    @Test func xiamenPilotCodesAreReportedInLenientMode() throws {
        let legacy = "91350211M00013FA1N"
        #expect(throws: CreditCodeError.self) { try CreditCode(parsing: legacy) }
        let code = try CreditCode(parsing: legacy, strictness: .lenient)
        guard case .legacyXiamenPilot(let expected) = code.acceptance else {
            Issue.record("expected a legacy exception, got \(code.acceptance)")
            return
        }
        #expect(try CreditCode.checkCharacter(for: legacy.prefix(17)) == expected)
        #expect(code.compactForm == legacy)
        #expect(code.organizationCode.body == "M00013FA")
        // Lenient mode does not wave through other regions' bad codes.
        #expect(throws: CreditCodeError.self) { try CreditCode(parsing: "91110000600037341N", strictness: .lenient) }
    }

    @Test func authorityTableAgreesWithTheFastPath() throws {
        for authority in RegistrationAuthority.all {
            for category in authority.categories {
                let first17 = "\(authority.code)\(category.code)110000600037341"
                let full = first17 + String(try CreditCode.checkCharacter(for: first17))
                #expect(try CreditCode(parsing: full).category == category)
            }
        }
        #expect(RegistrationAuthority(code: "N")?.category("3")?.name == "乡镇级集体经济组织")
        #expect(RegistrationAuthority(code: "Z") == nil)
    }

    @Test func compactRemovesSeparators() {
        #expect(CreditCode.compact(" 9111-0000 600037341l ") == "91110000600037341L")
    }
}

@Suite struct OrganizationCodeTests {
    @Test func standardExamples() throws {
        #expect(try OrganizationCode.checkCharacter(for: "D2143569") == "X")
        #expect(try OrganizationCode.checkCharacter(for: "MA1FL0LY") == "9")
        let code = try OrganizationCode(parsing: "D2143569-X")
        #expect(code.body == "D2143569")
        #expect(code.checkCharacter == "X")
        #expect(code.hyphenated == "D2143569-X")
        #expect(code.description == "D2143569X" && code.compactForm == "D2143569X" && code.masked == "D2143569X")
        #expect(try OrganizationCode(parsing: "D214 3569-X") == code)
        for written in ["D2143569-X", "D2143569X"] {
            #expect(try Array(written.utf8).withUnsafeBufferPointer { try OrganizationCode(utf8: $0) } == code)
        }
        #expect(try OrganizationCode(parsing: "d2143569x") == code)
    }

    @Test func errors() {
        #expect(throws: OrganizationCodeError.wrongCheckCharacter(expected: "X", found: "1")) {
            try OrganizationCode(parsing: "D21435691")
        }
        #expect(throws: OrganizationCodeError.invalidLength(8)) { try OrganizationCode(parsing: "D2143569") }
        #expect(throws: OrganizationCodeError.invalidCharacter(position: 2)) {
            try OrganizationCode(parsing: "D-143569X")
        }
        #expect(throws: OrganizationCodeError.invalidCharacter(position: 9)) {
            try OrganizationCode(parsing: "D2143569Y")
        }
        #expect(!OrganizationCode.isValid("MA1FL0LY8"))
        #expect(OrganizationCode.isValid("MA1FL0LY9"))
    }
}

@Suite struct CreditCodeSpecTests {
    /// The Swift table and its fast path must agree with Specs/gb32100/authorities.json.
    @Test func tablesMatchTheSpec() throws {
        let url = Fixtures.specs.appendingPathComponent("gb32100/authorities.json")
        let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let authorities = try #require(spec?["authorities"] as? [[String: Any]])
        var fromSpec: [String] = []
        for authority in authorities {
            let code = try #require(authority["code"] as? String)
            let name = try #require(authority["name"] as? String)
            for category in try #require(authority["categories"] as? [[String: String]]) {
                fromSpec.append("\(code) \(name) \(category["code"] ?? "") \(category["name"] ?? "")")
            }
        }
        let fromSwift = RegistrationAuthority.all.flatMap { authority in
            authority.categories.map { "\(authority.code) \(authority.name) \($0.code) \($0.name)" }
        }
        #expect(fromSwift == fromSpec)
        // Every pair of characters the spec does not list is rejected.
        let listed = Set(fromSpec.map { $0.split(separator: " ")[0] + $0.split(separator: " ")[2] })
        for authority in "0123456789ABCDEFGHJKLMNPQRTUWXY" {
            for category in "0123456789ABCDEFGHJKLMNPQRTUWXY" {
                let first17 = "\(authority)\(category)110000600037341"
                let code = first17 + String(try CreditCode.checkCharacter(for: first17))
                #expect(CreditCode.isValid(code) == listed.contains("\(authority)\(category)"), "\(code)")
            }
        }
    }

    @Test func vectorsFromTheSpec() throws {
        let url = Fixtures.specs.appendingPathComponent("gb32100/authorities.json")
        let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let vectors = try #require(spec?["vectors"] as? [String: Any])
        for code in try #require(vectors["valid"] as? [String]) { #expect(CreditCode.isValid(code)) }
        for entry in try #require(vectors["wrong_check_character"] as? [[String: String]]) {
            let code = try #require(entry["code"])
            let expected = try #require(entry["expected"]?.first)
            #expect(throws: CreditCodeError.wrongCheckCharacter(expected: expected, found: code.last ?? " ")) {
                try CreditCode(parsing: code)
            }
        }
        for code in try #require(vectors["legacy_xiamen_pilot"] as? [String]) {
            #expect(!CreditCode.isValid(code))
            #expect(try CreditCode(parsing: code, strictness: .lenient).acceptance != .valid)
        }
        for entry in try #require(vectors["organization_code"] as? [[String: String]]) {
            #expect(try OrganizationCode.checkCharacter(for: entry["body"] ?? "") == entry["check"]?.first)
        }
    }
}

@Suite struct CreditCodeRobustnessTests {
    /// Arbitrary bytes of every length give a typed error or a value, never a trap.
    @Test func arbitraryBytesNeverTrap() {
        var random = SeededGenerator(seed: 7)
        let interesting: [UInt8] =
            Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZxyz -".utf8) + [0, 0x80, 0xC3, 0xE4, 0xFF]
        for _ in 0..<20_000 {
            let length = [9, 10, 17, 18, 19, Int.random(in: 0...40, using: &random)].randomElement(using: &random)!
            let bytes = (0..<length).map { _ in interesting.randomElement(using: &random)! }
            for strictness in Strictness.allCases {
                if let code = try? CreditCode(utf8: bytes, strictness: strictness) {
                    #expect(code.compactForm.utf8.count == 18)
                    _ = (code.organizationCode, code.authority, code.category, code.division)
                }
            }
            _ = try? OrganizationCode(parsing: String(decoding: bytes, as: UTF8.self))
        }
    }
}

@Suite struct CreditCodeShapeTests {
    @Test func lenientParsingNamesTheLegacyDeparture() throws {
        #expect(CreditCode.defaultStrictness == .strict)
        let legacy = try CreditCode(parsing: "91350211M00013FA1N", strictness: .lenient)
        #expect(legacy.toleratedErrors.map(\.code) == ["creditcode.legacy_xiamen_pilot"])
        #expect(legacy.toleratedErrors.first?.message.contains("Xiamen") == true)
        #expect(try CreditCode(parsing: "91110000600037341L", strictness: .lenient).toleratedErrors.isEmpty)
    }

    @Test func parsingCompactsCodesWrittenInGroups() throws {
        #expect(try CreditCode(parsing: "9111 0000 6000 3734 1L").compactForm == "91110000600037341L")
        #expect(throws: CreditCodeError.wrongCheckCharacter(expected: "L", found: "N")) {
            try CreditCode(parsing: "91110000-600037341N")
        }
        #expect(CreditCode("91110000600037341L")?.masked == "91110000600037341L")
    }

    @Test func jsonStringsWithTheDecodersStrictness() throws {
        let json = Data(#"["91110000600037341L","91350211M00013FA1N"]"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CreditCode].self, from: json) }
        let lenient = JSONDecoder()
        lenient.userInfo[.zhengwuKitStrictness] = Strictness.lenient
        let codes = try lenient.decode([CreditCode].self, from: json)
        #expect(
            String(decoding: try JSONEncoder().encode(codes), as: UTF8.self) == String(decoding: json, as: UTF8.self))
        let organization = try JSONDecoder().decode(OrganizationCode.self, from: Data(#""D2143569-X""#.utf8))
        #expect(String(decoding: try JSONEncoder().encode(organization), as: UTF8.self) == #""D2143569X""#)
    }

    @Test func divisionLookupSaysWhyThereIsNone() throws {
        // Central bodies write 100000 where a division belongs.
        let body = "00001312"
        let first17 = "11100000" + body + String(try OrganizationCode.checkCharacter(for: body))
        let central = try CreditCode(parsing: first17 + String(try CreditCode.checkCharacter(for: first17)))
        #expect(central.division == nil && central.divisionName == nil)
        #expect(throws: DivisionError.unknownCode(DivisionCode(rawValue: 100_000)!)) {
            try central.divisionLookup.get()
        }
        let beijing = try CreditCode(parsing: "91110000600037341L")
        #expect(beijing.divisionName == "北京市")
        #expect(try beijing.divisionLookup.get().name == "北京市")
    }

    @Test func everyErrorCodeIsWellFormedAndUnique() {
        func caseName(_ error: CreditCodeError) -> String {
            switch error {
            case .invalidLength: return "invalidLength"
            case .invalidCharacter: return "invalidCharacter"
            case .unknownAuthority: return "unknownAuthority"
            case .unknownCategory: return "unknownCategory"
            case .wrongOrganizationCodeCheck: return "wrongOrganizationCodeCheck"
            case .wrongCheckCharacter: return "wrongCheckCharacter"
            case .legacyXiamenPilot: return "legacyXiamenPilot"
            }
        }
        func caseName(_ error: OrganizationCodeError) -> String {
            switch error {
            case .invalidLength: return "invalidLength"
            case .invalidCharacter: return "invalidCharacter"
            case .wrongCheckCharacter: return "wrongCheckCharacter"
            }
        }
        #expect(Set(CreditCodeError.examples.map(caseName)).count == 7, "every case has an example")
        #expect(Set(OrganizationCodeError.examples.map(caseName)).count == 3, "every case has an example")
        for (prefix, errors) in [
            ("creditcode.", CreditCodeError.examples as [any ZhengwuKitError]),
            ("orgcode.", OrganizationCodeError.examples),
        ] {
            let codes = errors.map(\.code)
            #expect(codes.allSatisfy(ZhengwuKitErrorCode.isWellFormed), "\(codes)")
            #expect(codes.allSatisfy { $0.hasPrefix(prefix) })
            #expect(Set(codes).count == codes.count, "\(codes)")
            #expect(errors.allSatisfy { !$0.message.isEmpty && !$0.chineseTerm.isEmpty })
        }
    }
}
