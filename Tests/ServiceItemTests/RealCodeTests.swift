import AdminDivision
import Foundation
import ServiceItem
import Testing
import ZWKitTestSupport

/// Real codes from public sources (see `RealCodes`) parse under strict checking, expose
/// the parts their sources describe, and round-trip.
@Suite struct RealCodeTests {
    @Test(arguments: RealCodes.implementationCodes)
    func implementationCodesParse(_ real: RealCode) throws {
        let code = try ImplementationCode(parsing: real.code)
        #expect(code.code == real.code)
        #expect(code.toleratedErrors.isEmpty)
        #expect(code.body.isUnifiedSocialCreditCode)
        let rebuilt = ImplementationCode(body: code.body, level: code.level, basicCode: code.basicCode)
        #expect(rebuilt.code == real.code)
    }

    @Test(arguments: RealCodes.businessItemCodes)
    func businessItemCodesParse(_ real: RealCode) throws {
        let code = try BusinessItemCode(parsing: real.code)
        let rebuilt = try BusinessItemCode(implementationCode: code.implementationCode, sequence: code.sequence)
        #expect(rebuilt.code == real.code)
    }

    @Test(arguments: RealCodes.caseNumbers)
    func caseNumbersParse(_ real: RealCode) throws {
        let number = try CaseNumber(parsing: real.code)
        #expect(number.serialFormat.caseNumberLength == real.code.count)
        #expect(number.toleratedErrors.isEmpty)
        let rebuilt = try CaseNumber(
            implementationCode: number.implementationCode, date: number.date, serial: number.serial)
        #expect(rebuilt.code == real.code)
    }

    /// The Xinjiang platform's numbers use the nine-digit serial; Henan's 好差评 record the
    /// national four-digit one, and its local number (410821020210525A000002) agrees on the
    /// date and the serial.
    @Test func caseNumbersCarryTheirDateAndSerial() throws {
        let xinjiang = try CaseNumber(parsing: "11650000010183859F265011601300120181228100000001")
        #expect(xinjiang.serialFormat == .nineDigit)
        #expect(xinjiang.date == CalendarDate(year: 2018, month: 12, day: 28))
        let henan = try CaseNumber(parsing: "11410821005677264N4000117018000202105250002")
        #expect(henan.serialFormat == .fourDigit)
        #expect(henan.date == CalendarDate(year: 2021, month: 5, day: 25))
        #expect(henan.serial == "0002")
        #expect(henan.implementationCode.body.registrationDivision == "410821")
        #expect(henan.implementationCode.level == .county)
        #expect(henan.implementationCode.basicCode.code == "000117018000")
        #expect(henan.implementationCode.basicCode.itemType == .licensing)
    }

    /// Guangzhou's catalogue writes its package services with the letters TC where the
    /// national code has the item type: strict checking stops at the letter, lenient checking
    /// accepts the code and reports the local type.
    @Test(arguments: RealCodes.lenientImplementationCodes)
    func lenientImplementationCodesParseAndSaySo(_ real: RealCode) throws {
        #expect(
            throws: ServiceItemError.invalidCharacter(
                kind: .implementationCode, position: 22, found: "T", allowed: .digit)
        ) { try ImplementationCode(parsing: real.code) }
        let code = try ImplementationCode(parsing: real.code, strictness: real.strictness)
        #expect(code.toleratedErrors == [.localItemType("TC")])
        #expect(code.basicCode.itemType.chineseName == "套餐服务")
        #expect(code.basicCode.itemType.category == .local)
        #expect(code.body.isUnifiedSocialCreditCode)
        #expect(code.level == .county)
        let rebuilt = ImplementationCode(body: code.body, level: code.level, basicCode: code.basicCode)
        #expect(rebuilt.code == real.code)
    }

    @Test(arguments: RealCodes.basicCodes)
    func basicCodesParse(_ real: RealCode) throws {
        let code = try BasicCode(parsing: real.code)
        let rebuilt = try BasicCode(
            origin: code.origin, itemType: code.itemType, mainItem: code.mainItem, subItem: code.subItem)
        #expect(rebuilt.code == real.code)
    }

    @Test func atLeastFiveProvincesAreRepresented() {
        let provinces = Set(
            RealCodes.all.map { $0.code.count == 12 ? String($0.code.prefix(2)) : province(of: $0.code) })
        #expect(provinces.count >= 6, "provinces: \(provinces.sorted())")
    }

    /// The 灵山县 record says: body 11450721MB15580811, use_level 4, catalog_code 000104002000
    /// (固定资产投资项目节能审查, a national 行政许可 main item without sub-items).
    @Test func guangxiRecordPartsMatchTheRecordsOwnFields() throws {
        let code = try ImplementationCode(parsing: "11450721MB155808114000104002000")
        #expect(code.body.code == "11450721MB15580811")
        #expect(code.level == .county)
        #expect(code.basicCode.code == "000104002000")
        #expect(code.basicCode.origin == .national)
        #expect(code.basicCode.itemType == .licensing)
        #expect(code.basicCode.mainItem == "04002")
        #expect(!code.basicCode.isSubItem)
        #expect(code.body.registrationDivision == "450721")
        #expect(code.body.registrationLevel == .county)
    }

    /// On the Shenzhen page the business items 01 (企业申请) and 02 (个人申请) extend the same
    /// implementation code, a 广东-added public service (type 20) at city level.
    @Test func shenzhenBusinessItemsShareTheirImplementationCode() throws {
        let personal = try BusinessItemCode(parsing: "114403006939513773344201505200802")
        let enterprise = try BusinessItemCode(parsing: "114403006939513773344201505200801")
        #expect(personal.implementationCode == enterprise.implementationCode)
        #expect(personal.sequence == "02")
        let basic = personal.implementationCode.basicCode
        #expect(basic.origin == .province("44"))
        #expect(basic.itemType == .publicService)
        #expect(basic.subItem == "008")
        #expect(personal.implementationCode.level == .municipal)
    }

    /// The pages' own query parameters name the item type: Hubei's taskType=07 (行政确认) and
    /// Jiangsu's ql_kind=01 (行政许可) agree with positions 22–23 of the codes.
    @Test func itemTypesAgreeWithThePortalsOwnParameters() throws {
        let hubei = try BusinessItemCode(parsing: "11420000777570977B200073900100001")
        #expect(hubei.implementationCode.basicCode.itemType == .confirmation)
        #expect(hubei.implementationCode.level == .provincial)
        let jiangsu = try BusinessItemCode(parsing: "113205000141492526332010502800201")
        #expect(jiangsu.implementationCode.code == "1132050001414925263320105028002")
        #expect(jiangsu.implementationCode.basicCode.itemType == .licensing)
        #expect(jiangsu.implementationCode.basicCode.origin == .province("32"))
        #expect(jiangsu.implementationCode.basicCode.subItem == "002")
    }

    @Test func everyPartHasANameAndItsCharacters() throws {
        for real in RealCodes.all {
            let code = try ServiceItemCode(real.code, strictness: real.strictness)
            let parts = code.parts
            // The parts tile the code exactly, in order.
            var next = 1
            for part in parts {
                #expect(part.positions.lowerBound == next, "\(real): \(part.key)")
                #expect(!part.name.isEmpty && !part.chineseName.isEmpty)
                let start = real.code.index(real.code.startIndex, offsetBy: part.positions.lowerBound - 1)
                let end = real.code.index(real.code.startIndex, offsetBy: part.positions.upperBound)
                #expect(String(real.code[start..<end]) == part.value, "\(real): \(part.key)")
                next = part.positions.upperBound + 1
            }
            #expect(next == real.code.count + 1, "\(real)")
        }
    }

    /// The embedded credit codes agree with python-stdnum's independent `cn.uscc`.
    @Test func embeddedCreditCodesAgreeWithPythonStdnum() throws {
        guard try Processes.pythonHas(["stdnum.cn.uscc"]) else { return }
        let bodies = RealCodes.all.filter { $0.code.count > 12 }.map { String($0.code.prefix(18)) }
        let script =
            "import sys\nfrom stdnum.cn import uscc\nprint(' '.join(str(uscc.is_valid(c)) for c in sys.argv[1:]))"
        let result = try Processes.python(script, bodies)
        #expect(result.status == 0, "\(result.stderrText)")
        let verdicts = result.stdoutText.split(separator: " ").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(verdicts == bodies.map { _ in "True" })
    }

    private func province(of code: String) -> String {
        // The body's registration division names the province for every real code here.
        String(code.dropFirst(2).prefix(2))
    }
}
