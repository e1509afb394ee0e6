/// A province's own layout for basic codes, beside the national one.
///
/// Some provinces wrote their catalogues before GB/T 39554.1 and still use their own codes
/// (Guizhou's DB52/T 1264-2018: a two-letter type, a five-digit main item and a three-digit
/// sub-item). A scheme parses such codes and maps their types onto the national table, so
/// callers can add a province's format without touching the national parsers.
public protocol ProvincialCodeScheme: Sendable {
    /// A short stable name (`letter-type`).
    var name: String { get }
    /// The scheme's name for people (贵州省字母类型编码).
    var chineseName: String { get }

    /// Parses `code` in this scheme's layout.
    /// - Returns: nil when the text is not in this layout at all (so another scheme may try);
    ///   throws when it is in this layout but breaks one of its rules.
    func parse(_ code: String) throws(ServiceItemError) -> ProvincialBasicCode?
}

/// A basic code in a provincial layout, with its type mapped onto the national table.
public struct ProvincialBasicCode: Sendable, Hashable, CustomStringConvertible {
    /// The scheme's `name`.
    public let scheme: String
    /// The code as written.
    public let code: String
    /// The type as the province writes it (`XK`).
    public let localType: String
    /// The national item type `localType` stands for.
    public let itemType: ItemType
    public let mainItem: String
    public let subItem: String
    /// The named parts.
    public let parts: [CodePart]

    public init(
        scheme: String, code: String, localType: String, itemType: ItemType, mainItem: String, subItem: String,
        parts: [CodePart]
    ) {
        self.scheme = scheme
        self.code = code
        self.localType = localType
        self.itemType = itemType
        self.mainItem = mainItem
        self.subItem = subItem
        self.parts = parts
    }

    /// The national basic code of the same item, as the province files it: origin is the
    /// province, type is the mapped national type, main and sub-item are kept.
    public func nationalBasicCode(origin: CatalogueOrigin) throws(ServiceItemError) -> BasicCode {
        try BasicCode(origin: origin, itemType: itemType, mainItem: mainItem, subItem: subItem)
    }

    public var description: String { code }
}
