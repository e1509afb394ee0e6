/// The seal formats met in the field.
public enum SealVersion: Int, Sendable, Hashable, Codable, CustomStringConvertible {
    /// GM/T 0031-2014 《安全电子签章密码技术规范》.
    case v1 = 1
    /// GB/T 38540-2020 《信息安全技术 安全电子签章密码技术规范》.
    case v4 = 4
    /// The field's "version 5": the v4 structure with header version 5 and an optional time stamp on the seal.
    case v5 = 5

    public var description: String {
        switch self {
        case .v1: return "v1 (GM/T 0031-2014)"
        case .v4: return "v4 (GB/T 38540-2020)"
        case .v5: return "v5 (field variant)"
        }
    }
}
