import AdminDivision

/// The item segment of a 四川政务服务网 item code: everything before the area code.
///
/// Two shapes are common, and both carry a local type that the portal's own `taskType`
/// parameter matches (`Specs/service-item/README.md` has the evidence):
///
/// ```
/// 51 1A 00808 00002          51 1F 33033 003          G-000007-001
/// │  │  │     └ sub-item     (12 characters)          │ └ number
/// │  │  └ main item                                   └ local type (one letter)
/// │  └ local type (1A 行政许可 …)
/// └ province (四川)
/// ```
///
/// Anything else (`1J-5100-00027`) is kept whole: the portal publishes such codes, but what
/// their parts mean is not known.
public struct SichuanItemPart: Sendable, Hashable, CustomStringConvertible {
    /// How the segment is laid out.
    public enum Layout: String, Sendable, Hashable {
        /// `51` + a two-character local type + a five-digit main item + a three- or five-digit
        /// sub-item (12 or 14 characters).
        case catalogue
        /// One letter, then hyphen-separated digit groups (`G-000007-001`).
        case lettered
        /// Another layout, kept as written.
        case other
    }

    /// The segment as written.
    public let text: String
    public let layout: Layout
    /// The local type: two characters (`1A`) in the catalogue layout, one letter (`G`) in the
    /// lettered layout, nil otherwise.
    public let localType: String?
    /// 主项 (catalogue layout): items listed under one heading on the portal share it.
    public let mainItem: String?
    /// 子项 (catalogue layout): three or five digits.
    public let subItem: String?
    /// The digit groups after the letter (lettered layout), hyphens included.
    public let number: String?

    /// Local types whose national type the portal's `taskType` confirms: every item with the
    /// type that carries a `taskType` has the same one, but for one 1Z item with 9. `3A`
    /// comes with 7, 10 and 20, so it maps to nothing; `1J` and the lettered `A` are each seen
    /// on one heading only and are left out too.
    public static let nationalTypes: [String: ItemType] = [
        "1A": .licensing, "1E": .adjudication, "1F": .confirmation, "1G": .payment, "1Z": .otherPower,
        "2B": .publicService, "2C": .publicService, "20": .publicService,
        "E": .adjudication, "F": .confirmation, "G": .payment, "H": .reward, "Z": .otherPower,
    ]

    /// Reads the segment; it must be non-empty, of digits, upper-case letters and single
    /// hyphens between them.
    public init(_ text: some StringProtocol) throws(ServiceItemError) {
        let text = String(text)
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard !text.isEmpty, groups.allSatisfy({ !$0.isEmpty }),
            text.allSatisfy(CharacterRule.digitUppercaseLetterOrHyphen.allows)
        else {
            throw .invalidPart(
                name: "item segment 事项编码", value: text,
                expected: "digits and upper-case letters, with single hyphens between groups")
        }
        self.text = text
        let bytes = Array(text.utf8)
        if groups.count == 1, bytes.count == 12 || bytes.count == 14, text.hasPrefix("51"),
            bytes[2...3].allSatisfy({ CharacterRule.digitOrUppercaseLetter.allows(byte: $0) }),
            bytes[4...].allSatisfy({ CharacterRule.digit.allows(byte: $0) })
        {
            layout = .catalogue
            localType = String(decoding: bytes[2..<4], as: UTF8.self)
            mainItem = String(decoding: bytes[4..<9], as: UTF8.self)
            subItem = String(decoding: bytes[9...], as: UTF8.self)
            number = nil
        } else if groups.count >= 2, groups[0].count == 1, CharacterRule.uppercaseLetter.allows(byte: bytes[0]),
            groups.dropFirst().allSatisfy({ $0.allSatisfy(CharacterRule.digit.allows) })
        {
            layout = .lettered
            localType = String(groups[0])
            number = String(text.dropFirst(2))
            mainItem = nil
            subItem = nil
        } else {
            layout = .other
            localType = nil
            mainItem = nil
            subItem = nil
            number = nil
        }
    }

    /// The national item type the local type stands for, when the data confirm it.
    public var itemType: ItemType? { localType.flatMap { Self.nationalTypes[$0] } }

    public var description: String { text }

    /// The named parts, positions counted from the start of the whole code.
    var parts: [CodePart] {
        switch layout {
        case .catalogue:
            return [
                CodePart(
                    key: "province", name: "province", chineseName: "省份", value: "51",
                    meaning: (try? Division("510000"))?.name, positions: 1...2),
                localTypePart(positions: 3...4),
                CodePart(
                    key: "mainItem", name: "main item", chineseName: "主项", value: mainItem ?? "", positions: 5...9),
                CodePart(
                    key: "subItem", name: "sub-item", chineseName: "子项", value: subItem ?? "",
                    positions: 10...text.count),
            ]
        case .lettered:
            return [
                localTypePart(positions: 1...1),
                CodePart(
                    key: "itemNumber", name: "item number", chineseName: "事项序号", value: number ?? "",
                    positions: 3...text.count),
            ]
        case .other:
            return [
                CodePart(
                    key: "itemPart", name: "item segment (layout unconfirmed)", chineseName: "事项编码（分段含义未确认）",
                    value: text, positions: 1...text.count)
            ]
        }
    }

    private func localTypePart(positions: ClosedRange<Int>) -> CodePart {
        let meaning = itemType.map { "\($0.chineseName)（国家类型 \($0.code)）" } ?? "对应的国家类型未确认"
        return CodePart(
            key: "localType", name: "local item type", chineseName: "地方事项类型", value: localType ?? "",
            meaning: meaning, positions: positions)
    }
}
