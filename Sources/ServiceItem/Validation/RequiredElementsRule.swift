/// The elements without which an item cannot be published: a name, levels, legal basis,
/// service objects, handling forms, a body, and a visit count that is not negative.
public struct RequiredElementsRule: CatalogueRule {
    public init() {}

    public func issues(in item: CatalogueItem, strictness: Strictness) -> [CatalogueIssue] {
        var issues: [CatalogueIssue] = []
        func require(_ present: Bool, _ code: String, _ path: String, _ message: String, _ term: String) {
            if !present { issues.append(CatalogueIssue(code: code, path: path, message: message, chineseTerm: term)) }
        }
        require(!item.name.isBlank, "required.name", "name", "the item has no name", "事项名称为空")
        require(!item.levels.isEmpty, "required.levels", "levels", "no exercising level is listed", "行使层级为空")
        require(
            !item.serviceObjects.isEmpty, "required.service_objects", "serviceObjects", "no service object is listed",
            "服务对象为空")
        require(
            !item.handlingForms.isEmpty, "required.handling_forms", "handlingForms", "no handling form is listed",
            "办理形式为空")
        require(
            !item.implementingBody.name.isBlank, "required.body_name", "implementingBody.name",
            "the implementing body has no name", "实施主体名称为空")
        require(
            item.visitsRequired >= 0, "visits.negative", "visitsRequired",
            "visits required is \(item.visitsRequired); it cannot be negative", "到办事现场次数错误")
        if item.legalBasis.isEmpty {
            // Powers exist only by law; a public service without a cited basis is merely incomplete.
            issues.append(
                CatalogueIssue(
                    code: "required.legal_basis", severity: item.itemType.isAdministrativePower ? .error : .warning,
                    path: "legalBasis", message: "no legal basis is cited", chineseTerm: "设定依据为空"))
        }
        if item.acceptanceConditions.allSatisfy(\.isBlank) {
            issues.append(
                CatalogueIssue(
                    code: "required.acceptance_conditions", severity: .warning, path: "acceptanceConditions",
                    message: "no acceptance condition is stated", chineseTerm: "受理条件为空"))
        }
        return issues
    }
}

extension String {
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
