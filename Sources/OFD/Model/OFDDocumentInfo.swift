/// `OFD.xml`'s `DocInfo` (GB/T 33190 §7.4): the document's metadata.
public struct OFDDocumentInfo: Sendable, Hashable, Codable {
    public var documentID: String?
    public var title: String?
    public var author: String?
    public var subject: String?
    public var creator: String?
    public var creatorVersion: String?
    public var creationDate: String?
    public var modificationDate: String?
    /// `CustomDatas`: name–value pairs in document order (e-invoices keep their fields here).
    public var customData: [OFDCustomData]

    /// The first custom value with this name.
    public func customValue(_ name: String) -> String? {
        customData.first { $0.name == name }?.value
    }
}

/// One `CustomData` element.
public struct OFDCustomData: Sendable, Hashable, Codable {
    public var name: String
    public var value: String
}
