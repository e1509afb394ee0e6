/// The provincial letter-type layout: two letters for the item type, five digits for the
/// main item and three for the sub-item (10 characters), as in Guizhou's DB52/T 1264-2018
/// (`XK00101001`).
///
/// The letters are pinyin initials of the type (XK 许可, CF 处罚 …). ``standard`` holds the
/// table provinces share; a province with other letters makes its own with ``init(name:chineseName:letters:)``.
public struct LetterTypeScheme: ProvincialCodeScheme {
    public static let length = 10

    public let name: String
    public let chineseName: String
    /// Letters → national item type.
    public let letters: [String: ItemType]

    /// XK 许可, CF 处罚, QZ 强制, ZS 征收, GF 给付, JC 检查, QR 确认, JL 奖励, CJ 裁决,
    /// QT 其他, and both GG and FW for 公共服务.
    public static let standard = LetterTypeScheme(
        name: "letter-type", chineseName: "字母类型编码（贵州 DB52/T 1264 等）",
        letters: [
            "XK": .licensing, "CF": .penalty, "QZ": .enforcement, "ZS": .levy, "GF": .payment,
            "JC": .inspection, "QR": .confirmation, "JL": .reward, "CJ": .adjudication, "QT": .otherPower,
            "GG": .publicService, "FW": .publicService,
        ])

    public init(name: String, chineseName: String, letters: [String: ItemType]) {
        self.name = name
        self.chineseName = chineseName
        self.letters = letters
    }

    public func parse(_ code: String) throws(ServiceItemError) -> ProvincialBasicCode? {
        let text = CodeText(code, kind: .provincialBasicCode)
        // Only ten characters starting with two letters are this layout at all.
        guard text.count == Self.length, code.prefix(2).allSatisfy(CharacterRule.uppercaseLetter.allows)
        else { return nil }
        try text.checkCharacters([CodeLayoutSlot(2..<10, .digit)])
        let localType = text.raw(0..<2)
        guard let itemType = letters[localType] else {
            throw .unknownLetterType(scheme: name, letters: localType)
        }
        let mainItem = text.raw(2..<7)
        let subItem = text.raw(7..<10)
        return ProvincialBasicCode(
            scheme: name, code: code, localType: localType, itemType: itemType, mainItem: mainItem, subItem: subItem,
            parts: Self.parts(localType: localType, itemType: itemType, mainItem: mainItem, subItem: subItem))
    }

    /// Writes the code for a national type; 公共服务 is written GG.
    public func build(itemType: ItemType, mainItem: String, subItem: String = "000") throws(ServiceItemError)
        -> ProvincialBasicCode
    {
        try CharacterRule.digit.checkPart(mainItem, name: "main item 主项", length: 5)
        try CharacterRule.digit.checkPart(subItem, name: "sub-item 子项", length: 3)
        let candidates = letters.filter { $0.value == itemType }.keys.sorted()
        // Prefer GG over FW for public service: it is the form most provinces publish.
        guard let localType = candidates.first(where: { $0 == "GG" }) ?? candidates.first else {
            throw .unknownItemType(itemType.code)
        }
        return ProvincialBasicCode(
            scheme: name, code: localType + mainItem + subItem, localType: localType, itemType: itemType,
            mainItem: mainItem, subItem: subItem,
            parts: Self.parts(localType: localType, itemType: itemType, mainItem: mainItem, subItem: subItem))
    }

    private static func parts(localType: String, itemType: ItemType, mainItem: String, subItem: String) -> [CodePart] {
        [
            CodePart(
                key: "itemType", name: "item type", chineseName: "事项类型", value: localType,
                meaning: "\(itemType.chineseName)（国家类型 \(itemType.code)）", positions: 1...2),
            CodePart(key: "mainItem", name: "main item", chineseName: "主项", value: mainItem, positions: 3...7),
            CodePart(
                key: "subItem", name: "sub-item", chineseName: "子项", value: subItem,
                meaning: subItem == "000" ? "无子项" : nil, positions: 8...10),
        ]
    }
}
