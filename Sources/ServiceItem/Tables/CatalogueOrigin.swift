/// Positions 1–2 of a basic code: whether the item comes from the national basic catalogue
/// (`00`) or was added by a province (its two-digit GB/T 2260 code).
public enum CatalogueOrigin: Sendable, Hashable, CustomStringConvertible {
    /// 国家基本目录.
    case national
    /// A province's own catalogue, by its two-digit code (44 for Guangdong).
    case province(String)

    /// The provincial-level divisions of GB/T 2260 (including Taiwan, Hong Kong and Macao).
    static let provinceNames: [String: String] = [
        "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
        "21": "辽宁省", "22": "吉林省", "23": "黑龙江省", "31": "上海市", "32": "江苏省",
        "33": "浙江省", "34": "安徽省", "35": "福建省", "36": "江西省", "37": "山东省",
        "41": "河南省", "42": "湖北省", "43": "湖南省", "44": "广东省", "45": "广西壮族自治区",
        "46": "海南省", "50": "重庆市", "51": "四川省", "52": "贵州省", "53": "云南省",
        "54": "西藏自治区", "61": "陕西省", "62": "甘肃省", "63": "青海省", "64": "宁夏回族自治区",
        "65": "新疆维吾尔自治区", "71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区",
    ]

    /// The origin coded `code`: `00` or a province code.
    public init(code: String) throws(ServiceItemError) {
        if code == "00" {
            self = .national
        } else if Self.provinceNames[code] != nil {
            self = .province(code)
        } else {
            throw .unknownCatalogueOrigin(code)
        }
    }

    /// The two-digit code.
    public var code: String {
        switch self {
        case .national: return "00"
        case .province(let code): return code
        }
    }

    public var chineseName: String {
        switch self {
        case .national: return "国家基本目录"
        case .province(let code): return "\(Self.provinceNames[code] ?? code)增补事项"
        }
    }

    public var description: String { "\(code) \(chineseName)" }
}
