/// Byte-string helpers the key, digest, signature and seal code of several modules share.
package enum Bytes {
    /// Equality whose running time depends only on the lengths, never on where the
    /// bytes differ, for comparing MACs and digests an attacker may probe.
    package static func constantTimeEqual<A: Collection, B: Collection>(_ lhs: A, _ rhs: B) -> Bool
    where A.Element == UInt8, B.Element == UInt8 {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) {
            difference |= left ^ right
        }
        return difference == 0
    }

    /// `value` as exactly `width` big-endian bytes, left-padded with zeros (leading zeros
    /// dropped first); nil when the number needs more than `width` bytes.
    package static func leftPadded<C: Collection>(_ value: C, to width: Int) -> [UInt8]? where C.Element == UInt8 {
        let trimmed = value.drop { $0 == 0 }
        guard trimmed.count <= width else { return nil }
        return [UInt8](repeating: 0, count: width - trimmed.count) + trimmed
    }
}
