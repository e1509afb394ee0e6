/// 登记管理部门: the department that registered the organisation, position 1 of a USCC.
public struct RegistrationAuthority: Hashable, Sendable, CustomStringConvertible {
    /// The character (`9` for 工商/市场监管).
    public let code: Character
    /// The Chinese name (`工商`).
    public let name: String
    /// The categories (机构类别) this authority registers.
    public let categories: [OrganizationCategory]

    /// The authority with `code`, or nil when GB 32100 defines none.
    public init?(code: Character) {
        guard let found = Self.all.first(where: { $0.code == code }) else { return nil }
        self = found
    }

    private init(_ code: Character, _ name: String, _ categories: [(Character, String)]) {
        self.code = code
        self.name = name
        self.categories = categories.map { OrganizationCategory(authority: code, code: $0.0, name: $0.1) }
    }

    /// The category `code` of this authority, or nil.
    public func category(_ code: Character) -> OrganizationCategory? {
        categories.first { $0.code == code }
    }

    public var description: String { "\(code) \(name)" }

    /// GB 32100-2015 table 1 with its later additions (A 中央军委改革和编制办公室, N 农业);
    /// sources in Documentation/CreditCode.md.
    public static let all: [RegistrationAuthority] = [
        RegistrationAuthority("1", "机构编制", [("1", "机关"), ("2", "事业单位"), ("3", "中央编办直接管理机构编制的群众团体"), ("9", "其他")]),
        RegistrationAuthority("2", "外交", [("1", "外国常驻新闻机构"), ("9", "其他")]),
        RegistrationAuthority(
            "3", "司法行政",
            [("1", "律师执业机构"), ("2", "公证处"), ("3", "基层法律服务所"), ("4", "司法鉴定机构"), ("5", "仲裁委员会"), ("9", "其他")]
        ),
        RegistrationAuthority("4", "文化", [("1", "外国在华文化中心"), ("9", "其他")]),
        RegistrationAuthority("5", "民政", [("1", "社会团体"), ("2", "民办非企业单位"), ("3", "基金会"), ("9", "其他")]),
        RegistrationAuthority("6", "旅游", [("1", "外国旅游部门常驻代表机构"), ("2", "港澳台地区旅游部门常驻内地（大陆）代表机构"), ("9", "其他")]),
        RegistrationAuthority("7", "宗教", [("1", "宗教活动场所"), ("2", "宗教院校"), ("9", "其他")]),
        RegistrationAuthority("8", "工会", [("1", "基层工会"), ("9", "其他")]),
        RegistrationAuthority("9", "工商", [("1", "企业"), ("2", "个体工商户"), ("3", "农民专业合作社")]),
        RegistrationAuthority("A", "中央军委改革和编制办公室", [("1", "军队事业单位"), ("9", "其他")]),
        RegistrationAuthority("N", "农业", [("1", "组级集体经济组织"), ("2", "村级集体经济组织"), ("3", "乡镇级集体经济组织"), ("9", "其他")]),
        RegistrationAuthority("Y", "其他", [("1", "其他")]),
    ]
}

/// 机构类别: the kind of organisation within its authority, position 2 of a USCC.
public struct OrganizationCategory: Hashable, Sendable, CustomStringConvertible {
    /// The authority's character.
    public let authority: Character
    /// The category's character.
    public let code: Character
    /// The Chinese name (`企业`).
    public let name: String

    public var description: String { "\(code) \(name)" }
}

extension RegistrationAuthority {
    enum Membership { case known, unknownAuthority, unknownCategory }

    /// The table above as a switch, for the validation hot path (no globals, no retains).
    @inline(__always)
    static func knows(authority: UInt8, category: UInt8) -> Membership {
        let categories: StaticString
        switch authority {
        case UInt8(ascii: "1"), UInt8(ascii: "5"), UInt8(ascii: "N"): categories = "1239"
        case UInt8(ascii: "2"), UInt8(ascii: "4"), UInt8(ascii: "8"), UInt8(ascii: "A"): categories = "19"
        case UInt8(ascii: "3"): categories = "123459"
        case UInt8(ascii: "6"), UInt8(ascii: "7"): categories = "129"
        case UInt8(ascii: "9"): categories = "123"
        case UInt8(ascii: "Y"): categories = "1"
        default: return .unknownAuthority
        }
        let buffer = UnsafeBufferPointer(start: categories.utf8Start, count: categories.utf8CodeUnitCount)
        return buffer.contains(category) ? .known : .unknownCategory
    }
}
