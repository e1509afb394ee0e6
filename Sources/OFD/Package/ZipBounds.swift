import Foundation

/// Where the zip sits inside the bytes: some vendors' files carry bytes before the archive
/// (a header of their own) or after it. Offsets in a zip count from its first byte, so a
/// prefix has to be cut off before ZIPFoundation reads the central directory.
struct ZipBounds {
    /// Bytes before the archive proper.
    var prefix: UInt64
    /// Bytes after the end-of-central-directory record and its comment.
    var suffix: UInt64

    /// Finds the end-of-central-directory record in `tail` (the last bytes of the file,
    /// `tail` starting at `tailOffset`) and works out the prefix and suffix.
    static func locate(tail: [UInt8], tailOffset: UInt64, fileLength: UInt64) -> ZipBounds? {
        guard tail.count >= 22 else { return nil }
        var index = tail.count - 22
        while index >= 0 {
            if tail[index] == 0x50, tail[index + 1] == 0x4B, tail[index + 2] == 0x05, tail[index + 3] == 0x06 {
                let size = UInt64(le32(tail, index + 12))
                let offset = UInt64(le32(tail, index + 16))
                let comment = UInt64(le16(tail, index + 20))
                let record = tailOffset + UInt64(index)
                let end = record + 22 + comment
                // ZIP64 archives keep these fields at 0xFFFFFFFF: no prefix arithmetic for them.
                guard size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF, end <= fileLength, record >= size else {
                    return ZipBounds(prefix: 0, suffix: end <= fileLength ? fileLength - end : 0)
                }
                let start = record - size
                let prefix = start >= offset ? start - offset : 0
                return ZipBounds(prefix: prefix, suffix: fileLength - end)
            }
            index -= 1
        }
        return nil
    }

    static func tailLength(of fileLength: UInt64) -> UInt64 {
        min(fileLength, 65_535 + 22 + 64)
    }

    private static func le32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    private static func le16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }
}
