import CreditCode

/// Materials are named once each; a material a government department issues is tied to the
/// electronic licence that replaces it (or says why none does) and that licence's type code
/// is well formed; paper materials ask for at least one copy.
public struct MaterialRule: CatalogueRule {
    public init() {}

    public func issues(in item: CatalogueItem, strictness: Strictness) -> [CatalogueIssue] {
        var issues: [CatalogueIssue] = []
        var seen: Set<String> = []
        for (index, material) in item.materials.enumerated() {
            let path = "materials[\(index)]"
            if material.name.isBlank {
                issues.append(
                    CatalogueIssue(
                        code: "materials.name", path: "\(path).name", message: "a material has no name",
                        chineseTerm: "材料名称为空"))
            } else if !seen.insert(material.name).inserted {
                issues.append(
                    CatalogueIssue(
                        code: "materials.duplicate_name", path: "\(path).name",
                        message: "material \"\(material.name)\" is listed more than once", chineseTerm: "材料名称重复"))
            }
            if material.source == .government, !material.electronicLicence.isDescribed {
                issues.append(
                    CatalogueIssue(
                        code: "materials.government_without_licence", path: "\(path).electronicLicence",
                        message:
                            "\"\(material.name)\" is issued by a government department but names no electronic "
                            + "licence type to replace it, nor why there is none",
                        chineseTerm: "政府部门核发材料未关联电子证照"))
            }
            if let typeCode = material.electronicLicence?.typeCode, let reason = Self.typeCodeFailure(typeCode) {
                issues.append(
                    CatalogueIssue(
                        code: "materials.licence_type_code", path: "\(path).electronicLicence.typeCode",
                        message: "licence type code \(typeCode) \(reason)", chineseTerm: "证照类型代码错误"))
            }
            let copies = material.copies
            if copies.originals < 0 || copies.photocopies < 0 {
                issues.append(
                    CatalogueIssue(
                        code: "materials.negative_copies", path: "\(path).copies",
                        message: "\"\(material.name)\" asks for a negative number of copies", chineseTerm: "材料份数错误"))
            } else if material.form == .paper, copies.originals + copies.photocopies == 0 {
                issues.append(
                    CatalogueIssue(
                        code: "materials.paper_without_copies", path: "\(path).copies",
                        message: "\"\(material.name)\" is a paper material but asks for no copy",
                        chineseTerm: "纸质材料份数为 0"))
            }
        }
        return issues
    }

    /// A licence type code is the defining authority's credit code and a three-digit
    /// sequence (GB/T 36902): 21 characters.
    static func typeCodeFailure(_ typeCode: String) -> String? {
        guard typeCode.count == 21 else { return "must be 21 characters, found \(typeCode.count)" }
        let authority = String(typeCode.prefix(ImplementingBodyCode.length))
        guard typeCode.suffix(3).allSatisfy(CharacterRule.digit.allows) else {
            return "must end in a three-digit sequence"
        }
        do {
            _ = try CreditCode(parsing: authority)
            return nil
        } catch {
            return "does not start with a valid defining authority credit code: \(error.description)"
        }
    }
}

extension Optional where Wrapped == LicenceReplacement {
    /// Whether a licence is named (by code or name) or its absence explained.
    var isDescribed: Bool {
        guard let licence = self else { return false }
        return licence.typeCode != nil || !(licence.typeName ?? "").isBlank
            || !(licence.unavailableReason ?? "").isBlank
    }
}
