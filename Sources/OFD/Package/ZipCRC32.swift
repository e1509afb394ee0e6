internal import CZhengwuKitZlib

/// The CRC-32 a zip archive stores for each entry (ISO 3309 polynomial, reflected), through
/// zlib's `crc32`, which the package reader links for inflating anyway and which computes it
/// several bytes a step.
struct ZipCRC32 {
    private(set) var value: UInt32 = 0

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var state = uLong(value)
        var offset = 0
        // zlib takes the length as a 32-bit count; larger pieces go in turns.
        while offset < bytes.count {
            let length = min(bytes.count - offset, Int(UInt32.max))
            state = crc32(state, (base + offset).assumingMemoryBound(to: Bytef.self), uInt(length))
            offset += length
        }
        value = UInt32(truncatingIfNeeded: state)
    }
}
