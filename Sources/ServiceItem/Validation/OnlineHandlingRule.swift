/// Online handling, visits and handling forms tell the same story: a fully online item
/// (depth IV) needs no visit, offers an online form and asks for no paper-only material; a
/// zero-visit item offers a way to apply without coming; an online form comes with online
/// service details.
public struct OnlineHandlingRule: CatalogueRule {
    public init() {}

    public func issues(in item: CatalogueItem, strictness: Strictness) -> [CatalogueIssue] {
        var issues: [CatalogueIssue] = []
        let offersOnlineForm = item.handlingForms.contains(where: \.isOnline)
        let depth = item.online?.depth

        if depth == .fullyOnline {
            if item.visitsRequired > 0 {
                issues.append(
                    CatalogueIssue(
                        code: "online.fully_online_with_visits", path: "visitsRequired",
                        message:
                            "online depth is IV (fully online) but \(item.visitsRequired) visit(s) are required; "
                            + "a fully online item needs none",
                        chineseTerm: "全程网办事项到办事现场次数应为 0"))
            }
            if !offersOnlineForm {
                issues.append(
                    CatalogueIssue(
                        code: "online.fully_online_without_online_form", path: "handlingForms",
                        message: "online depth is IV (fully online) but no handling form is online (2 or 3)",
                        chineseTerm: "全程网办事项缺少网上办理形式"))
            }
            for (index, material) in item.materials.enumerated() where material.isRequired && material.form == .paper {
                issues.append(
                    CatalogueIssue(
                        code: "online.fully_online_with_paper_material", path: "materials[\(index)].form",
                        message: "required material \"\(material.name)\" is paper only, yet the item is fully online",
                        chineseTerm: "全程网办事项要求提交纸质材料"))
            }
        }
        if depth == .acceptance, item.visitsRequired > 1 {
            issues.append(
                CatalogueIssue(
                    code: "online.acceptance_with_several_visits", severity: .warning, path: "visitsRequired",
                    message: "online depth is III (accepted online) but \(item.visitsRequired) visits are required",
                    chineseTerm: "网上受理事项到现场次数超过 1 次"))
        }
        if offersOnlineForm, item.online == nil {
            issues.append(
                CatalogueIssue(
                    code: "online.form_without_online_service", path: "online",
                    message: "handling forms include online handling but the item has no online service details",
                    chineseTerm: "办理形式含网上办理但缺少网上办理信息"))
        }
        if item.visitsRequired == 0, !item.handlingForms.isEmpty, !item.handlingForms.contains(where: \.isRemote) {
            issues.append(
                CatalogueIssue(
                    code: "visits.zero_without_remote_form", path: "handlingForms",
                    message: "no visit is required, yet every handling form needs the applicant at a window",
                    chineseTerm: "零跑动事项缺少非现场办理形式"))
        }
        return issues
    }
}
