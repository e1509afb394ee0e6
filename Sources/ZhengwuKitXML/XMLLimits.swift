/// Bounds on untrusted XML. The defaults fit every real OFD part and licence seen so far
/// with room to spare, while refusing documents built to exhaust memory or the stack.
package struct XMLLimits: Sendable, Equatable {
    /// Largest document accepted, in bytes.
    package var maximumBytes: Int
    /// Deepest element nesting accepted (the root is depth 1).
    package var maximumDepth: Int
    /// Most nodes (elements, attributes and text pieces) accepted.
    package var maximumNodes: Int

    package init(maximumBytes: Int = 32 << 20, maximumDepth: Int = 64, maximumNodes: Int = 2_000_000) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
        self.maximumNodes = maximumNodes
    }

    package static let `default` = XMLLimits()
}
