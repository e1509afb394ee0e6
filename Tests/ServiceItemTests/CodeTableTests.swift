import ServiceItem
import Testing

/// The tables of GB/T 39046-2020 appendix A and the provincial letter-type scheme.
@Suite struct CodeTableTests {
    @Test func itemTypesOfTableA1() throws {
        #expect(
            ItemType.nationalTypes.map(\.code) == [
                "00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "20",
            ])
        #expect(ItemType.licensing.chineseName == "行政许可")
        #expect(ItemType.adjudication.chineseName == "行政裁决")
        #expect(ItemType.publicService.chineseName == "公共服务")
        #expect(ItemType.publicService.category == .publicService)
        #expect(ItemType.penalty.isAdministrativePower)
        let guangdongLocalService = try ItemType(code: "21")
        #expect(guangdongLocalService.category == .extensionRange)
        #expect(!guangdongLocalService.isAdministrativePower)
        #expect(try ItemType(code: "15").category == .extensionRange)
    }

    @Test func levelsOfTableA2() {
        #expect(ExercisingLevel.allCases.map(\.code) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(ExercisingLevel.county.chineseName == "县级")
        #expect(ExercisingLevel(code: "5")?.chineseName == "镇（乡、街道）级")
        #expect(ExercisingLevel(code: "8") == nil)
    }

    @Test func otherTables() {
        #expect(BodyNature.allCases.map(\.code) == ["1", "2", "3", "9"])
        #expect(BodyNature.entrustedOrganisation.chineseName == "受委托组织")
        #expect(ServiceObject.allCases.map(\.code) == ["1", "2", "3", "4", "5", "6"])
        #expect(ServiceObject.socialOrganisation.chineseName == "社会组织法人")
        #expect(HandlingForm.allCases.map(\.code) == ["1", "2", "3", "4", "9"])
        #expect(HandlingForm.express.isRemote && !HandlingForm.express.isOnline)
        #expect(CaseType.allCases.map(\.chineseName) == ["即办件", "承诺件", "其他"])
        #expect(ItemState(code: "3") == .cancelled)
        #expect(OnlineDepth.fullyOnline.code == "4")
    }

    @Test func provincesAsCatalogueOrigins() throws {
        #expect(try CatalogueOrigin(code: "00") == .national)
        #expect(try CatalogueOrigin(code: "44").chineseName == "广东省增补事项")
        #expect(try CatalogueOrigin(code: "65") == .province("65"))
    }

    @Test func letterTypesMapOntoNationalTypes() throws {
        let scheme = LetterTypeScheme.standard
        let expected: [String: String] = [
            "XK": "01", "CF": "02", "QZ": "03", "ZS": "04", "GF": "05", "JC": "06", "QR": "07", "JL": "08",
            "CJ": "09", "QT": "10", "GG": "20", "FW": "20",
        ]
        #expect(scheme.letters.mapValues(\.code) == expected)
        // Guizhou DB52/T 1264-2018's example: licence XK, main item 00101, sub-item 001.
        let code = try #require(try scheme.parse("XK00101001"))
        #expect(code.itemType == .licensing)
        #expect(code.mainItem == "00101" && code.subItem == "001")
        #expect(try code.nationalBasicCode(origin: .province("52")).code == "520100101001")
        #expect(try scheme.build(itemType: .licensing, mainItem: "00101", subItem: "001").code == "XK00101001")
        #expect(try scheme.build(itemType: .publicService, mainItem: "00007").code == "GG00007000")
        #expect(try scheme.parse("FW00007000")?.itemType == .publicService)
    }

    @Test func letterSchemeRulesAndRecognition() throws {
        let scheme = LetterTypeScheme.standard
        #expect(try scheme.parse("000104002000") == nil)
        #expect(try scheme.parse("XK0010100") == nil)
        #expect(throws: ServiceItemError.unknownLetterType(scheme: "letter-type", letters: "ZZ")) {
            try scheme.parse("ZZ00101001")
        }
        #expect(
            throws: ServiceItemError.invalidCharacter(
                kind: .provincialBasicCode, position: 5, found: "A", allowed: .digit)
        ) { try scheme.parse("XK00A01001") }
        #expect(throws: ServiceItemError.self) { try scheme.build(itemType: .publicService, mainItem: "7") }
    }

    /// A province with its own letters plugs in without touching the national parsers.
    @Test func aProvinceCanAddItsOwnLetters() throws {
        let custom = LetterTypeScheme(
            name: "example-letters", chineseName: "示例", letters: ["BM": try ItemType(code: "21")])
        let parsed = try ServiceItemCode("BM12345000", schemes: [LetterTypeScheme.standard, custom])
        guard case .provincial(let code) = parsed else {
            Issue.record("expected a provincial code, got \(parsed.kind)")
            return
        }
        #expect(code.scheme == "example-letters")
        #expect(code.itemType.code == "21")
        // Without the scheme the same text is an error: no national layout has 10 characters.
        #expect(throws: ServiceItemError.self) { try ServiceItemCode("BM12345000") }
    }

    @Test func anyCodeIsRecognisedByLength() throws {
        #expect(try ServiceItemCode("000104002000").kind == .basicCode)
        #expect(try ServiceItemCode("11450721MB155808114000104002000").kind == .implementationCode)
        #expect(try ServiceItemCode("11450000007565194H200011501500504").kind == .businessItemCode)
        #expect(try ServiceItemCode("11450721MB155808114000104002000202401020003").kind == .caseNumber)
        #expect(try ServiceItemCode("XK00101001", schemes: [LetterTypeScheme.standard]).kind == .provincialBasicCode)
    }
}
