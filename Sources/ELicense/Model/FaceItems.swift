/// The face items 照面信息 of a licence: `KZ_` element codes and their texts, in order.
///
/// ```swift
/// var face = FaceItems()
/// face["KZ_XM"] = "王芳"
/// face["KZ_XM"]     // "王芳"
/// ```
public struct FaceItems: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// Code and text of every item, in order.
    public private(set) var items: [(code: String, value: String)]

    public init() { items = [] }

    public init(_ items: [(code: String, value: String)]) { self.items = items }

    public init(dictionaryLiteral elements: (String, String)...) {
        items = elements.map { (code: $0.0, value: $0.1) }
    }

    /// The text of the item with this code; setting nil removes it, setting a new code appends it.
    public subscript(code: String) -> String? {
        get { items.first { $0.code == code }?.value }
        set {
            if let index = items.firstIndex(where: { $0.code == code }) {
                if let newValue { items[index].value = newValue } else { items.remove(at: index) }
            } else if let newValue {
                items.append((code, newValue))
            }
        }
    }

    /// The items put into the order of `type`'s schema (items the type does not define keep
    /// their order after the others, so that validation names them).
    public func ordered(for type: LicenceType) -> FaceItems {
        let rank = Dictionary(uniqueKeysWithValues: type.faceFields.enumerated().map { ($0.element.code, $0.offset) })
        let sorted = items.enumerated().sorted { lhs, rhs in
            let left = rank[lhs.element.code] ?? type.faceFields.count + lhs.offset
            let right = rank[rhs.element.code] ?? type.faceFields.count + rhs.offset
            return left < right
        }
        return FaceItems(sorted.map(\.element))
    }

    public static func == (lhs: FaceItems, rhs: FaceItems) -> Bool {
        lhs.items.count == rhs.items.count && zip(lhs.items, rhs.items).allSatisfy { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        for item in items {
            hasher.combine(item.code)
            hasher.combine(item.value)
        }
    }

    private struct Item: Codable {
        let code: String
        let value: String
    }

    public init(from decoder: any Decoder) throws {
        items = try [Item](from: decoder).map { ($0.code, $0.value) }
    }

    public func encode(to encoder: any Encoder) throws {
        try items.map { Item(code: $0.code, value: $0.value) }.encode(to: encoder)
    }
}

/// A licence's data: its metadata and face items, what the data XML carries.
public struct LicenceData: Sendable, Hashable, Codable {
    public var metadata: LicenceMetadata
    public var face: FaceItems

    public init(metadata: LicenceMetadata, face: FaceItems) {
        self.metadata = metadata
        self.face = face
    }
}
