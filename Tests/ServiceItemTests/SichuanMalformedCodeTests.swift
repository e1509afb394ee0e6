import ServiceItem
import Testing

/// A 四川 item code that breaks its layout fails with the rule, whatever the checking: real
/// codes the portal publishes broken, and synthetic slips of one real code.
@Suite struct SichuanMalformedCodeTests {
    /// 开办互联网上网服务营业场所 of 广安区公安分局 (see `RealCodes.sichuanItemCodes`).
    static let real = "511A0900300012-511602000000-000-11511300008778693M-1-00"
    static let digits12 = "12 characters, each a digit 0-9"
    static let groups = "digits and upper-case letters, with single hyphens between groups"

    static func expect(_ text: String, fails error: ServiceItemError, sourceLocation: SourceLocation = #_sourceLocation)
    {
        for validation in Strictness.allCases {
            #expect(throws: error, sourceLocation: sourceLocation) {
                try SichuanItemCode(parsing: text, strictness: validation)
            }
        }
    }

    /// Two published codes stop after the body: no area code, no trailing segments.
    @Test(arguments: RealCodes.malformedSichuanItemCodes.filter { $0.code.split(separator: "-").count < 6 })
    func publishedCodesWithoutTheirSegmentsFail(_ real: RealCode) {
        Self.expect(
            real.code,
            fails: .missingSegment(
                scheme: "sichuan", segment: "six hyphen-separated segments (item-area-000-body-d-dd)"))
    }

    /// A published body with a lower-case check character: even lenient checking wants the
    /// code's characters right, as for national codes.
    @Test func aLowerCaseBodyCharacterIsACharacterError() {
        Self.expect(
            "511F0045400001-511602000000-000-11511301452259996u-1-00",
            fails: .invalidCharacter(
                kind: .provincialItemCode, position: 50, found: "u", allowed: .digitUppercaseLetterOrHyphen))
        Self.expect(
            "511A0900300012—511602000000-000-11511300008778693M-1-00",
            fails: .invalidCharacter(
                kind: .provincialItemCode, position: 15, found: "—", allowed: .digitUppercaseLetterOrHyphen))
    }

    @Test func missingSegmentsAreNamed() {
        Self.expect(
            "511A0900300012-511602000000-000-11511300008778693M-1",
            fails: .missingSegment(
                scheme: "sichuan", segment: "six hyphen-separated segments (item-area-000-body-d-dd)"))
        Self.expect(
            "511A0900300012-511602000000-000--1-00",
            fails: .missingSegment(scheme: "sichuan", segment: "implementing body code 实施主体编码"))
        Self.expect(
            "511A0900300012-51160200000-000-11511300008778693M-1-00",
            fails: .missingSegment(scheme: "sichuan", segment: "area code 区划代码 (12 digits, then 3 digits)"))
        Self.expect(
            "-511602000000-000-11511300008778693M-1-00",
            fails: .invalidPart(name: "item segment 事项编码", value: "", expected: Self.groups))
    }

    @Test func aBadAreaCodeIsNamed() {
        Self.expect(
            "511A0900300012-51160200000X-000-11511300008778693M-1-00",
            fails: .invalidPart(name: "area code 区划代码", value: "51160200000X", expected: Self.digits12))
        Self.expect(
            "511A0900300012-991602000000-000-11511300008778693M-1-00",
            fails: .invalidPart(
                name: "area code 区划代码", value: "991602000000", expected: "a GB/T 2260 division in its first six digits")
        )
        Self.expect(
            "511A0900300012-511602000000-00-11511300008778693M-1-00",
            fails: .invalidPart(
                name: "segment after the area code 区划后分段", value: "00", expected: "3 characters, each a digit 0-9"))
    }

    @Test func trailingSegmentsMustBeDigits() {
        Self.expect(
            "511A0900300012-511602000000-000-11511300008778693M-1-0A",
            fails: .invalidPart(name: "last segment 末段", value: "0A", expected: "2 characters, each a digit 0-9"))
        Self.expect(
            "511A0900300012-511602000000-000-11511300008778693M-X-00",
            fails: .invalidPart(
                name: "segment after the body code 主体后分段", value: "X", expected: "1 characters, each a digit 0-9"))
    }

    @Test func aBodyWithAnEmptyGroupIsRejected() {
        Self.expect(
            "512C0107400001-511602000000-000-00877868--5-1-00",
            fails: .invalidPart(name: "implementing body code 实施主体编码", value: "00877868--5", expected: Self.groups))
    }

    /// Strictly, an 18-character body must pass the credit-code checks (here the real body
    /// with its check character changed); leniently it is kept and reported.
    @Test func anEighteenCharacterBodyIsCheckedAsACreditCode() throws {
        let slipped = "511A0900300012-511602000000-000-11511300008778693N-1-00"
        #expect {
            try SichuanItemCode(parsing: slipped)
        } throws: { error in
            (error as? ServiceItemError)?.code == "serviceitem.invalid_body_code"
        }
        let lenient = try SichuanItemCode(parsing: slipped, strictness: .lenient)
        #expect(lenient.toleratedErrors.map(\.code) == ["serviceitem.invalid_body_code"])
    }

    @Test func theBuilderChecksEachPart() throws {
        let body = try ImplementingBodyCode("11511300008778693M")
        let item = try SichuanItemPart("511A0900300012")
        #expect(
            throws: ServiceItemError.invalidPart(name: "area code 区划代码", value: "5116020000", expected: Self.digits12)
        ) {
            try SichuanItemCode(item: item, areaCode: "5116020000", body: body)
        }
        #expect(
            throws: ServiceItemError.invalidPart(
                name: "segment after the body code 主体后分段", value: "12", expected: "1 characters, each a digit 0-9")
        ) { try SichuanItemCode(item: item, areaCode: "511602000000", body: body, segmentAfterBody: "12") }
        let built = try SichuanItemCode(item: item, areaCode: "511602000000", body: body)
        #expect(built.code == Self.real)
        #expect(throws: ServiceItemError.invalidPart(name: "item segment 事项编码", value: "G--1", expected: Self.groups)) {
            try SichuanItemPart("G--1")
        }
    }

    /// Hyphenated text built from segments of the lengths that matter (one to three digits,
    /// twelve, eighteen) and damaged at random only ever parses to the same string or throws
    /// `ServiceItemError`: the segment arithmetic never traps.
    @Test func arbitrarySegmentsNeverTrap() {
        var random = GeneratedCodeTests.SplitMix64(state: 51_1602)
        let alphabet = Array("0123456789AXZ-u许")
        let pieces = [
            "", "1", "00", "000", "51", "1A", "G", "000007", "511602000000", "510000000000", "991602000000",
            "11511300008778693M", "083372204", "00877868", "5", "511A0900300012",
        ]
        var parsed = 0
        for _ in 0..<20_000 {
            // Start from the real code's segments, then swap, insert or drop some.
            var segments = Self.real.split(separator: "-").map(String.init)
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let piece = pieces[Int.random(in: 0..<pieces.count, using: &random)]
                let index = Int.random(in: 0...segments.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where index < segments.count: segments[index] = piece
                case 1: segments.insert(piece, at: index)
                default: if index < segments.count { segments.remove(at: index) }
                }
            }
            var characters = Array(segments.joined(separator: "-"))
            if !characters.isEmpty, Bool.random(using: &random) {
                characters[Int.random(in: 0..<characters.count, using: &random)] =
                    alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            }
            let text = String(characters)
            for validation in Strictness.allCases {
                do {
                    let code = try SichuanItemCode(parsing: text, strictness: validation)
                    #expect(code.code == text)
                    #expect(try SichuanItemCode(parsing: code.code, strictness: validation) == code)
                    parsed += 1
                } catch {
                    #expect(!error.code.isEmpty)
                }
            }
        }
        #expect(parsed > 0)
    }
}
