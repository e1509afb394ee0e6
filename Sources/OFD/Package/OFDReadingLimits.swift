/// Bounds on an untrusted OFD package. Real documents, e-invoices and licences sit far
/// below the defaults; zip bombs and hostile packages do not.
public struct OFDReadingLimits: Sendable, Hashable {
    /// Most entries a package may hold.
    public var maximumEntries: Int
    /// Largest expanded size of one entry (a picture or an attachment may be large).
    public var maximumEntrySize: UInt64
    /// Largest expanded size of all entries together.
    public var maximumTotalSize: UInt64
    /// Largest expansion ratio (expanded ÷ compressed) of an entry over 1 MiB.
    public var maximumCompressionRatio: UInt64
    /// Largest XML part parsed (parts are parsed in memory; everything else streams).
    public var maximumXMLSize: Int
    /// Deepest XML element nesting accepted.
    public var maximumXMLDepth: Int

    public init(
        maximumEntries: Int = 10_000, maximumEntrySize: UInt64 = 1 << 30, maximumTotalSize: UInt64 = 4 << 30,
        maximumCompressionRatio: UInt64 = 200, maximumXMLSize: Int = 32 << 20, maximumXMLDepth: Int = 64
    ) {
        self.maximumEntries = maximumEntries
        self.maximumEntrySize = maximumEntrySize
        self.maximumTotalSize = maximumTotalSize
        self.maximumCompressionRatio = maximumCompressionRatio
        self.maximumXMLSize = maximumXMLSize
        self.maximumXMLDepth = maximumXMLDepth
    }

    public static let `default` = OFDReadingLimits()
}
