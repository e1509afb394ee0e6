/// Bounds applied before and while a token is decoded, so hostile input costs little.
public struct TokenLimits: Sendable, Hashable {
    /// Longest accepted compact token, in bytes. Real identity tokens are well under 2 KiB.
    public var maximumTokenBytes: Int
    /// Deepest accepted nesting of arrays and objects in the header and the claims.
    public var maximumJSONDepth: Int

    public init(maximumTokenBytes: Int = 8192, maximumJSONDepth: Int = 8) {
        self.maximumTokenBytes = maximumTokenBytes
        self.maximumJSONDepth = maximumJSONDepth
    }

    public static let standard = TokenLimits()
}
