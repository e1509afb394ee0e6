/// Where a seal goes on the document.
public enum OFDSealPlacement: Sendable, Hashable {
    /// On page `page` (1-based), the seal's top-left corner at (`x`, `y`) millimetres.
    case position(page: Int, x: Double, y: Double)
    /// Centred on the text `keyword` wherever it appears on the pages (关键字签章): on every
    /// occurrence, or only the first.
    case keyword(String, occurrence: KeywordOccurrence = .first)
    /// A cross-page seal 骑缝章 over pages `from`…`to` (1-based): the picture cut into as many
    /// vertical slices, each shown at the right edge of its page; `y` is the top edge in mm
    /// (vertically centred when `nil`).
    case crossPage(from: Int, to: Int, y: Double? = nil)

    public enum KeywordOccurrence: String, Sendable, Hashable {
        case first
        case all
    }
}

/// The printed size of the seal, in millimetres.
public struct OFDSealSize: Sendable, Hashable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}
