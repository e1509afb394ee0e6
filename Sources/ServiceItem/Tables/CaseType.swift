/// 办件类型: whether an item is settled on the spot or by a promised date
/// (GB/T 39046-2020 appendix A).
public enum CaseType: String, CodeTable {
    /// 即办件: decided on the spot.
    case immediate = "1"
    /// 承诺件: decided within the promised time limit.
    case promised = "2"
    case other = "9"

    public var chineseName: String {
        switch self {
        case .immediate: return "即办件"
        case .promised: return "承诺件"
        case .other: return "其他"
        }
    }
}
