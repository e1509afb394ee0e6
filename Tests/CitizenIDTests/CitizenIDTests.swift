import AdminDivision
import CitizenID
import Foundation
import Testing
import ZWKitTestSupport

/// A number with the right check character for `first17`.
func numbered(_ first17: String) throws -> String {
    first17 + String(try CitizenID.checkCharacter(for: first17))
}

@Suite struct CitizenIDParsingTests {
    @Test func parsesTheStandardsExample() throws {
        let id = try CitizenID(parsing: "11010519491231002X")
        #expect(id.kind == .residentIdentityCard)
        #expect(id.divisionCode?.description == "110105")
        #expect(id.divisionName == "朝阳区")
        #expect(id.divisionFullName == "北京市朝阳区")
        #expect(id.birthDate == CalendarDate(year: 1949, month: 12, day: 31))
        #expect(id.sequence == 2)
        #expect(id.sex == .female)
        #expect(id.checkCharacter == "X")
        #expect(id.compactForm == "11010519491231002X")
        #expect(id.masked == "110***********002X")
        #expect(!id.wasConvertedFromLegacyForm)
        #expect(try CitizenID(parsing: "11010519491231002x") == id)
    }

    @Test func compactRemovesGroupSeparators() throws {
        #expect(CitizenID.compact("110105 19491231-002x") == "11010519491231002X")
        #expect(try CitizenID(parsing: CitizenID.compact(" 110105 19491231 002x ")).sequence == 2)
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
        #expect(id.compactForm == "150102198807303035")
        #expect(id.wasConvertedFromLegacyForm)
        #expect(id.sex == .male)
        #expect(throws: CitizenIDError.impossibleBirthDate("19880230")) { try CitizenID.convert("150102880230303") }
        #expect(throws: CitizenIDError.invalidLength(18)) { try CitizenID.convert("150102198807303035") }
        var options = CitizenID.Options()
        options.acceptsLegacyNumbers = false
        #expect(throws: CitizenIDError.invalidLength(15)) {
            try CitizenID(parsing: "150102880730303", options: options)
        }
    }

    @Test func documentKinds() throws {
        #expect(try CitizenID(parsing: numbered("81000019800101001")).kind == .hongKongResidencePermit)
        #expect(try CitizenID(parsing: numbered("82000019800101001")).kind == .macaoResidencePermit)
        let taiwan = try CitizenID(parsing: numbered("83000019800101001"))
        #expect(taiwan.kind == .taiwanResidencePermit)
        #expect(taiwan.divisionCode == nil)
        let foreign = try CitizenID(parsing: "932682198501010017")
        #expect(foreign.kind == .foreignPermanentResidenceID)
        #expect(foreign.issuingProvince?.description == "320000")
        #expect(foreign.nationalityCode == "682")
        let residentsOnly = CitizenID.Options(acceptedKinds: [.residentIdentityCard])
        #expect(throws: CitizenIDError.documentKindNotAccepted(.foreignPermanentResidenceID)) {
            try CitizenID(parsing: "932682198501010017", options: residentsOnly)
        }
        // A foreign ID must name an existing province.
        #expect(throws: CitizenIDError.unknownRegion(code: 990000)) {
            try CitizenID(parsing: numbered("99968219850101001"))
        }
    }
}

@Suite struct CitizenIDErrorTests {
    @Test func eachRuleHasItsOwnError() throws {
        #expect(throws: CitizenIDError.invalidLength(17)) { try CitizenID(parsing: "11010519491231002") }
        #expect(throws: CitizenIDError.invalidCharacter(position: 5)) { try CitizenID(parsing: "1101A519491231002X") }
        #expect(throws: CitizenIDError.invalidCharacter(position: 18)) { try CitizenID(parsing: "11010519491231002Y") }
        #expect(throws: CitizenIDError.invalidCharacter(position: 1)) { try CitizenID(parsing: "身10519491231002X") }
        #expect(throws: CitizenIDError.wrongCheckCharacter(expected: "X", found: "1")) {
            try CitizenID(parsing: "110105194912310021")
        }
        #expect(throws: CitizenIDError.impossibleBirthDate("19490230")) {
            try CitizenID(parsing: numbered("11010519490230002"))
        }
        #expect(throws: CitizenIDError.impossibleBirthDate("19001329")) {
            try CitizenID(parsing: numbered("11010519001329002"))
        }
        #expect(throws: CitizenIDError.birthDateBefore1800(CalendarDate(year: 1799, month: 12, day: 31)!)) {
            try CitizenID(parsing: numbered("11010517991231002"))
        }
        let options = CitizenID.Options(referenceDate: CalendarDate(year: 2020, month: 1, day: 1)!)
        #expect(throws: CitizenIDError.futureBirthDate(CalendarDate(year: 2020, month: 1, day: 2)!)) {
            try CitizenID(parsing: numbered("11010520200102002"), options: options)
        }
        #expect(throws: CitizenIDError.unknownRegion(code: 550_101)) {
            try CitizenID(parsing: numbered("55010119800101002"))
        }
        #expect(throws: CitizenIDError.unknownRegion(code: 110_199)) {
            try CitizenID(parsing: numbered("11019919800101002"))
        }
    }

    @Test func leapDays() throws {
        #expect(CitizenID.isValid(try numbered("11010520000229002")))
        #expect(!CitizenID.isValid(try numbered("11010519000229002")))
    }

    @Test func strictPolicyChecksTheBirthYear() throws {
        // 密云区 (110118) replaced 密云县 (110228) in 2015.
        let early = try numbered("11011820100101002")
        #expect(CitizenID.isValid(early))
        let periods = try Division("110118").periods
        #expect(throws: CitizenIDError.regionNotValidInYear(code: 110_118, year: 2010, validPeriods: periods)) {
            try CitizenID(parsing: early, strictness: .strict)
        }
        #expect(CitizenID.isValid(try numbered("11011820160101002"), strictness: .strict))
        let error = CitizenIDError.regionNotValidInYear(code: 110_118, year: 2010, validPeriods: periods)
        #expect(error.code == "citizenid.region_not_valid_in_year")
        #expect(error.message.contains("密云区 2015–"))
        // Retired 崇文区 is accepted for a birth year it existed in, and before the first list.
        #expect(CitizenID.isValid(try numbered("11010319700101002"), strictness: .strict))
        #expect(!CitizenID.isValid(try numbered("11010320120101002"), strictness: .strict))
    }

    @Test func errorsCarryStableCodesAndChineseTerms() {
        #expect(CitizenIDError.wrongCheckCharacter(expected: "X", found: "1").chineseTerm == "校验码错误")
        #expect(CitizenIDError.invalidLength(3).code == "citizenid.length")
        #expect(CitizenIDError.unknownRegion(code: 999_999).message.contains("999999"))
    }
}

@Suite struct CitizenIDRobustnessTests {
    /// Arbitrary bytes of every length give a typed error or a value, never a trap.
    @Test func arbitraryBytesNeverTrap() {
        var random = SeededGenerator(seed: 11)
        let interesting: [UInt8] = Array("0123456789Xx -/".utf8) + [0, 0x80, 0xC3, 0xE4, 0xFF]
        let settings: [(Strictness, CitizenID.Options)] = [
            (.lenient, .default), (.strict, .default),
            (.lenient, CitizenID.Options(acceptedKinds: [.residentIdentityCard])),
        ]
        for _ in 0..<20_000 {
            let length = [15, 17, 18, 19, Int.random(in: 0...40, using: &random)].randomElement(using: &random)!
            var bytes = (0..<length).map { _ in interesting.randomElement(using: &random)! }
            // Mostly digits, so that later rules are reached too.
            for index in bytes.indices where Int.random(in: 0..<10, using: &random) < 8 {
                bytes[index] = UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &random)
            }
            for (strictness, options) in settings {
                if let id = try? CitizenID(utf8: bytes, strictness: strictness, options: options) {
                    #expect(id.compactForm.utf8.count == 18)
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
                    _ = try CitizenID(parsing: first17 + String(wrong))
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

@Suite struct CitizenIDCodeShapeTests {
    @Test func lenientByDefaultNamesTheDepartureItAccepted() throws {
        // 密云区 (110118) dates from 2015: a 2010 birth carries it only because the number was issued later.
        #expect(CitizenID.defaultStrictness == .lenient)
        let late = try CitizenID(parsing: numbered("11011820100101002"))
        #expect(!late.isAddressCodeInForceAtBirth)
        let periods = try Division("110118").periods
        #expect(late.toleratedErrors == [.regionNotValidInYear(code: 110_118, year: 2010, validPeriods: periods)])
        let onTime = try CitizenID(parsing: numbered("11011820160101002"), strictness: .strict)
        #expect(onTime.isAddressCodeInForceAtBirth && onTime.toleratedErrors.isEmpty)
        // Strict parsing throws exactly the error lenient parsing tolerated.
        #expect(throws: late.toleratedErrors[0]) {
            try CitizenID(parsing: numbered("11011820100101002"), strictness: .strict)
        }
    }

    @Test func parsingCompactsNumbersWrittenInGroups() throws {
        let id = try CitizenID(parsing: "110105 19491231-002x")
        #expect(id.compactForm == "11010519491231002X")
        // The compacted number's own error is reported, not the grouped text's length.
        #expect(throws: CitizenIDError.wrongCheckCharacter(expected: "X", found: "1")) {
            try CitizenID(parsing: "110105 19491231 0021")
        }
        // The bulk entry reads bytes as they are.
        #expect(throws: CitizenIDError.invalidLength(20)) { try CitizenID(utf8: Array("110105 19491231 002X".utf8)) }
    }

    @Test func losslessStringAndJSONForms() throws {
        let id = try #require(CitizenID("11010519491231002X"))
        #expect(id.description == "11010519491231002X")
        #expect(CitizenID(id.description) == id)
        #expect(CitizenID("11010519491231002Y") == nil)
        let json = try JSONEncoder().encode([id])
        #expect(String(decoding: json, as: UTF8.self) == #"["11010519491231002X"]"#)
        #expect(try JSONDecoder().decode([CitizenID].self, from: json) == [id])
        // The decoder's strictness applies: strict refuses 密云区 for a 2010 birth.
        let late = Data("[\"\(try numbered("11011820100101002"))\"]".utf8)
        #expect(try JSONDecoder().decode([CitizenID].self, from: late).count == 1)
        let strict = JSONDecoder()
        strict.userInfo[.zhengwuKitStrictness] = Strictness.strict
        #expect(throws: DecodingError.self) { try strict.decode([CitizenID].self, from: late) }
    }

    @Test func debugAndReflectedFormsAreMasked() throws {
        let id = try CitizenID(parsing: "11010519491231002X")
        #expect(id.masked == "110***********002X")
        #expect(String(reflecting: id) == "CitizenID(110***********002X)")
        #expect(!"\([id])".contains("11010519491231002X"))
        var dumped = ""
        dump(id, to: &dumped)
        #expect(!dumped.contains("19491231") && dumped.contains("110***********002X"), "\(dumped)")
    }

    @Test func errorMessagesNeverCarryTheNumber() throws {
        for text in ["110105194912310021", "11010519490230002X", "55010119800101002X", "1101051949123100"] {
            do {
                _ = try CitizenID(parsing: text, strictness: .strict)
            } catch {
                #expect(!error.description.contains(text) && !error.description.contains("19491231"))
            }
        }
    }

    @Test func everyErrorCodeIsWellFormedAndUnique() {
        /// An exhaustive switch: a new case fails to compile here until it is in `examples`.
        func caseName(_ error: CitizenIDError) -> String {
            switch error {
            case .invalidLength: return "invalidLength"
            case .invalidCharacter: return "invalidCharacter"
            case .wrongCheckCharacter: return "wrongCheckCharacter"
            case .impossibleBirthDate: return "impossibleBirthDate"
            case .futureBirthDate: return "futureBirthDate"
            case .birthDateBefore1800: return "birthDateBefore1800"
            case .unknownRegion: return "unknownRegion"
            case .regionNotValidInYear: return "regionNotValidInYear"
            case .documentKindNotAccepted: return "documentKindNotAccepted"
            }
        }
        let examples = CitizenIDError.examples
        #expect(Set(examples.map(caseName)).count == 9, "every case has an example")
        let codes = examples.map(\.code)
        #expect(codes.allSatisfy(ZhengwuKitErrorCode.isWellFormed), "\(codes)")
        #expect(codes.allSatisfy { $0.hasPrefix("citizenid.") })
        #expect(Set(codes).count == codes.count, "\(codes)")
        #expect(examples.allSatisfy { !$0.message.isEmpty && !$0.chineseTerm.isEmpty })
    }
}
