import CreditCode
import Foundation
import Testing
import ZWKitTestSupport

@Suite struct CreditCodeTests {
    @Test func parsesAValidCode() throws {
        let code = try CreditCode("91110000600037341L")
        #expect(code.authority.code == "9")
        #expect(code.authority.name == "工商")
        #expect(code.category.name == "企业")
        #expect(code.divisionCode == "110000")
        #expect(code.division?.name == "北京市")
        #expect(code.organizationCode.rawValue == "600037341")
        #expect(code.organizationCode.description == "60003734-1")
        #expect(code.checkCharacter == "L")
        #expect(code.rawValue == "91110000600037341L")
        #expect(code.acceptance == .valid)
        #expect(try CreditCode("91110000600037341l") == code)
    }

    @Test func wrongCheckCharacterNamesTheExpectedOne() {
        #expect(throws: CreditCodeError.wrongCheckCharacter(expected: "L", found: "N")) {
            try CreditCode("91110000600037341N")
        }
        #expect(CreditCodeError.wrongCheckCharacter(expected: "L", found: "N").code == "check_character")
        #expect(CreditCodeError.wrongCheckCharacter(expected: "L", found: "N").chineseTerm == "校验码错误")
    }

    @Test func computesCheckCharacters() throws {
        #expect(try CreditCode.checkCharacter(for: "91110000600037341") == "L")
        #expect(throws: CreditCodeError.invalidLength(3)) { try CreditCode.checkCharacter(for: "911") }
    }

    @Test func rejectsEachRuleWithItsOwnError() {
        #expect(throws: CreditCodeError.invalidLength(17)) { try CreditCode("91110000600037341") }
        #expect(throws: CreditCodeError.invalidCharacter(position: 10)) { try CreditCode("911100006I0037341L") }
        #expect(throws: CreditCodeError.invalidCharacter(position: 3)) { try CreditCode("91A10000600037341L") }
        #expect(throws: CreditCodeError.invalidCharacter(position: 18)) { try CreditCode("91110000600037341O") }
        #expect(throws: CreditCodeError.invalidCharacter(position: 1)) { try CreditCode("信1110000600037341L") }
        // The tables are checked after the check character, as python-stdnum orders its rules.
        let unknownAuthority = "B1110000600037341"
        #expect(throws: CreditCodeError.unknownAuthority("B")) {
            try CreditCode(unknownAuthority + String(try CreditCode.checkCharacter(for: unknownAuthority)))
        }
        #expect(throws: CreditCodeError.wrongCheckCharacter(expected: "J", found: "L")) {
            try CreditCode("B1110000600037341L")
        }
        let unknownCategory = "94110000600037341"
        #expect(throws: CreditCodeError.unknownCategory(authority: "9", category: "4")) {
            try CreditCode(unknownCategory + String(try CreditCode.checkCharacter(for: unknownCategory)))
        }
    }

    @Test func embeddedOrganizationCodeMustPassItsOwnCheck() throws {
        // A body whose USCC check character is right but whose GB 11714 check is not.
        let first17 = "91110000600037342"
        let check = try CreditCode.checkCharacter(for: first17)
        #expect(throws: CreditCodeError.wrongOrganizationCodeCheck(expected: "1", found: "2")) {
            try CreditCode(first17 + String(check))
        }
    }

    @Test func xiamenPilotCodesAreReportedInLenientMode() throws {
        let legacy = "91350211M00013FA1N"
        #expect(throws: CreditCodeError.self) { try CreditCode(legacy) }
        let code = try CreditCode(legacy, policy: .lenient)
        guard case .legacyXiamenPilot(let expected) = code.acceptance else {
            Issue.record("expected a legacy exception, got \(code.acceptance)")
            return
        }
        #expect(try CreditCode.checkCharacter(for: legacy.prefix(17)) == expected)
        #expect(code.rawValue == legacy)
        #expect(code.organizationCode.body == "M00013FA")
        // Lenient mode does not wave through other regions' bad codes.
        #expect(throws: CreditCodeError.self) { try CreditCode("91110000600037341N", policy: .lenient) }
    }

    @Test func authorityTableAgreesWithTheFastPath() throws {
        for authority in RegistrationAuthority.all {
            for category in authority.categories {
                let first17 = "\(authority.code)\(category.code)110000600037341"
                let full = first17 + String(try CreditCode.checkCharacter(for: first17))
                #expect(try CreditCode(full).category == category)
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
        let code = try OrganizationCode("D2143569-X")
        #expect(code.body == "D2143569")
        #expect(code.checkCharacter == "X")
        #expect(code.description == "D2143569-X")
        #expect(try OrganizationCode("d2143569x") == code)
    }

    @Test func errors() {
        #expect(throws: OrganizationCodeError.wrongCheckCharacter(expected: "X", found: "1")) {
            try OrganizationCode("D21435691")
        }
        #expect(throws: OrganizationCodeError.invalidLength(8)) { try OrganizationCode("D2143569") }
        #expect(throws: OrganizationCodeError.invalidCharacter(position: 2)) { try OrganizationCode("D-143569X") }
        #expect(throws: OrganizationCodeError.invalidCharacter(position: 9)) { try OrganizationCode("D2143569Y") }
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
                try CreditCode(code)
            }
        }
        for code in try #require(vectors["legacy_xiamen_pilot"] as? [String]) {
            #expect(!CreditCode.isValid(code))
            #expect(try CreditCode(code, policy: .lenient).acceptance != .valid)
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
            for policy in [CreditCode.Policy.strict, .lenient] {
                if let code = try? CreditCode(utf8: bytes, policy: policy) {
                    #expect(code.rawValue.utf8.count == 18)
                    _ = (code.organizationCode, code.authority, code.category, code.division)
                }
            }
            _ = try? OrganizationCode(String(decoding: bytes, as: UTF8.self))
        }
    }
}
