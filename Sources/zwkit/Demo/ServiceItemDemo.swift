import AdminDivision
import ServiceItem

/// `zwkit demo`: service-item codes and catalogue elements, on real codes from Guangxi,
/// Xinjiang, Henan and Sichuan and a real Guangzhou catalogue item reduced to a few elements.
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
        let code = try ImplementationCode(parsing: "11450721MB155808114000104002000")
        Console.output("实施编码 \(code)")
        for part in code.parts {
            Console.output("  \(part.chineseName) \(part.value)" + (part.meaning.map { " \($0)" } ?? ""))
        }
        try expect(code.level == .county && code.basicCode.itemType == .licensing, "the Guangxi code's parts")

        // A real 9-digit-serial case number from Xinjiang, a real national 4-digit one from Henan,
        // and one built in the national form.
        let xinjiang = try CaseNumber(parsing: "11650000010183859F265011601300120181228100000001")
        Console.output("办件编号 \(xinjiang): \(xinjiang.date), serial \(xinjiang.serial) (\(xinjiang.serialFormat))")
        let henan = try CaseNumber(parsing: "11410821005677264N4000117018000202105250002")
        try expect(henan.serialFormat == .fourDigit && henan.serial == "0002", "the Henan case number's serial")
        Console.output("办件编号 \(henan): \(henan.date), serial \(henan.serial) (\(henan.serialFormat))")
        guard let date = CalendarDate(year: 2024, month: 3, day: 15) else { throw Unexpected(description: "date") }
        let built = try CaseNumber(implementationCode: code, date: date, serial: 1)
        try expect(CaseNumber(built.description) == built, "a built case number parses back")
        Console.output("built 办件编号 \(built)")

        // Broken codes are rejected with the rule; lenient mode accepts a legacy body code and says so.
        do {
            _ = try ImplementationCode(parsing: "11450721MB155808118000104002000")
            throw Unexpected(description: "an unknown level was accepted")
        } catch let error as ServiceItemError {
            Console.output("rejected: \(error.description)")
        }
        let legacy = try ImplementationCode(parsing: "91350211M00013FA1N4000104002000", strictness: .lenient)
        try expect(legacy.toleratedErrors.count == 1, "the legacy body code is reported")
        Console.output("lenient: \(legacy.toleratedErrors[0].description)")

        // 四川政务服务网's own item code, with the organisation code of 广安区教育科技和体育局 where
        // the credit code belongs: rejected strictly by the credit-code rule, accepted leniently with it reported.
        let sichuanText = "512B0053300006-511602000000-000-083372204-1-00"
        do {
            _ = try SichuanItemCode(parsing: sichuanText)
            throw Unexpected(description: "a 四川 code with an organisation-code body passed strict checking")
        } catch let error as ServiceItemError {
            try expect(error.code == "serviceitem.invalid_body_code", "the 四川 body is checked as a credit code")
        }
        let sichuan = try SichuanItemCode(parsing: sichuanText, strictness: .lenient)
        try expect(sichuan.item.itemType == .publicService && sichuan.areaLevel == .county, "the 四川 code's parts")
        Console.output("四川事项编码 \(sichuan): \(sichuan.toleratedErrors[0].description)")

        // Guangzhou's package service (type TC) is valid leniently, with the local type reported;
        // the same item claiming no visit while it is handled only at a window is rejected.
        var item = try Self.sampleItem()
        let lenient = CatalogueValidator(strictness: .lenient).validate(item)
        try expect(lenient.isValid && lenient.warnings.map(\.code) == ["codes.local_item_type"], "the item validates")
        Console.output("事项要素 \(item.name): valid leniently; \(lenient.warnings[0].description)")
        item.visitsRequired = 0
        let report = CatalogueValidator(strictness: .lenient).validate(item)
        try expect(report.errors.map(\.code) == ["visits.zero_without_remote_form"], "the inconsistency is found")
        Console.output("事项要素 with no visit but only a window: \(report.errors[0].description)")
    }

    /// 我要办理用地证（社会投资） (广州市规划和自然资源局番禺区分局), reduced to the elements the validator
    /// needs, with the values of Specs/service-item/examples/panyu-land-use-permit.json.
    static func sampleItem() throws -> CatalogueItem {
        let implementation = try ImplementationCode(parsing: "114401134554137174444TC12049000", strictness: .lenient)
        return CatalogueItem(
            name: "我要办理用地证（社会投资）", basicCode: implementation.basicCode, implementationCode: implementation,
            itemType: implementation.basicCode.itemType, levels: [.county],
            legalBasis: [LegalBasis(name: "《中华人民共和国城乡规划法》（2007年）")],
            implementingBody: ImplementingBody(
                name: "广州市规划和自然资源局番禺区分局", code: implementation.body.code, nature: .statutoryAuthority),
            statutoryTimeLimit: .workingDays(40), promisedTimeLimit: .workingDays(5),
            acceptanceConditions: [
                "以公开出让方式使用政府储备用地，已按《国有建设用地使用权出让合同》约定缴清国有建设用地使用权出让价款"
                    + "（含利息和违约金）和契税等相关税费的，实行建设用地规划许可证和国有建设用地使用权不动产权证书合并办理。"
            ],
            serviceObjects: [.naturalPerson, .enterprise, .publicInstitution, .otherOrganisation],
            caseType: .promised, handlingForms: [.window], visitsRequired: 1,
            materials: [
                Material(
                    name: "申请人身份证明", source: .government, issuingDepartment: "公安机关",
                    electronicLicence: LicenceReplacement(typeName: "居民身份证"), form: .paperOrElectronic,
                    copies: Copies(originals: 1))
            ])
    }
}
