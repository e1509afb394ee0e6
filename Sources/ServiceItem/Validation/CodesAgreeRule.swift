/// The item's codes agree with each other and with its elements: the implementation code
/// holds the basic code, the body's code and one of the listed levels; the basic code holds
/// the item type; every business item code extends the implementation code; a province's
/// own item is implemented by a body registered in that province.
public struct CodesAgreeRule: CatalogueRule {
    public init() {}

    public func issues(in item: CatalogueItem, strictness: Strictness) -> [CatalogueIssue] {
        let implementation = item.implementationCode
        var issues: [CatalogueIssue] = []

        if implementation.basicCode != item.basicCode {
            issues.append(
                CatalogueIssue(
                    code: "codes.basic_code_mismatch", path: "implementationCode",
                    message:
                        "implementation code \(implementation) holds basic code \(implementation.basicCode), "
                        + "but the item's basic code is \(item.basicCode)",
                    chineseTerm: "实施编码与基本编码不一致"))
        }
        if item.basicCode.itemType != item.itemType {
            issues.append(
                CatalogueIssue(
                    code: "codes.item_type_mismatch", path: "itemType",
                    message:
                        "item type is \(item.itemType), but basic code \(item.basicCode) says \(item.basicCode.itemType)",
                    chineseTerm: "事项类型与基本编码不一致"))
        }
        if implementation.body.code != item.implementingBody.code {
            issues.append(
                CatalogueIssue(
                    code: "codes.body_code_mismatch", path: "implementingBody.code",
                    message:
                        "implementing body code is \(item.implementingBody.code), but the implementation code "
                        + "names \(implementation.body)",
                    chineseTerm: "实施编码与实施主体编码不一致"))
        }
        if !item.levels.isEmpty, !item.levels.contains(implementation.level) {
            let listed = item.levels.map(\.code).joined(separator: ",")
            issues.append(
                CatalogueIssue(
                    code: "codes.level_not_listed", path: "implementationCode",
                    message:
                        "implementation code is at level \(implementation.level.code) "
                        + "(\(implementation.level.chineseName)), which is not among the item's levels \(listed)",
                    chineseTerm: "实施编码行使层级不在事项行使层级中"))
        }
        issues += businessItemIssues(item)
        issues += toleratedCodeIssues(item, strictness: strictness)
        issues += registrationIssues(item)
        return issues
    }

    private func businessItemIssues(_ item: CatalogueItem) -> [CatalogueIssue] {
        var issues: [CatalogueIssue] = []
        var seen: Set<String> = []
        for (index, businessItem) in item.businessItems.enumerated() {
            let path = "businessItems[\(index)].code"
            if businessItem.code.implementationCode != item.implementationCode {
                issues.append(
                    CatalogueIssue(
                        code: "codes.business_item_mismatch", path: path,
                        message:
                            "business item code \(businessItem.code) does not extend implementation code "
                            + "\(item.implementationCode)",
                        chineseTerm: "业务办理项编码与实施编码不一致"))
            }
            if !seen.insert(businessItem.code.code).inserted {
                issues.append(
                    CatalogueIssue(
                        code: "codes.business_item_duplicate", path: path,
                        message: "business item code \(businessItem.code) appears more than once",
                        chineseTerm: "业务办理项编码重复"))
            }
        }
        return issues
    }

    /// Rules lenient decoding waived: an error under strict checking, a warning under lenient.
    private func toleratedCodeIssues(_ item: CatalogueItem, strictness: Strictness) -> [CatalogueIssue] {
        var issues: [CatalogueIssue] = []
        let severity = strictness.toleratedSeverity
        do {
            let body = try ImplementingBodyCode(item.implementingBody.code, strictness: .lenient)
            if let error = body.toleratedError {
                issues.append(
                    CatalogueIssue(
                        code: "codes.body_not_credit_code", severity: severity, path: "implementingBody.code",
                        message: error.message, chineseTerm: error.chineseTerm))
            }
        } catch {
            issues.append(
                CatalogueIssue(
                    code: "codes.body_code_malformed", path: "implementingBody.code", message: error.message,
                    chineseTerm: error.chineseTerm))
        }
        if item.itemType.category == .local {
            let error = ServiceItemError.localItemType(item.itemType.code)
            issues.append(
                CatalogueIssue(
                    code: "codes.local_item_type", severity: severity, path: "itemType", message: error.message,
                    chineseTerm: error.chineseTerm))
        }
        return issues
    }

    /// What the body's registration says about where and at what level it acts.
    private func registrationIssues(_ item: CatalogueItem) -> [CatalogueIssue] {
        let implementation = item.implementationCode
        var issues: [CatalogueIssue] = []
        if case .province(let province) = item.basicCode.origin,
            let registered = implementation.body.registrationProvince, registered != province
        {
            issues.append(
                CatalogueIssue(
                    code: "codes.origin_province_mismatch", path: "basicCode",
                    message:
                        "basic code \(item.basicCode) is an item added by province \(province), but the body "
                        + "\(implementation.body) is registered in province \(registered)",
                    chineseTerm: "增补事项省份与实施主体登记地不一致"))
        }
        if let registrationLevel = implementation.body.registrationLevel, registrationLevel != implementation.level {
            issues.append(
                CatalogueIssue(
                    code: "codes.level_differs_from_registration", severity: .warning, path: "implementationCode",
                    message:
                        "the body is registered at \(registrationLevel.chineseName) level but the code exercises "
                        + "the item at level \(implementation.level.code) (\(implementation.level.chineseName))",
                    chineseTerm: "行使层级与实施主体登记层级不同"))
        }
        return issues
    }
}
