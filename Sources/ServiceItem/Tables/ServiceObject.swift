/// 服务对象: who an item serves (GB/T 39046-2020 appendix A).
public enum ServiceObject: String, CodeTable {
    case naturalPerson = "1"
    case enterprise = "2"
    case publicInstitution = "3"
    case socialOrganisation = "4"
    case administrativeOrgan = "5"
    case otherOrganisation = "6"

    public var chineseName: String {
        switch self {
        case .naturalPerson: return "自然人"
        case .enterprise: return "企业法人"
        case .publicInstitution: return "事业法人"
        case .socialOrganisation: return "社会组织法人"
        case .administrativeOrgan: return "行政机关"
        case .otherOrganisation: return "其他组织"
        }
    }
}
