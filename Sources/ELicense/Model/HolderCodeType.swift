/// 持证主体代码类型 (said by several implementations to come from GB/T 36903 annex A; see the
/// standards note §5): which document the holder's code 持证主体代码 comes from.
public struct HolderCodeType: Sendable, Hashable, Codable, RawRepresentable, CustomStringConvertible {
    /// The three-digit code.
    public let rawValue: String

    public init?(rawValue: String) {
        guard rawValue.utf8.count == 3, rawValue.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        self.rawValue = rawValue
    }

    private init(known: String) { self.rawValue = known }

    public static let creditCode = HolderCodeType(known: "001")
    public static let otherOrganizationDocument = HolderCodeType(known: "099")
    public static let citizenID = HolderCodeType(known: "111")
    public static let otherPersonalDocument = HolderCodeType(known: "999")

    /// The name of the type (`统一社会信用代码`), or nil for a code the table lacks.
    public var name: String? { Self.names[rawValue] }

    /// Whether the code belongs to a person rather than an organisation (1xx–9xx but 0xx).
    public var isPersonal: Bool { !rawValue.hasPrefix("0") }

    public var description: String { name.map { "\(rawValue) \($0)" } ?? rawValue }

    static let names: [String: String] = [
        "001": "统一社会信用代码", "099": "其他法人或其他组织证件",
        "111": "公民身份号码", "114": "中国人民解放军军官证", "115": "中国人民武装警察部队警官证",
        "118": "中国人民解放军士兵证", "119": "中国人民武装警察部队士兵证",
        "120": "中国人民解放军文职人员证", "122": "中国人民武装警察部队文职人员证",
        "411": "外交护照", "412": "公务护照", "413": "公务普通护照", "414": "普通护照",
        "511": "台湾居民来往大陆通行证", "516": "港澳居民来往内地通行证", "999": "其他个人证件",
    ]
}
