/// A licence's status (the national data-exchange spec's codes, standards note §5a).
public enum LicenceStatus: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// 01 有效
    case valid = "01"
    /// 02 暂扣
    case suspended = "02"
    /// 03 撤销 (withdrawn: the issuing decision set aside)
    case withdrawn = "03"
    /// 04 注销
    case cancelled = "04"
    /// 05 失效
    case lapsed = "05"
    /// 06 办理转出
    case transferredOut = "06"
    /// 07 吊销 (revoked as a penalty)
    case revoked = "07"
    /// 99 其他
    case other = "99"

    /// The term of the exchange spec.
    public var chineseTerm: String {
        switch self {
        case .valid: return "有效"
        case .suspended: return "暂扣"
        case .withdrawn: return "撤销"
        case .cancelled: return "注销"
        case .lapsed: return "失效"
        case .transferredOut: return "办理转出"
        case .revoked: return "吊销"
        case .other: return "其他"
        }
    }

    /// An English name.
    public var name: String {
        switch self {
        case .valid: return "valid"
        case .suspended: return "suspended"
        case .withdrawn: return "withdrawn"
        case .cancelled: return "cancelled"
        case .lapsed: return "lapsed"
        case .transferredOut: return "transferred out"
        case .revoked: return "revoked"
        case .other: return "other"
        }
    }

    /// `07 吊销 (revoked)`.
    public var description: String { "\(rawValue) \(chineseTerm) (\(name))" }

    /// Whether a licence in this status may be relied on: only 01 有效.
    public var isInForce: Bool { self == .valid }
}
