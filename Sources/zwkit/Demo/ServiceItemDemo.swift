import AdminDivision
import ServiceItem

/// `zwkit demo`: service-item codes and catalogue elements, on real codes from Guangxi and
/// Xinjiang and a small catalogue item built in place.
struct ServiceItemDemo: DemoSection {
    let title = "ServiceItem: 政务服务事项编码 (GB/T 39554.1) and 事项要素"

    private struct Unexpected: Error, CustomStringConvertible {
        let description: String
    }

    private func expect(_ condition: Bool, _ what: String) throws {
        guard condition else { throw Unexpected(description: what) }
    }

    func run() async throws {
        // A real implementation code: 灵山县行政审批局, 固定资产投资项目节能审查.
        let code = try ImplementationCode("11450721MB155808114000104002000")
        Console.output("实施编码 \(code)")
        for part in code.parts {
            Console.output("  \(part.chineseName) \(part.value) \(part.meaning ?? "")")
        }
        try expect(code.level == .county && code.basicCode.itemType == .licensing, "the Guangxi code's parts")

        // A real 9-digit-serial case number from Xinjiang, and one built in the national 4-digit form.
        let xinjiang = try CaseNumber("11650000010183859F265011601300120181228100000001")
        Console.output("办件编号 \(xinjiang): \(xinjiang.date), serial \(xinjiang.serial) (\(xinjiang.serialFormat))")
        guard let date = CalendarDate(year: 2024, month: 3, day: 15) else { throw Unexpected(description: "date") }
        let built = try CaseNumber(implementationCode: code, date: date, serial: 1)
        try expect(try CaseNumber(built.code) == built, "a built case number parses back")
        Console.output("built 办件编号 \(built)")

        // Broken codes are rejected with the rule; lenient mode accepts a legacy body code and says so.
        do {
            _ = try ImplementationCode("11450721MB155808118000104002000")
            throw Unexpected(description: "an unknown level was accepted")
        } catch let error as ServiceItemError {
            Console.output("rejected: \(error.description)")
        }
        let legacy = try ImplementationCode("91350211M00013FA1N4000104002000", validation: .lenient)
        try expect(legacy.toleratedErrors.count == 1, "the legacy body code is reported")
        Console.output("lenient: \(legacy.toleratedErrors[0].description)")

        // A catalogue item that says "fully online" but asks for a visit is rejected.
        var item = try Self.sampleItem()
        try expect(CatalogueValidator().validate(item).isValid, "the sample item validates")
        item.visitsRequired = 1
        let report = CatalogueValidator().validate(item)
        try expect(report.errors.map(\.code) == ["online.fully_online_with_visits"], "the inconsistency is found")
        Console.output("事项要素 with a visit but fully online: \(report.errors[0].description)")
    }

    /// 小汽车增量指标申请 (深圳市交通运输局), reduced to the elements the validator needs.
    static func sampleItem() throws -> CatalogueItem {
        let implementation = try ImplementationCode("1144030069395137733442015052008")
        return CatalogueItem(
            name: "小汽车增量指标申请", basicCode: implementation.basicCode, implementationCode: implementation,
            itemType: .publicService, levels: [.municipal],
            legalBasis: [LegalBasis(name: "深圳市小汽车增量调控管理实施细则")],
            implementingBody: ImplementingBody(
                name: "深圳市交通运输局", code: implementation.body.code, nature: .statutoryAuthority),
            statutoryTimeLimit: .workingDays(20), promisedTimeLimit: .workingDays(5),
            acceptanceConditions: ["持有有效的机动车驾驶证"], serviceObjects: [.naturalPerson], caseType: .promised,
            handlingForms: [.computer, .mobile], visitsRequired: 0, online: OnlineService(depth: .fullyOnline),
            materials: [
                Material(
                    name: "居民身份证", source: .government,
                    electronicLicence: LicenceReplacement(typeCode: "11100000000013127D001", typeName: "居民身份证"),
                    form: .electronic, copies: Copies(originals: 0))
            ])
    }
}
