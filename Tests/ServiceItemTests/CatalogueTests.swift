import Foundation
import ServiceItem
import Testing
import ZWKitTestSupport

/// The catalogue element model: the Guangdong example validates, JSON round-trips, matches
/// the JSON Schema, and every kind of inconsistency is rejected with a precise reason.
@Suite struct CatalogueTests {
    static let exampleURL = Fixtures.specs.appendingPathComponent("service-item/examples/shenzhen-car-quota.json")
    static let schemaURL = Fixtures.specs.appendingPathComponent("service-item/catalogue-item.schema.json")

    static func example() throws -> CatalogueItem {
        try JSONDecoder().decode(CatalogueItem.self, from: Data(contentsOf: exampleURL))
    }

    /// The codes of the issues an item has, errors only.
    static func errorCodes(_ item: CatalogueItem, validation: ItemCodeValidation = .strict) -> [String] {
        CatalogueValidator(validation: validation).validate(item).errors.map(\.code)
    }

    @Test func guangdongExampleIsValid() throws {
        let item = try Self.example()
        let report = CatalogueValidator().validate(item)
        #expect(report.isValid, "\(report.issues)")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(item.implementationCode.basicCode == item.basicCode)
        #expect(item.online?.depth == .fullyOnline)
        #expect(item.businessItems.map(\.code.sequence) == ["01", "02"])
    }

    @Test func jsonRoundTrips() throws {
        let item = try Self.example()
        let encoded = try JSONEncoder().encode(item)
        #expect(try JSONDecoder().decode(CatalogueItem.self, from: encoded) == item)
        // Coded values are written as the standard's codes.
        let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["levels"] as? [String] == ["3"])
        #expect(object["itemType"] as? String == "20")
        #expect(object["implementationCode"] as? String == "1144030069395137733442015052008")
    }

    /// Codes are Codable on their own too, as their strings (decoded leniently).
    @Test func codesEncodeAsTheirStrings() throws {
        let codes = [try ImplementationCode("91350211M00013FA1N4000104002000", validation: .lenient)]
        let data = try JSONEncoder().encode(codes)
        #expect(String(decoding: data, as: UTF8.self) == #"["91350211M00013FA1N4000104002000"]"#)
        #expect(try JSONDecoder().decode([ImplementationCode].self, from: data) == codes)
        let number = try JSONDecoder().decode(
            CaseNumber.self, from: Data(#""11650000010183859F265011601300120181228100000001""#.utf8))
        #expect(number.serialFormat == .nineDigit)
    }

    @Test func fullyOnlineItemWithVisitsIsRejected() throws {
        var item = try Self.example()
        item.visitsRequired = 1
        let report = CatalogueValidator().validate(item)
        let issue = try #require(report.issues(withCode: "online.fully_online_with_visits").first)
        #expect(issue.path == "visitsRequired")
        #expect(issue.chineseTerm == "全程网办事项到办事现场次数应为 0")
        #expect(issue.message.contains("1 visit"))
        #expect(report.errors.count == 1)
    }

    @Test func fullyOnlineItemNeedsAnOnlineFormAndNoPaper() throws {
        var item = try Self.example()
        item.handlingForms = [.window]
        item.materials[4].form = .paper
        item.materials[4].copies = Copies(originals: 1)
        #expect(
            Self.errorCodes(item) == [
                "online.fully_online_without_online_form", "online.fully_online_with_paper_material",
                "visits.zero_without_remote_form",
            ])
    }

    @Test func governmentMaterialWithoutLicenceIsRejected() throws {
        var item = try Self.example()
        item.materials[1].electronicLicence = nil
        let issues = CatalogueValidator().validate(item).errors
        #expect(issues.map(\.code) == ["materials.government_without_licence"])
        #expect(issues.first?.path == "materials[1].electronicLicence")
        #expect(issues.first?.message.contains("机动车驾驶证") == true)
        // Saying why there is none is enough.
        item.materials[1].electronicLicence = LicenceReplacement(unavailableReason: "驾驶证电子证照尚未接入本系统")
        #expect(Self.errorCodes(item).isEmpty)
    }

    @Test func malformedLicenceTypeCodeIsRejected() throws {
        var item = try Self.example()
        item.materials[0].electronicLicence?.typeCode = "11100000000013127E001"
        let issue = try #require(CatalogueValidator().validate(item).errors.first)
        #expect(issue.code == "materials.licence_type_code")
        #expect(issue.message.contains("校验码错误"))
    }

    @Test func codesThatDisagreeAreRejected() throws {
        var item = try Self.example()
        item.basicCode = try BasicCode("442015052006")
        #expect(Self.errorCodes(item) == ["codes.basic_code_mismatch"])

        item = try Self.example()
        item.itemType = .otherPower
        #expect(Self.errorCodes(item) == ["codes.item_type_mismatch"])

        item = try Self.example()
        item.implementingBody.code = "11440300MB2D072246"
        #expect(Self.errorCodes(item) == ["codes.body_code_mismatch"])

        item = try Self.example()
        item.levels = [.county]
        let issue = try #require(CatalogueValidator().validate(item).errors.first)
        #expect(issue.code == "codes.level_not_listed")
        #expect(issue.message.contains("level 3 (市级)"))

        item = try Self.example()
        item.businessItems.append(
            BusinessItem(code: try BusinessItemCode("11450000007565194H200011501500504"), name: "x"))
        #expect(Self.errorCodes(item) == ["codes.business_item_mismatch"])

        item = try Self.example()
        item.businessItems.append(item.businessItems[0])
        #expect(Self.errorCodes(item) == ["codes.business_item_duplicate"])
    }

    /// An item Guangdong added (origin 44) cannot be implemented by a body registered in Guangxi.
    @Test func provincialItemImplementedOutsideItsProvinceIsRejected() throws {
        var item = try Self.example()
        let guangxiBody = try ImplementingBodyCode("11450721MB15580811")
        item.implementationCode = ImplementationCode(body: guangxiBody, level: .municipal, basicCode: item.basicCode)
        item.implementingBody.code = guangxiBody.code
        item.businessItems = []
        let codes = CatalogueValidator().validate(item).issues.map(\.code)
        #expect(codes == ["codes.origin_province_mismatch", "codes.level_differs_from_registration"])
    }

    /// Strict validation rejects a body code that is not a credit code; lenient warns.
    @Test func nonCreditBodyCodeIsAnErrorStrictlyAndAWarningLeniently() throws {
        var item = try Self.example()
        let legacy = "11440300693951377X"
        let body = try ImplementingBodyCode(legacy, validation: .lenient)
        item.implementationCode = ImplementationCode(body: body, level: .municipal, basicCode: item.basicCode)
        item.implementingBody.code = legacy
        item.businessItems = []
        #expect(Self.errorCodes(item) == ["codes.body_not_credit_code"])
        let lenient = CatalogueValidator(validation: .lenient).validate(item)
        #expect(lenient.isValid)
        #expect(lenient.warnings.map(\.code) == ["codes.body_not_credit_code"])
    }

    @Test func timeLimitsAndFeesAreConsistent() throws {
        var item = try Self.example()
        item.promisedTimeLimit = .workingDays(30)
        #expect(Self.errorCodes(item) == ["time_limit.promise_exceeds_statutory"])
        item.promisedTimeLimit = TimeLimit(value: 30, unit: .calendarDays)
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
            func issues(in item: CatalogueItem, validation: ItemCodeValidation) -> [CatalogueIssue] {
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
        let validator = CatalogueValidator(rules: CatalogueValidator.standardRules + [NoCancelledItems()])
        #expect(validator.validate(item).errors.map(\.code) == ["local.cancelled"])
    }

    @Test func decodingReportsTheMalformedCodeAndItsPath() throws {
        var json = try String(contentsOf: Self.exampleURL, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"basicCode\": \"442015052008\"", with: "\"basicCode\": \"449915052008\"")
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
