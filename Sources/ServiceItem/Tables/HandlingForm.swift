/// 办理形式: how an applicant can lodge and receive the item (GB/T 39046-2020 appendix A).
public enum HandlingForm: String, CodeTable {
    case window = "1"
    case computer = "2"
    case mobile = "3"
    case express = "4"
    case other = "9"

    public var chineseName: String {
        switch self {
        case .window: return "窗口办理"
        case .computer: return "电脑端网上办理"
        case .mobile: return "移动端办理"
        case .express: return "快递办理"
        case .other: return "其他"
        }
    }

    /// Whether the applicant can use this form without going to a service hall.
    public var isRemote: Bool {
        switch self {
        case .computer, .mobile, .express: return true
        case .window, .other: return false
        }
    }

    /// Whether this form is handling over the internet.
    public var isOnline: Bool { self == .computer || self == .mobile }
}
