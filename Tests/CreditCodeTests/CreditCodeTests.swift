import CreditCode
import Testing

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
        #expect(throws: CreditCodeError.unknownAuthority("B")) { try CreditCode("B1110000600037341L") }
        #expect(throws: CreditCodeError.unknownCategory(authority: "9", category: "4")) {
            try CreditCode("94110000600037341L")
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
