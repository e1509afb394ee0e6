/// 事项类型: the kind of power or service an item is (GB/T 39046-2020 table A.1), positions
/// 3–4 of a basic code.
///
/// The table has the ten administrative powers (01–10) and their umbrella 00, public
/// service 20, and two extension ranges (11–19, 21–29) that provinces fill with their own
/// kinds (Guangdong codes local public services 21). Some provinces also use 30 政府内部审批,
/// 31 便民服务 and 32 主题服务, and Guangzhou's catalogue writes its package services 套餐服务
/// with the letters TC in the same two positions (`44TC12049000`); the national table has none
/// of these, so only lenient checking accepts them.
public struct ItemType: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The two-digit code.
    public let code: String

    /// Where a type sits in the table.
    public enum Category: String, Sendable, Hashable, Codable {
        /// 00–10: 行政权力事项.
        case administrativePower
        /// 20: 公共服务事项.
        case publicService
        /// 11–19 and 21–29: ranges the standard leaves for extension.
        case extensionRange
        /// 30–32 and TC: seen in provincial catalogues, not in the national table.
        case local
    }

    public static let administrativePower = ItemType(trusted: "00")
    public static let licensing = ItemType(trusted: "01")
    public static let penalty = ItemType(trusted: "02")
    public static let enforcement = ItemType(trusted: "03")
    public static let levy = ItemType(trusted: "04")
    public static let payment = ItemType(trusted: "05")
    public static let inspection = ItemType(trusted: "06")
    public static let confirmation = ItemType(trusted: "07")
    public static let reward = ItemType(trusted: "08")
    public static let adjudication = ItemType(trusted: "09")
    public static let otherPower = ItemType(trusted: "10")
    public static let publicService = ItemType(trusted: "20")

    /// The named types of table A.1, in code order.
    public static let nationalTypes: [ItemType] = [
        .administrativePower, .licensing, .penalty, .enforcement, .levy, .payment, .inspection,
        .confirmation, .reward, .adjudication, .otherPower, .publicService,
    ]

    private static let chineseNames: [String: String] = [
        "00": "行政权力事项", "01": "行政许可", "02": "行政处罚", "03": "行政强制", "04": "行政征收",
        "05": "行政给付", "06": "行政检查", "07": "行政确认", "08": "行政奖励", "09": "行政裁决",
        "10": "其他行政权力", "20": "公共服务", "30": "政府内部审批", "31": "便民服务", "32": "主题服务",
        "TC": "套餐服务",
    ]

    /// Letter types written where the national table has two digits. Only the ones seen in
    /// real catalogues are listed, so a stray pair of letters is still an unknown type.
    static let localLetterCodes: Set<String> = ["TC"]

    private init(trusted code: String) {
        self.code = code
    }

    /// The type coded `code`. Strict checking accepts table A.1 and its extension ranges;
    /// lenient checking also accepts the local types 30–32 and TC.
    public init(code: String, strictness: Strictness = .strict) throws(ServiceItemError) {
        if Self.localLetterCodes.contains(code) {
            guard strictness == .lenient else { throw .localItemType(code) }
            self.code = code
            return
        }
        guard code.count == 2, code.allSatisfy(CharacterRule.digit.allows), let number = Int(code) else {
            throw .unknownItemType(code)
        }
        switch number {
        case 0...29:
            break
        case 30...32 where strictness == .lenient:
            break
        case 30...32:
            throw .localItemType(code)
        default:
            throw .unknownItemType(code)
        }
        self.code = code
    }

    public var category: Category {
        switch Int(code) ?? -1 {
        case 0...10: return .administrativePower
        case 20: return .publicService
        case 11...19, 21...29: return .extensionRange
        default: return .local
        }
    }

    /// The table's name, or a description of the extension range the code falls in.
    public var chineseName: String {
        if let name = Self.chineseNames[code] { return name }
        switch Int(code) ?? -1 {
        case 11...19: return "扩展类型（行政权力扩展区间 11–19）"
        default: return "扩展类型（公共服务扩展区间 21–29）"
        }
    }

    /// Whether the type is an administrative power (including the 11–19 extensions).
    public var isAdministrativePower: Bool {
        switch Int(code) ?? -1 {
        case 0...19: return true
        default: return false
        }
    }

    public var description: String { "\(code) \(chineseName)" }

    public static func < (lhs: ItemType, rhs: ItemType) -> Bool { lhs.code < rhs.code }
}

extension ItemType: Codable {
    /// Decodes leniently: a catalogue file may carry a local type, and the validator, not
    /// the decoder, decides whether that is acceptable.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        do {
            try self.init(code: code, strictness: .lenient)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
