/// 事项状态 of a catalogue entry, as the national exchange records code it.
public enum ItemState: String, CodeTable {
    case inUse = "1"
    case suspended = "2"
    case cancelled = "3"

    public var chineseName: String {
        switch self {
        case .inUse: return "在用"
        case .suspended: return "暂停"
        case .cancelled: return "取消"
        }
    }
}
