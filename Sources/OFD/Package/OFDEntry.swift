/// One file of an OFD package.
public struct OFDEntry: Sendable, Hashable, Codable {
    /// The entry's name in the package, without a leading `/` (`Doc_0/Document.xml`).
    public let path: String
    /// The expanded size the archive declares.
    public let size: UInt64
    /// The stored (compressed) size.
    public let compressedSize: UInt64
}
