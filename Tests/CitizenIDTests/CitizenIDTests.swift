import AdminDivision
import CitizenID
import Testing
import ZWKitTestSupport

/// A number with the right check character for `first17`.
func numbered(_ first17: String) throws -> String {
    first17 + String(try CitizenID.checkCharacter(for: first17))
}

@Suite struct CitizenIDParsingTests {
    @Test func parsesTheStandardsExample() throws {
        let id = try CitizenID("11010519491231002X")
        #expect(id.kind == .residentIdentityCard)
        #expect(id.divisionCode?.description == "110105")
        #expect(id.divisionName == "朝阳区")
        #expect(id.divisionFullName == "北京市朝阳区")
        #expect(id.birthDate == CalendarDate(year: 1949, month: 12, day: 31))
        #expect(id.sequence == 2)
        #expect(id.sex == .female)
        #expect(id.checkCharacter == "X")
        #expect(id.rawValue == "11010519491231002X")
        #expect(id.masked == "110***********002X")
        #expect(!id.wasConvertedFromLegacyForm)
        #expect(try CitizenID("11010519491231002x") == id)
    }

    @Test func compactRemovesGroupSeparators() throws {
        #expect(CitizenID.compact("110105 19491231-002x") == "11010519491231002X")
        #expect(try CitizenID(CitizenID.compact(" 110105 19491231 002x ")).sequence == 2)
    }

    @Test func computesCheckCharacters() throws {
        #expect(try CitizenID.checkCharacter(for: "11010519491231002") == "X")
        #expect(try CitizenID.checkCharacter(for: "15010219880730303") == "5")
        #expect(throws: CitizenIDError.invalidCharacter(position: 3)) {
            try CitizenID.checkCharacter(for: "11A10519491231002")
        }
    }

    @Test func convertsLegacyNumbers() throws {
        let id = try CitizenID.convert("150102880730303")
        #expect(id.rawValue == "150102198807303035")
        #expect(id.wasConvertedFromLegacyForm)
        #expect(id.sex == .male)
        #expect(throws: CitizenIDError.impossibleBirthDate("19880230")) { try CitizenID.convert("150102880230303") }
        #expect(throws: CitizenIDError.invalidLength(18)) { try CitizenID.convert("150102198807303035") }
        var options = CitizenID.Options()
        options.acceptsLegacyNumbers = false
        #expect(throws: CitizenIDError.invalidLength(15)) { try CitizenID("150102880730303", options: options) }
    }

    @Test func documentKinds() throws {
        #expect(try CitizenID(numbered("81000019800101001")).kind == .hongKongResidencePermit)
        #expect(try CitizenID(numbered("82000019800101001")).kind == .macaoResidencePermit)
        let taiwan = try CitizenID(numbered("83000019800101001"))
        #expect(taiwan.kind == .taiwanResidencePermit)
        #expect(taiwan.divisionCode == nil)
        let foreign = try CitizenID("932682198501010017")
        #expect(foreign.kind == .foreignPermanentResidenceID)
        #expect(foreign.issuingProvince?.description == "320000")
        #expect(foreign.nationalityCode == "682")
        let residentsOnly = CitizenID.Options(acceptedKinds: [.residentIdentityCard])
        #expect(throws: CitizenIDError.documentKindNotAccepted(.foreignPermanentResidenceID)) {
            try CitizenID("932682198501010017", options: residentsOnly)
        }
        // A foreign ID must name an existing province.
        #expect(throws: CitizenIDError.unknownRegion(code: 990000)) { try CitizenID(numbered("99968219850101001")) }
    }
}

@Suite struct CitizenIDErrorTests {
    @Test func eachRuleHasItsOwnError() throws {
        #expect(throws: CitizenIDError.invalidLength(17)) { try CitizenID("11010519491231002") }
        #expect(throws: CitizenIDError.invalidCharacter(position: 5)) { try CitizenID("1101A519491231002X") }
        #expect(throws: CitizenIDError.invalidCharacter(position: 18)) { try CitizenID("11010519491231002Y") }
        #expect(throws: CitizenIDError.invalidCharacter(position: 1)) { try CitizenID("身10519491231002X") }
        #expect(throws: CitizenIDError.wrongCheckCharacter(expected: "X", found: "1")) {
            try CitizenID("110105194912310021")
        }
        #expect(throws: CitizenIDError.impossibleBirthDate("19490230")) { try CitizenID(numbered("11010519490230002")) }
        #expect(throws: CitizenIDError.impossibleBirthDate("19001329")) { try CitizenID(numbered("11010519001329002")) }
        #expect(throws: CitizenIDError.birthDateBefore1800(CalendarDate(year: 1799, month: 12, day: 31)!)) {
            try CitizenID(numbered("11010517991231002"))
        }
        let options = CitizenID.Options(referenceDate: CalendarDate(year: 2020, month: 1, day: 1)!)
        #expect(throws: CitizenIDError.futureBirthDate(CalendarDate(year: 2020, month: 1, day: 2)!)) {
            try CitizenID(numbered("11010520200102002"), options: options)
        }
        #expect(throws: CitizenIDError.unknownRegion(code: 550_101)) { try CitizenID(numbered("55010119800101002")) }
        #expect(throws: CitizenIDError.unknownRegion(code: 110_199)) { try CitizenID(numbered("11019919800101002")) }
    }

    @Test func leapDays() throws {
        #expect(CitizenID.isValid(try numbered("11010520000229002")))
        #expect(!CitizenID.isValid(try numbered("11010519000229002")))
    }

    @Test func strictPolicyChecksTheBirthYear() throws {
        // 密云区 (110118) replaced 密云县 (110228) in 2015.
        let early = try numbered("11011820100101002")
        #expect(CitizenID.isValid(early))
        let periods = try #require(Division("110118")).periods
        #expect(throws: CitizenIDError.regionNotValidInYear(code: 110_118, year: 2010, validPeriods: periods)) {
            try CitizenID(early, options: .strict)
        }
        #expect(CitizenID.isValid(try numbered("11011820160101002"), options: .strict))
        let error = CitizenIDError.regionNotValidInYear(code: 110_118, year: 2010, validPeriods: periods)
        #expect(error.code == "region_not_valid_in_year")
        #expect(error.message.contains("密云区 2015–"))
        // Retired 崇文区 is accepted for a birth year it existed in, and before the first list.
        #expect(CitizenID.isValid(try numbered("11010319700101002"), options: .strict))
        #expect(!CitizenID.isValid(try numbered("11010320120101002"), options: .strict))
    }

    @Test func errorsCarryStableCodesAndChineseTerms() {
        #expect(CitizenIDError.wrongCheckCharacter(expected: "X", found: "1").chineseTerm == "校验码错误")
        #expect(CitizenIDError.invalidLength(3).code == "length")
        #expect(CitizenIDError.unknownRegion(code: 999_999).message.contains("999999"))
    }
}

@Suite struct CitizenIDRobustnessTests {
    /// Arbitrary bytes of every length give a typed error or a value, never a trap.
    @Test func arbitraryBytesNeverTrap() {
        var random = SeededGenerator(seed: 11)
        let interesting: [UInt8] = Array("0123456789Xx -/".utf8) + [0, 0x80, 0xC3, 0xE4, 0xFF]
        let options = [CitizenID.Options.default, .strict, CitizenID.Options(acceptedKinds: [.residentIdentityCard])]
        for _ in 0..<20_000 {
            let length = [15, 17, 18, 19, Int.random(in: 0...40, using: &random)].randomElement(using: &random)!
            var bytes = (0..<length).map { _ in interesting.randomElement(using: &random)! }
            // Mostly digits, so that later rules are reached too.
            for index in bytes.indices where Int.random(in: 0..<10, using: &random) < 8 {
                bytes[index] = UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &random)
            }
            for option in options {
                if let id = try? CitizenID(utf8: bytes, options: option) {
                    #expect(id.rawValue.utf8.count == 18)
                    #expect(id.masked.count == 18)
                    _ = (id.divisionName, id.divisionFullName, id.issuingProvince, id.nationalityCode)
                }
            }
        }
    }

    @Test func checkCharacterRoundTrip() throws {
        var random = SeededGenerator(seed: 12)
        for _ in 0..<2000 {
            let first17 = String((0..<17).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            let check = try CitizenID.checkCharacter(for: first17)
            // Every other check character is rejected with this one as the expected one.
            for wrong in "0123456789X" where wrong != check {
                do {
                    _ = try CitizenID(first17 + String(wrong))
                    Issue.record("\(first17)\(wrong) accepted")
                } catch {
                    if case .wrongCheckCharacter(let expected, _) = error {
                        #expect(expected == check)
                    } else {
                        Issue.record("\(first17)\(wrong): \(error)")
                    }
                }
            }
        }
    }
}
