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
