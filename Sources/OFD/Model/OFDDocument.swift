/// One document of the package (a `DocBody` of `OFD.xml` and its `Document.xml`).
public struct OFDDocument: Sendable, Hashable, Codable {
    public var info: OFDDocumentInfo
    /// The package path of `Document.xml`.
    public var rootPath: String
    /// The package path of `Signatures.xml`, when the document is signed.
    public var signaturesPath: String?
    /// The pages in order.
    public var pages: [OFDPageReference]
    /// The default page box (`CommonData/PageArea/PhysicalBox`), in mm.
    public var pageArea: OFDBox
    public var annotationsPath: String?
    public var attachmentsPath: String?
    public var customTagsPath: String?
}

/// A page entry of `Document.xml`.
public struct OFDPageReference: Sendable, Hashable, Codable {
    public var id: String
    /// The package path of its `Content.xml`.
    public var path: String
}
