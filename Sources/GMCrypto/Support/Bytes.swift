import Foundation

extension DataProtocol {
    /// The bytes as one contiguous array, for handing to C.
    var contiguousBytes: [UInt8] {
        if let array = self as? [UInt8] { return array }
        return [UInt8](self)
    }

    /// Calls `body` with the bytes in one buffer, copying only when they are not contiguous.
    /// Throwing callers return a `Result` from `body` and `get()` it, keeping typed throws.
    func withContiguousBuffer<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        if regions.count == 1, let region = regions.first,
            let result = region.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) })
        {
            return result
        }
        return [UInt8](self).withUnsafeBytes(body)
    }
}

/// Helpers on byte strings shared by the key, digest and signature types.
enum Bytes {
    /// Lower-case hexadecimal.
    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var characters: [UInt8] = []
        characters.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// Equality whose running time depends only on the lengths, never on where the
    /// bytes differ, for comparing MACs and digests an attacker may probe.
    static func constantTimeEqual<A: Collection, B: Collection>(_ lhs: A, _ rhs: B) -> Bool
    where A.Element == UInt8, B.Element == UInt8 {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) {
            difference |= left ^ right
        }
        return difference == 0
    }

    /// `value` as exactly `width` big-endian bytes, left-padded with zeros; nil when longer.
    static func leftPadded(_ value: ArraySlice<UInt8>, to width: Int) -> [UInt8]? {
        let trimmed = value.drop { $0 == 0 }
        guard trimmed.count <= width else { return nil }
        return [UInt8](repeating: 0, count: width - trimmed.count) + trimmed
    }
}
