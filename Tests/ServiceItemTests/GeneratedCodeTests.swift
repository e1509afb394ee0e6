import AdminDivision
import ServiceItem
import Testing
import ZWKitTestSupport

/// Codes built from generated parts parse back to the same parts: every kind round-trips
/// for every level, every item type and both serial layouts.
@Suite struct GeneratedCodeTests {
    /// A small deterministic generator, so a failure names a reproducible case.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphanumerics = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let creditAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// A random but valid credit code: authority and category digits, a division code, an
    /// organisation code with its GB 11714 check character, and the GB 32100 check character.
    static func creditCode(using random: inout SplitMix64) -> String {
        // Authority and category pairs GB 32100 defines (机关, 事业单位, 律师事务所, 社会团体, 企业 …).
        let kinds = ["11", "12", "13", "19", "31", "51", "52", "53", "91", "92", "93"]
        let divisions = ["100000", "440000", "440300", "450721", "650000", "310115"]
        let head =
            kinds[Int.random(in: 0..<kinds.count, using: &random)]
            + divisions[Int.random(in: 0..<divisions.count, using: &random)]
        let organisation = (0..<8).map { _ in creditAlphabet[Int.random(in: 0..<31, using: &random)] }
        let organisationSum = zip(organisation, [3, 7, 9, 10, 5, 8, 4, 2]).reduce(0) {
            $0 + Int(String($1.0), radix: 36)! * $1.1
        }
        let organisationCheck = 11 - organisationSum % 11
        let body =
            Array(head) + organisation
            + [organisationCheck == 10 ? "X" : organisationCheck == 11 ? "0" : Character(String(organisationCheck))]
        let sum = zip(body, creditWeights).reduce(0) { $0 + creditAlphabet.firstIndex(of: $1.0)! * $1.1 }
        return String(body) + String(creditAlphabet[(31 - sum % 31) % 31])
    }

    static func token(_ length: Int, from alphabet: [Character], using random: inout SplitMix64) -> String {
        String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
    }

    static let allTypeCodes = (0...29).map { $0 < 10 ? "0\($0)" : "\($0)" }

    @Test(arguments: allTypeCodes)
    func everyKindRoundTripsForEveryItemType(_ typeCode: String) throws {
        var random = SplitMix64(state: UInt64(typeCode)!)
        for level in ExercisingLevel.allCases {
            let origin: CatalogueOrigin = Bool.random(using: &random) ? .national : .province("44")
            let basic = try BasicCode(
                origin: origin, itemType: ItemType(code: typeCode),
                mainItem: Self.token(5, from: Self.alphanumerics, using: &random),
                subItem: Self.token(3, from: Self.alphanumerics, using: &random))
            #expect(try BasicCode(parsing: basic.code) == basic)

            let body = try ImplementingBodyCode(Self.creditCode(using: &random))
            let implementation = ImplementationCode(body: body, level: level, basicCode: basic)
            #expect(implementation.code.count == 31)
            #expect(try ImplementationCode(parsing: implementation.code) == implementation)

            let business = try BusinessItemCode(
                implementationCode: implementation, sequence: Self.token(2, from: Array("0123456789"), using: &random))
            #expect(try BusinessItemCode(parsing: business.code) == business)

            let date = try #require(CalendarDate(year: Int.random(in: 2000...2099, using: &random), month: 2, day: 28))
            for format in CaseNumber.SerialFormat.allCases {
                let number = try CaseNumber(
                    implementationCode: implementation, date: date, serial: Int.random(in: 0..<10_000, using: &random),
                    format: format)
                #expect(number.code.count == format.caseNumberLength)
                let parsed = try CaseNumber(parsing: number.code)
                #expect(parsed == number)
                #expect(parsed.serialFormat == format)
            }
        }
    }

    @Test func leapDaysAreDates() throws {
        let implementation = try ImplementationCode(parsing: "11450721MB155808114000104002000")
        let leapDay = try #require(CalendarDate(year: 2024, month: 2, day: 29))
        let number = try CaseNumber(implementationCode: implementation, date: leapDay, serial: 7)
        #expect(number.code == "11450721MB155808114000104002000202402290007")
        #expect(try CaseNumber(parsing: number.code).date == leapDay)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
    }

    @Test func serialsArePaddedAndBounded() throws {
        let implementation = try ImplementationCode(parsing: "11450721MB155808114000104002000")
        let date = try #require(CalendarDate(year: 2023, month: 6, day: 1))
        #expect(
            try CaseNumber(implementationCode: implementation, date: date, serial: 42, format: .nineDigit).serial
                == "000000042")
        #expect(throws: ServiceItemError.self) {
            try CaseNumber(implementationCode: implementation, date: date, serial: 10_000, format: .fourDigit)
        }
        #expect(throws: ServiceItemError.self) {
            try CaseNumber(implementationCode: implementation, date: date, serial: "12345")
        }
    }

    /// The generated credit codes are valid for python-stdnum too, so the generator and the
    /// SDK's check are not agreeing on a shared mistake.
    @Test func generatedCreditCodesAreValidForPythonStdnum() throws {
        guard try Processes.pythonHas(["stdnum.cn.uscc"]) else { return }
        var random = SplitMix64(state: 2020)
        let codes = (0..<50).map { _ in Self.creditCode(using: &random) }
        let script = "import sys\nfrom stdnum.cn import uscc\nprint(all(uscc.is_valid(c) for c in sys.argv[1:]))"
        let result = try Processes.python(script, codes)
        #expect(result.stdoutText.hasPrefix("True"), "\(result.stdoutText) \(result.stderrText)")
        for code in codes { #expect(try ImplementingBodyCode(code).isUnifiedSocialCreditCode) }
    }
}
