/// A page annotation (GB/T 33190 §15).
public struct OFDAnnotation: Sendable, Hashable, Codable {
    public var pageID: String
    public var id: String?
    /// `Type`: `Link`, `Path`, `Highlight`, `Stamp`, `Watermark`.
    public var type: String
    public var subtype: String?
    /// The first appearance's boundary, in mm.
    public var boundary: OFDBox?
}

/// An attachment (GB/T 33190 §20).
public struct OFDAttachment: Sendable, Hashable, Codable {
    public var id: String?
    public var name: String
    public var format: String?
    public var creationDate: String?
    /// The package path of its file, when the package holds it.
    public var path: String?
    /// The declared size (the standard gives it in KB).
    public var declaredSize: String?
}
