import Foundation
import ServiceItem
import Testing
import ZWKitTestSupport

/// The catalogue element model: the real Guangdong example validates, JSON round-trips,
/// matches the JSON Schema, and every kind of inconsistency is rejected with a precise reason.
///
/// The example is 我要办理用地证（社会投资） of 广州市规划和自然资源局番禺区分局, every element taken
/// from the record Guangzhou's 事项库 returned for 114401134554137174444TC12049000, as quoted
/// in public integration code (code index id 22945828805; Specs/service-item/README.md
/// lists each element's source field). Its item type is Guangzhou's local TC (套餐服务), so it
/// validates leniently, and strictly with that one error.
@Suite struct CatalogueTests {
    static let exampleURL = Fixtures.specs.appendingPathComponent("service-item/examples/panyu-land-use-permit.json")
    static let schemaURL = Fixtures.specs.appendingPathComponent("service-item/catalogue-item.schema.json")

    static func example() throws -> CatalogueItem {
        try JSONDecoder().decode(CatalogueItem.self, from: Data(contentsOf: exampleURL))
    }

    /// The codes of the issues an item has, errors only. Lenient by default, so the example's
    /// local item type does not hide the rule a test is about.
    static func errorCodes(_ item: CatalogueItem, strictness: Strictness = .lenient) -> [String] {
        CatalogueValidator(strictness: strictness).validate(item).errors.map(\.code)
    }

    static func index(of name: String, in item: CatalogueItem) throws -> Int {
        try #require(item.materials.firstIndex { $0.name == name })
    }

    @Test func guangdongExampleIsValidLenientlyAndReportsItsLocalType() throws {
        let item = try Self.example()
        let lenient = CatalogueValidator(strictness: .lenient).validate(item)
        #expect(lenient.isValid, "\(lenient.issues)")
        #expect(lenient.warnings.map(\.code) == ["codes.local_item_type"])
        let strict = CatalogueValidator().validate(item)
        #expect(strict.issues.map(\.code) == ["codes.local_item_type"])
        #expect(strict.errors.first?.path == "itemType")

        #expect(item.implementationCode.basicCode == item.basicCode)
        #expect(item.implementationCode.body.code == item.implementingBody.code)
        #expect(item.itemType.chineseName == "套餐服务")
        #expect(item.levels == [.county])
        #expect(item.statutoryTimeLimit == TimeLimit(value: 40, unit: .workingDays, note: "自受理之日起，在法定时限内办结"))
        #expect(item.promisedTimeLimit.value == 5)
        #expect(item.online == nil)
        #expect(item.materials.count == 10)
        #expect(item.materials.filter(\.isRequired).count == 7)
        #expect(item.materials.filter { $0.source == .government }.count == 4)
    }

    @Test func jsonRoundTrips() throws {
        let item = try Self.example()
        let encoded = try JSONEncoder().encode(item)
        #expect(try JSONDecoder().decode(CatalogueItem.self, from: encoded) == item)
        // Coded values are written as the standard's codes.
        let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["levels"] as? [String] == ["4"])
        #expect(object["itemType"] as? String == "TC")
        #expect(object["serviceObjects"] as? [String] == ["1", "2", "3", "6"])
        #expect(object["implementationCode"] as? String == "114401134554137174444TC12049000")
    }

    /// Codes are Codable on their own too, as their strings (decoded leniently).
    @Test func codesEncodeAsTheirStrings() throws {
        let codes = [try ImplementationCode(parsing: "91350211M00013FA1N4000104002000", strictness: .lenient)]
        let data = try JSONEncoder().encode(codes)
        #expect(String(decoding: data, as: UTF8.self) == #"["91350211M00013FA1N4000104002000"]"#)
        #expect(try JSONDecoder().decode([ImplementationCode].self, from: data) == codes)
        let number = try JSONDecoder().decode(
            CaseNumber.self, from: Data(#""11650000010183859F265011601300120181228100000001""#.utf8))
        #expect(number.serialFormat == .nineDigit)
    }

    /// The example is handled at a window; claiming it fully online while keeping its visit
    /// contradicts itself.
    @Test func fullyOnlineItemWithVisitsIsRejected() throws {
        var item = try Self.example()
        item.online = OnlineService(depth: .fullyOnline)
        item.handlingForms = [.computer]
        let report = CatalogueValidator(strictness: .lenient).validate(item)
        let issue = try #require(report.issues(withCode: "online.fully_online_with_visits").first)
        #expect(issue.path == "visitsRequired")
        #expect(issue.chineseTerm == "全程网办事项到办事现场次数应为 0")
        #expect(issue.message.contains("1 visit"))
        #expect(report.errors.count == 1)
        item.visitsRequired = 0
        #expect(Self.errorCodes(item).isEmpty)
    }

    @Test func fullyOnlineItemNeedsAnOnlineFormAndNoPaper() throws {
        var item = try Self.example()
        item.online = OnlineService(depth: .fullyOnline)
        item.visitsRequired = 0
        item.materials[0].form = .paper
        #expect(
            Self.errorCodes(item) == [
                "online.fully_online_without_online_form", "online.fully_online_with_paper_material",
                "visits.zero_without_remote_form",
            ])
    }

    @Test func onlineFormWithoutOnlineServiceIsRejected() throws {
        var item = try Self.example()
        item.handlingForms = [.window, .computer]
        #expect(Self.errorCodes(item) == ["online.form_without_online_service"])
    }

    @Test func governmentMaterialWithoutLicenceIsRejected() throws {
        var item = try Self.example()
        let index = try Self.index(of: "申请人身份证明", in: item)
        item.materials[index].electronicLicence = nil
        let issues = CatalogueValidator(strictness: .lenient).validate(item).errors
        #expect(issues.map(\.code) == ["materials.government_without_licence"])
        #expect(issues.first?.path == "materials[\(index)].electronicLicence")
        #expect(issues.first?.message.contains("申请人身份证明") == true)
        // Saying why there is none is enough, as the example does for 闲置土地处置意见.
        item.materials[index].electronicLicence = LicenceReplacement(unavailableReason: "未关联电子证照")
        #expect(Self.errorCodes(item).isEmpty)
    }

    /// Guangdong's licence catalogue numbers (100208101 居民身份证) are not GB/T 36902 type
    /// codes, which is why the example keeps them in notes; the validator says why either
    /// kind of slip is wrong.
    @Test func malformedLicenceTypeCodeIsRejected() throws {
        var item = try Self.example()
        let index = try Self.index(of: "申请人身份证明", in: item)
        item.materials[index].electronicLicence?.typeCode = "100208101"
        var issue = try #require(CatalogueValidator(strictness: .lenient).validate(item).errors.first)
        #expect(issue.code == "materials.licence_type_code")
        #expect(issue.message.contains("must be 21 characters, found 9"))
        item.materials[index].electronicLicence?.typeCode = "11100000000013127E001"
        issue = try #require(CatalogueValidator(strictness: .lenient).validate(item).errors.first)
        #expect(issue.message.contains("校验码错误"))
        item.materials[index].electronicLicence?.typeCode = "11100000000013127D001"
        #expect(Self.errorCodes(item).isEmpty)
    }

    @Test func codesThatDisagreeAreRejected() throws {
        var item = try Self.example()
        item.basicCode = try BasicCode(parsing: "44TC12049001", strictness: .lenient)
        #expect(Self.errorCodes(item) == ["codes.basic_code_mismatch"])

        item = try Self.example()
        item.itemType = .licensing
        #expect(Self.errorCodes(item) == ["codes.item_type_mismatch"])

        item = try Self.example()
        item.implementingBody.code = "114401130075236724"
        #expect(Self.errorCodes(item) == ["codes.body_code_mismatch"])

        item = try Self.example()
        item.levels = [.municipal]
        let issue = try #require(CatalogueValidator(strictness: .lenient).validate(item).errors.first)
        #expect(issue.code == "codes.level_not_listed")
        #expect(issue.message.contains("level 4 (县级)"))

        item = try Self.example()
        item.businessItems.append(
            BusinessItem(code: try BusinessItemCode(parsing: "11450000007565194H200011501500504"), name: "x"))
        #expect(Self.errorCodes(item) == ["codes.business_item_mismatch"])

        item = try Self.example()
        let own = BusinessItem(
            code: try BusinessItemCode(implementationCode: item.implementationCode, sequence: "01"), name: "社会投资")
        item.businessItems = [own]
        #expect(Self.errorCodes(item).isEmpty)
        item.businessItems.append(own)
        #expect(Self.errorCodes(item) == ["codes.business_item_duplicate"])
    }

    /// An item Guangdong added (origin 44) cannot be implemented by a body registered in Guangxi.
    @Test func provincialItemImplementedOutsideItsProvinceIsRejected() throws {
        var item = try Self.example()
        let guangxiBody = try ImplementingBodyCode("11450721MB15580811")
        item.implementationCode = ImplementationCode(body: guangxiBody, level: .county, basicCode: item.basicCode)
        item.implementingBody.code = guangxiBody.code
        #expect(Self.errorCodes(item) == ["codes.origin_province_mismatch"])
        // A county body acting at city level is unusual, not wrong.
        item.implementationCode = ImplementationCode(body: guangxiBody, level: .municipal, basicCode: item.basicCode)
        item.levels = [.municipal]
        let report = CatalogueValidator(strictness: .lenient).validate(item)
        #expect(report.errors.map(\.code) == ["codes.origin_province_mismatch"])
        #expect(report.warnings.map(\.code) == ["codes.local_item_type", "codes.level_differs_from_registration"])
    }

    /// Strict validation rejects a body code that is not a credit code; lenient warns. The
    /// body here is the example's with its check character changed (synthetic).
    @Test func nonCreditBodyCodeIsAnErrorStrictlyAndAWarningLeniently() throws {
        var item = try Self.example()
        let altered = "11440113455413717X"
        let body = try ImplementingBodyCode(altered, strictness: .lenient)
        item.implementationCode = ImplementationCode(body: body, level: .county, basicCode: item.basicCode)
        item.implementingBody.code = altered
        #expect(
            Self.errorCodes(item, strictness: .strict) == ["codes.body_not_credit_code", "codes.local_item_type"])
        let lenient = CatalogueValidator(strictness: .lenient).validate(item)
        #expect(lenient.isValid)
        #expect(lenient.warnings.map(\.code) == ["codes.body_not_credit_code", "codes.local_item_type"])
        #expect(lenient.warnings.first?.message.contains("should be 4") == true)
    }

    @Test func timeLimitsAndFeesAreConsistent() throws {
        var item = try Self.example()
        item.promisedTimeLimit = .workingDays(50)
        #expect(Self.errorCodes(item) == ["time_limit.promise_exceeds_statutory"])
        item.promisedTimeLimit = TimeLimit(value: 50, unit: .calendarDays)
        #expect(Self.errorCodes(item).isEmpty, "different units are not compared")

        item = try Self.example()
        item.isCharged = true
        #expect(Self.errorCodes(item) == ["fees.charged_without_fees"])
        item.fees = [Fee(name: "工本费", standard: "10 元", basis: "")]
        #expect(Self.errorCodes(item) == ["fees.missing_basis"])
        item.isCharged = false
        #expect(Self.errorCodes(item) == ["fees.free_with_fees", "fees.missing_basis"])
    }

    @Test func requiredElementsAndMaterialRules() throws {
        var item = try Self.example()
        item.name = " "
        item.levels = []
        item.serviceObjects = []
        item.visitsRequired = -1
        item.materials.append(item.materials[0])
        let codes = Self.errorCodes(item)
        #expect(codes.contains("required.name"))
        #expect(codes.contains("required.levels"))
        #expect(codes.contains("required.service_objects"))
        #expect(codes.contains("visits.negative"))
        #expect(codes.contains("materials.duplicate_name"))
        #expect(!codes.contains("codes.level_not_listed"), "no levels is reported once, as missing")
    }

    @Test func customRulesComposeWithTheStandardOnes() throws {
        struct NoCancelledItems: CatalogueRule {
            func issues(in item: CatalogueItem, strictness: Strictness) -> [CatalogueIssue] {
                item.state == .cancelled
                    ? [
                        CatalogueIssue(
                            code: "local.cancelled", path: "state", message: "cancelled", chineseTerm: "事项已取消")
                    ]
                    : []
            }
        }
        var item = try Self.example()
        item.state = .cancelled
        let validator = CatalogueValidator(
            strictness: .lenient, rules: CatalogueValidator.standardRules + [NoCancelledItems()])
        #expect(validator.validate(item).errors.map(\.code) == ["local.cancelled"])
    }

    @Test func decodingReportsTheMalformedCodeAndItsPath() throws {
        var json = try String(contentsOf: Self.exampleURL, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"basicCode\": \"44TC12049000\"", with: "\"basicCode\": \"44XK12049000\"")
        #expect {
            try JSONDecoder().decode(CatalogueItem.self, from: Data(json.utf8))
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["basicCode"]
                && context.debugDescription.contains("事项类型代码错误")
        }
    }

    /// The example and the model's own encoding both satisfy the JSON Schema, checked by the
    /// independent `jsonschema` Python package (installed by the test script; required under CI).
    @Test func exampleAndEncodingSatisfyTheJSONSchema() throws {
        guard try Processes.pythonHas(["jsonschema"]) else { return }
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let encodedURL = directory.appendingPathComponent("encoded.json")
        try JSONEncoder().encode(Self.example()).write(to: encodedURL)
        var broken = try Self.example()
        broken.visitsRequired = -1
        let brokenURL = directory.appendingPathComponent("broken.json")
        try JSONEncoder().encode(broken).write(to: brokenURL)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            validator = jsonschema.Draft202012Validator(schema)
            for path in sys.argv[2:]:
                print(len(list(validator.iter_errors(json.load(open(path))))))
            """
        let result = try Processes.python(
            script, [Self.schemaURL.path, Self.exampleURL.path, encodedURL.path, brokenURL.path])
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdoutText.split(separator: "\n") == ["0", "0", "1"])
    }
}
