/// 实施主体性质: on what authority the implementing body acts (GB/T 39046-2020 table A.3).
public enum BodyNature: String, CodeTable {
    case statutoryAuthority = "1"
    case authorisedOrganisation = "2"
    case entrustedOrganisation = "3"
    case other = "9"

    public var chineseName: String {
        switch self {
        case .statutoryAuthority: return "法定机关"
        case .authorisedOrganisation: return "授权组织"
        case .entrustedOrganisation: return "受委托组织"
        case .other: return "其他"
        }
    }
}
