/// 基本编码: the 12-character code of an item in the basic catalogue (GB/T 39554.1-2020).
///
/// ```
/// 00 01 04002 000
/// │  │  │     └ sub-item 子项 (000 when none; local sub-items may hold letters: W01)
/// │  │  └ main item 主项
/// │  └ item type 事项类型 (table A.1)
/// └ catalogue origin: 00 national, or the province that added the item
/// ```
public struct BasicCode: Sendable, Hashable {
    public static let length = 12

    public let origin: CatalogueOrigin
    public let itemType: ItemType
    /// 主项: five digits or upper-case letters.
    public let mainItem: String
    /// 子项: three digits or upper-case letters; `000` when the item has no sub-items.
    public let subItem: String

    /// Builds a basic code from its parts, checking each part's length and characters.
    public init(origin: CatalogueOrigin, itemType: ItemType, mainItem: String, subItem: String = "000")
        throws(ServiceItemError)
    {
        try CharacterRule.digitOrUppercaseLetter.checkPart(mainItem, name: "main item 主项", length: 5)
        try CharacterRule.digitOrUppercaseLetter.checkPart(subItem, name: "sub-item 子项", length: 3)
        self.origin = origin
        self.itemType = itemType
        self.mainItem = mainItem
        self.subItem = subItem
    }

    /// Parses a basic code, reporting the first rule it breaks.
    init(exactly code: String, strictness: Strictness) throws(ServiceItemError) {
        let text = CodeText(code, kind: .basicCode)
        try self.init(text, strictness: strictness)
    }

    init(_ text: CodeText, strictness: Strictness) throws(ServiceItemError) {
        try text.requireLength([Self.length])
        try text.checkCharacters(Self.layout(strictness))
        try self.init(reading: text, at: 0, strictness: strictness)
    }

    /// The characters each position may hold. The item type is two digits; lenient checking
    /// lets letters through there too, for the local letter types (`TC`) that `ItemType` knows.
    static func layout(_ strictness: Strictness) -> [CodeLayoutSlot] {
        [
            CodeLayoutSlot(0..<2, .digit),
            CodeLayoutSlot(2..<4, strictness == .strict ? .digit : .digitOrUppercaseLetter),
            CodeLayoutSlot(4..<12, .digitOrUppercaseLetter),
        ]
    }

    /// Reads the 12 characters starting at `start` of a longer code, whose characters the
    /// caller has checked against `layout(strictness)`.
    init(reading text: CodeText, at start: Int, strictness: Strictness) throws(ServiceItemError) {
        origin = try CatalogueOrigin(code: text.raw(start..<start + 2))
        itemType = try ItemType(code: text.raw(start + 2..<start + 4), strictness: strictness)
        mainItem = text.raw(start + 4..<start + 9)
        subItem = text.raw(start + 9..<start + 12)
    }

    /// The 12 characters.
    public var code: String { origin.code + itemType.code + mainItem + subItem }

    /// Whether the code names a sub-item rather than a main item.
    public var isSubItem: Bool { subItem != "000" }

    /// The main item this sub-item belongs to (itself when it is a main item).
    public var mainItemCode: BasicCode {
        // The parts were checked when `self` was made; only the sub-item changes.
        (try? BasicCode(origin: origin, itemType: itemType, mainItem: mainItem, subItem: "000")) ?? self
    }

    /// The locally tolerated rules this code breaks (a local item type in lenient mode).
    public var toleratedErrors: [ServiceItemError] {
        itemType.category == .local ? [.localItemType(itemType.code)] : []
    }

    /// The named parts, positions 1–12.
    public var parts: [CodePart] {
        [
            CodePart(
                key: "catalogueOrigin", name: "catalogue origin", chineseName: "目录来源", value: origin.code,
                meaning: origin.chineseName, positions: 1...2),
            CodePart(
                key: "itemType", name: "item type", chineseName: "事项类型", value: itemType.code,
                meaning: itemType.chineseName, positions: 3...4),
            CodePart(key: "mainItem", name: "main item", chineseName: "主项", value: mainItem, positions: 5...9),
            CodePart(
                key: "subItem", name: "sub-item", chineseName: "子项", value: subItem,
                meaning: isSubItem ? nil : "无子项", positions: 10...12),
        ]
    }
}
