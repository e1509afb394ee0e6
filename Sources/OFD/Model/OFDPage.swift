/// A page of a document: its place in the package and what the reader found on it.
public struct OFDPage: Sendable, Hashable, Codable {
    /// The page's `ID` in `Document.xml` (what `PageRef` and annotations refer to).
    public var id: String
    /// The path of its `Content.xml`.
    public var path: String
    /// The page's physical box (its own `Area`, else the document's `PageArea`), in mm.
    public var physicalBox: OFDBox
    /// The text objects of the page, in content order.
    public var textObjects: [OFDTextObject]

    /// The page's text, text objects joined by newlines.
    public var text: String { textObjects.map(\.text).joined(separator: "\n") }
}

/// A `TextObject`: text and where it is drawn.
public struct OFDTextObject: Sendable, Hashable, Codable {
    /// The object's `ID` (what custom tags point at).
    public var id: String?
    /// The object's boundary on the page, in mm.
    public var boundary: OFDBox
    /// The font size, in mm.
    public var size: Double
    /// The `TextCode` runs of the object.
    public var codes: [OFDTextCode]

    public var text: String { codes.map(\.text).joined() }
}

/// A `TextCode` run: a string and the position of its first glyph, relative to the boundary.
public struct OFDTextCode: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double
    /// Per-glyph advances (`DeltaX`, with the `g` repetition expanded); empty when not given.
    public var deltaX: [Double]
    public var text: String

    /// The x offset (relative to the boundary) of the glyph at `index`.
    func offset(ofGlyph index: Int, fontSize: Double) -> Double {
        var position = x
        for glyph in 0..<index {
            position += glyph < deltaX.count ? deltaX[glyph] : (deltaX.last ?? fontSize)
        }
        return position
    }
}
