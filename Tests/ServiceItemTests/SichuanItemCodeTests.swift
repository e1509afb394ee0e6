import AdminDivision
import CreditCode
import ServiceItem
import Testing

/// 四川政务服务网's own item codes (`RealCodes.sichuanItemCodes`): strict checking wants a
/// credit code in the body and names that rule when it is not one; lenient checking accepts
/// the portal's organisation codes, truncated codes and short numbers and says so.
@Suite struct SichuanItemCodeTests {
    static let strict = RealCodes.sichuanItemCodes.filter { $0.strictness == .strict }
    static let lenient = RealCodes.sichuanItemCodes.filter { $0.strictness == .lenient }
    static let policeLicence = "511A0900300012-511602000000-000-11511300008778693M-1-00"

    /// The body is everything between the area's `000` and the last two segments.
    static func body(of code: String) -> String {
        let segments = code.split(separator: "-", omittingEmptySubsequences: false)
        let area = segments.indices.first { $0 > 0 && segments[$0].count == 12 && segments[$0 + 1] == "000" } ?? 0
        return segments[(area + 2)..<(segments.count - 2)].joined(separator: "-")
    }

    @Test(arguments: strict)
    func codesWithACreditCodeBodyPassStrictChecking(_ real: RealCode) throws {
        let code = try SichuanItemCode(parsing: real.code)
        #expect(code.code == real.code)
        #expect(code.toleratedErrors.isEmpty)
        #expect(code.body.isUnifiedSocialCreditCode)
        #expect(code.body.code == Self.body(of: real.code))
        #expect(code.body.registrationProvince == "51")
    }

    @Test(arguments: lenient)
    func strictCheckingNamesTheCreditCodeRule(_ real: RealCode) {
        let body = Self.body(of: real.code)
        #expect {
            try SichuanItemCode(parsing: real.code)
        } throws: { error in
            guard case .invalidBodyCode(let value, _) = error as? ServiceItemError else { return false }
            return value == body && (error as? ServiceItemError)?.chineseTerm == "实施主体统一社会信用代码错误"
        }
    }

    @Test(arguments: lenient)
    func lenientCheckingAcceptsALocalBodyAndSaysSo(_ real: RealCode) throws {
        let code = try SichuanItemCode(parsing: real.code, strictness: .lenient)
        #expect(code.code == real.code)
        #expect(code.body.code == Self.body(of: real.code))
        #expect(!code.body.isUnifiedSocialCreditCode)
        #expect(code.body.creditCode == nil)
        #expect(code.toleratedErrors.map(\.code) == ["serviceitem.invalid_body_code"])
        let body = try #require(code.parts.first { $0.key == "bodyCode" })
        #expect(body.meaning == "非统一社会信用代码（宽松模式接受）")
    }

    /// Parse, rebuild from the parts, and get the same string back, under both checkings.
    @Test(arguments: RealCodes.sichuanItemCodes)
    func codesRoundTrip(_ real: RealCode) throws {
        let code = try SichuanItemCode(parsing: real.code, strictness: real.strictness)
        let rebuilt = try SichuanItemCode(
            item: SichuanItemPart(code.item.text), areaCode: code.areaCode, segmentAfterArea: code.segmentAfterArea,
            body: ImplementingBodyCode(localCode: code.body.code, strictness: real.strictness),
            segmentAfterBody: code.segmentAfterBody, lastSegment: code.lastSegment)
        #expect(rebuilt == code)
        #expect(rebuilt.code == real.code)
    }

    /// Every part names the characters at its positions.
    @Test(arguments: RealCodes.sichuanItemCodes)
    func partsPointAtTheirCharacters(_ real: RealCode) throws {
        let code = try SichuanItemCode(parsing: real.code, strictness: real.strictness)
        let characters = Array(real.code)
        for part in code.parts {
            let range = (part.positions.lowerBound - 1)..<part.positions.upperBound
            #expect(String(characters[range]) == part.value, "\(part.key) in \(real.code)")
        }
        let keys = code.parts.map(\.key)
        #expect(Array(keys.suffix(5)) == ["areaCode", "afterArea", "bodyCode", "afterBody", "lastSegment"])
    }

    /// The local type maps to the national type the portal's own `taskType` gives, wherever
    /// the mapping is known.
    @Test(arguments: RealCodes.sichuanItemCodes)
    func localTypesAgreeWithThePortalsTaskType(_ real: RealCode) throws {
        let code = try SichuanItemCode(parsing: real.code, strictness: real.strictness)
        guard let itemType = code.item.itemType else {
            #expect(code.item.layout == .other, "\(real.code) has a local type without a mapping")
            return
        }
        #expect(Int(itemType.code) == real.taskType.flatMap { Int($0) }, "\(real.code)")
    }

    @Test func theItemSegmentsLayoutsAreRead() throws {
        let licence = try SichuanItemCode(parsing: Self.policeLicence)
        #expect(licence.item.layout == .catalogue)
        #expect(licence.item.localType == "1A")
        #expect(licence.item.mainItem == "09003")
        #expect(licence.item.subItem == "00012")
        #expect(licence.item.itemType == .licensing)
        let short = try SichuanItemPart("511F33033003")
        #expect(short.mainItem == "33033" && short.subItem == "003" && short.itemType == .confirmation)
        let payment = try SichuanItemPart("G-000007-001")
        #expect(payment.layout == .lettered && payment.localType == "G" && payment.number == "000007-001")
        #expect(payment.itemType == .payment)
        let unknown = try SichuanItemPart("1J-5100-00027")
        #expect(unknown.layout == .other && unknown.localType == nil && unknown.itemType == nil)
        // 3A comes with taskType 7, 10 and 20 in the same list: no national type.
        #expect(try SichuanItemPart("513A0011200068").itemType == nil)
    }

    /// The area code is a GB/T 2260 division followed by township and village digits.
    @Test func theAreaCodeNamesItsDivisionAndLevel() throws {
        let district = try SichuanItemCode(parsing: Self.policeLicence)
        #expect(district.divisionCode == DivisionCode("511602"))
        #expect(district.areaLevel == .county)
        let area = try #require(district.parts.first { $0.key == "areaCode" })
        #expect(area.meaning == "四川省广安市广安区（县级）")
        let township = try SichuanItemCode(parsing: "511F99243096-511921101000-000-11513721008837024N-1-00")
        #expect(township.townshipCode == "101" && township.villageCode == "000")
        #expect(township.areaLevel == .township)
        let province = try SichuanItemCode(
            parsing: "511A0077700002-510000000000-000-8282348-1-00", strictness: .lenient)
        #expect(province.areaLevel == .provincial)
        let city = try SichuanItemCode(parsing: "511A0080600053-512000000000-000-11511800015427357G-1-00")
        #expect(city.areaLevel == .municipal)
    }

    /// The bodies the portal writes instead of credit codes, identified: the organisation
    /// code inside the body's own credit code (with or without the hyphen), and the credit
    /// code with the organisation code's check digit (position 17) dropped.
    @Test func localBodiesAreTheBodysOlderOrDamagedIdentifiers() throws {
        #expect(try CreditCode(parsing: "115113010833722043").organizationCode.compactForm == "083372204")
        #expect(
            try CreditCode(parsing: "115113010087786859").organizationCode == OrganizationCode(parsing: "00877868-5"))
        var truncated = Array("11511300008778693M")
        truncated.remove(at: 16)
        #expect(String(truncated) == "1151130000877869M")
        let organisation = try ImplementingBodyCode(localCode: "00877868-5", strictness: .lenient)
        #expect(organisation.toleratedError?.message.contains("organisation code 组织机构代码") == true)
        let short = try ImplementingBodyCode(localCode: "1151130000877869M", strictness: .lenient)
        #expect(short.toleratedError?.message.contains("17 characters") == true)
        // An 18-character local code fails the credit-code checks themselves.
        let tobacco = try ImplementingBodyCode(localCode: "TE5116020105116050", strictness: .lenient)
        #expect(tobacco.toleratedError?.code == "serviceitem.invalid_body_code")
        #expect(!CreditCode.isValid("TE5116020105116050"))
    }

    /// A 43-character 四川 code is not read as a case number when the scheme is given; without
    /// it, the national parser stops at the hyphen.
    @Test func theSchemePlugsIntoServiceItemCode() throws {
        let text = "512B0046200003-510000000000-000-451212-1-00"
        #expect(text.count == 43)
        #expect(
            throws: ServiceItemError.invalidCharacter(
                kind: .caseNumber, position: 15, found: "-", allowed: .digitOrUppercaseLetter)
        ) { try ServiceItemCode(text, strictness: .lenient) }
        let parsed = try ServiceItemCode(
            text, strictness: .lenient, implementationSchemes: [SichuanItemCodeScheme()])
        #expect(parsed.kind == .provincialItemCode)
        #expect(parsed.code == text)
        #expect(parsed.toleratedErrors.map(\.code) == ["serviceitem.invalid_body_code"])
        #expect(parsed.basicCode == nil)
        guard case .provincialImplementation(let provincial) = parsed else {
            Issue.record("expected a provincial implementation code")
            return
        }
        #expect(provincial.scheme == "sichuan")
        #expect(provincial.itemType == .publicService)
        #expect(provincial.body.code == "451212")
        // National codes are untouched by the scheme.
        let national = try ServiceItemCode(
            "11450721MB155808114000104002000", implementationSchemes: [SichuanItemCodeScheme()])
        #expect(national.kind == .implementationCode)
    }
}
