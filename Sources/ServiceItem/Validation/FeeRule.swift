/// The charging flag and the fee list agree, and every fee cites its basis.
public struct FeeRule: CatalogueRule {
    public init() {}

    public func issues(in item: CatalogueItem, strictness: Strictness) -> [CatalogueIssue] {
        var issues: [CatalogueIssue] = []
        if item.isCharged, item.fees.isEmpty {
            issues.append(
                CatalogueIssue(
                    code: "fees.charged_without_fees", path: "fees",
                    message: "the item is charged but lists no fee", chineseTerm: "收费事项缺少收费项目"))
        }
        if !item.isCharged, !item.fees.isEmpty {
            issues.append(
                CatalogueIssue(
                    code: "fees.free_with_fees", path: "fees",
                    message: "the item is free but lists \(item.fees.count) fee(s)", chineseTerm: "不收费事项列有收费项目"))
        }
        for (index, fee) in item.fees.enumerated() where fee.basis.isBlank {
            issues.append(
                CatalogueIssue(
                    code: "fees.missing_basis", path: "fees[\(index)].basis",
                    message: "fee \"\(fee.name)\" cites no basis", chineseTerm: "收费依据为空"))
        }
        return issues
    }
}
