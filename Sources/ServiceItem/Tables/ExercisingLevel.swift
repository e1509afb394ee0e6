/// 行使层级: the level of government that exercises an item (GB/T 39046-2020 table A.2).
///
/// Position 19 of an implementation code. A catalogue entry may list several levels.
public enum ExercisingLevel: String, CodeTable {
    case national = "1"
    case provincial = "2"
    case municipal = "3"
    case county = "4"
    case township = "5"
    case village = "6"
    /// The item is managed at several levels, split by the law that sets it.
    case tiered = "7"

    public var chineseName: String {
        switch self {
        case .national: return "国家级"
        case .provincial: return "省级"
        case .municipal: return "市级"
        case .county: return "县级"
        case .township: return "镇（乡、街道）级"
        case .village: return "村（社区）级"
        case .tiered: return "分级管理"
        }
    }
}
