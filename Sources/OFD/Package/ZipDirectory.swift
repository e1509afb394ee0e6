/// The central directory of a zip archive (APPNOTE.TXT §4.3.12–4.3.16), read from its end
/// record, with ZIP64 sizes and offsets where the archive uses them.
///
/// Every offset and length comes from untrusted bytes, so each is checked against the file
/// before it is used: a record that points outside the file is an error, never a read past it.
struct ZipDirectory: Sendable {
    /// The entries, in central-directory order.
    var records: [ZipRecord]
    /// Bytes before the archive proper (a vendor's header); every offset in the zip counts from here.
    var prefix: UInt64
    /// Bytes after the end record and its comment.
    var suffix: UInt64

    /// The central directory is read into memory; a real OFD's is a few kilobytes.
    static let maximumDirectorySize: UInt64 = 64 << 20

    static func read(from source: ZipSource, maximumEntries: Int) throws(OFDError) -> ZipDirectory {
        let end = try ZipEndRecord.locate(in: source)
        guard end.entryCount <= UInt64(maximumEntries) else {
            throw .packageTooLarge("more than \(maximumEntries) entries")
        }
        let (start, overflow) = end.prefix.addingReportingOverflow(end.directoryOffset)
        guard !overflow, start <= end.directoryLimit, end.directoryLimit - start <= maximumDirectorySize else {
            throw .unreadablePackage(
                "the central directory lies outside the file (offset \(end.directoryOffset)); the file is damaged")
        }
        var cursor = ZipCursor(try source.bytes(at: start, count: Int(end.directoryLimit - start)))
        var records: [ZipRecord] = []
        records.reserveCapacity(Int(end.entryCount))
        for index in 0..<end.entryCount {
            guard let record = ZipRecord(reading: &cursor) else {
                throw .unreadablePackage(
                    "central directory record \(index + 1) of \(end.entryCount) is damaged or missing; "
                        + "the file is not a complete zip archive")
            }
            records.append(record)
        }
        return ZipDirectory(records: records, prefix: end.prefix, suffix: end.suffix)
    }
}

/// One central-directory record: what the package reader needs of an entry.
struct ZipRecord: Sendable {
    enum Kind: Sendable { case file, directory, symbolicLink }

    /// The name as stored, decoded as UTF-8 (GB/T 33190 paths are UTF-8; anything else cannot be
    /// named by a reference and is kept only so that duplicates and traversal are still caught).
    let name: String
    /// Whether the stored name holds a NUL byte (a name that means different things to C and Swift).
    let nameHasNUL: Bool
    let kind: Kind
    let flags: UInt16
    let method: UInt16
    let crc32: UInt32
    let compressedSize: UInt64
    let size: UInt64
    /// Where the entry's local header starts, counted from the start of the zip.
    let localHeaderOffset: UInt64

    var isEncrypted: Bool { flags & 1 != 0 }

    /// Reads one record at the cursor, or `nil` when the bytes are not a whole record.
    init?(reading cursor: inout ZipCursor) {
        guard cursor.uint32() == 0x0201_4B50,
            let madeBy = cursor.uint16(), cursor.skip(2), let flags = cursor.uint16(), let method = cursor.uint16(),
            cursor.skip(4), let crc32 = cursor.uint32(), let compressed = cursor.uint32(),
            let size = cursor.uint32(), let nameLength = cursor.uint16(), let extraLength = cursor.uint16(),
            let commentLength = cursor.uint16(), cursor.skip(4), let external = cursor.uint32(),
            let offset = cursor.uint32(), let nameBytes = cursor.take(Int(nameLength)),
            let extra = cursor.take(Int(extraLength)), cursor.skip(Int(commentLength))
        else { return nil }
        // ZIP64 (§4.5.3): a field stored as all ones is given in the extra field instead, in this order.
        var wide = ZipCursor(Self.zip64Field(in: extra) ?? [])
        func widened(_ value: UInt32) -> UInt64? {
            value == 0xFFFF_FFFF ? wide.uint64() : UInt64(value)
        }
        guard let size64 = widened(size), let compressed64 = widened(compressed), let offset64 = widened(offset)
        else { return nil }
        self.name = String(decoding: nameBytes, as: UTF8.self)
        self.nameHasNUL = nameBytes.contains(0)
        self.flags = flags
        self.method = method
        self.crc32 = crc32
        self.compressedSize = compressed64
        self.size = size64
        self.localHeaderOffset = offset64
        // Unix hosts (§4.4.2) keep the file type in the high half of the external attributes.
        let unixMode = madeBy >> 8 == 3 ? (external >> 16) & 0o170000 : 0
        if unixMode == 0o120000 {
            self.kind = .symbolicLink
        } else if unixMode == 0o040000 || nameBytes.last == UInt8(ascii: "/") {
            self.kind = .directory
        } else {
            self.kind = .file
        }
    }

    private static func zip64Field(in extra: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var cursor = ZipCursor(Array(extra))
        while let tag = cursor.uint16(), let length = cursor.uint16(), let body = cursor.take(Int(length)) {
            if tag == 0x0001 { return body }
        }
        return nil
    }
}

/// The end-of-central-directory record (and its ZIP64 counterpart), found from the file's end.
struct ZipEndRecord {
    var entryCount: UInt64
    var directoryOffset: UInt64
    /// Where the central directory must end in the file: the ZIP64 or classic end record.
    var directoryLimit: UInt64
    var prefix: UInt64
    var suffix: UInt64

    /// The classic record is 22 bytes plus a comment of at most 65,535.
    private static let searchLength: UInt64 = 22 + 65_535

    static func locate(in source: ZipSource) throws(OFDError) -> ZipEndRecord {
        let length = source.length
        let tailLength = min(length, searchLength)
        let tailStart = length - tailLength
        let tail = try source.bytes(at: tailStart, count: Int(tailLength))
        guard tail.count >= 22 else { throw notAZip }
        var index = tail.count - 22
        while index >= 0 {
            if tail[index] == 0x50, tail[index + 1] == 0x4B, tail[index + 2] == 0x05, tail[index + 3] == 0x06 {
                var cursor = ZipCursor(Array(tail[(index + 4)...]))
                // An archive comment must end inside the file; otherwise these four bytes are data.
                if let disk = cursor.uint16(), let directoryDisk = cursor.uint16(), cursor.skip(2),
                    let count = cursor.uint16(), let size = cursor.uint32(), let offset = cursor.uint32(),
                    let comment = cursor.uint16(), tailStart + UInt64(index) + 22 + UInt64(comment) <= length
                {
                    guard disk == 0, directoryDisk == 0 else { throw split }
                    let position = tailStart + UInt64(index)
                    let suffix = length - (position + 22 + UInt64(comment))
                    if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
                        return try zip64(in: source, endRecordAt: position, suffix: suffix)
                    }
                    guard position >= UInt64(size) else { throw damaged }
                    let directoryStart = position - UInt64(size)
                    let prefix = directoryStart >= UInt64(offset) ? directoryStart - UInt64(offset) : 0
                    return ZipEndRecord(
                        entryCount: UInt64(count), directoryOffset: UInt64(offset), directoryLimit: position,
                        prefix: prefix, suffix: suffix)
                }
            }
            index -= 1
        }
        throw notAZip
    }

    /// The ZIP64 end record, which its locator (just before the classic record) points to.
    private static func zip64(in source: ZipSource, endRecordAt position: UInt64, suffix: UInt64) throws(OFDError)
        -> ZipEndRecord
    {
        guard position >= 20 + 56 else { throw damaged }
        var locator = ZipCursor(try source.bytes(at: position - 20, count: 20))
        guard locator.uint32() == 0x0706_4B50, locator.skip(4), let recorded = locator.uint64() else {
            throw damaged
        }
        // The record normally sits right before its locator; where it does, the difference from
        // the offset it records is a vendor's prefix.
        let expected = position - 20 - 56
        var cursor = ZipCursor(try source.bytes(at: expected, count: 56))
        var recordStart = expected
        if cursor.uint32() != 0x0606_4B50 {
            guard recorded <= source.length - 56 else { throw damaged }
            cursor = ZipCursor(try source.bytes(at: recorded, count: 56))
            guard cursor.uint32() == 0x0606_4B50 else { throw damaged }
            recordStart = recorded
        }
        guard cursor.skip(8 + 2 + 2 + 4 + 4 + 8), let count = cursor.uint64(), cursor.skip(8),
            let offset = cursor.uint64(), recordStart >= recorded
        else { throw damaged }
        return ZipEndRecord(
            entryCount: count, directoryOffset: offset, directoryLimit: recordStart, prefix: recordStart - recorded,
            suffix: suffix)
    }

    private static var notAZip: OFDError {
        .unreadablePackage("no end-of-central-directory record: not a zip archive (an OFD file is a zip)")
    }

    private static var split: OFDError {
        .unreadablePackage("the archive is split over several files (a multi-disk zip); join it into one .ofd file")
    }

    private static var damaged: OFDError {
        .unreadablePackage("the end-of-central-directory record is inconsistent; the file is damaged or truncated")
    }
}

/// Little-endian reads over untrusted bytes: each returns `nil` past the end instead of trapping.
struct ZipCursor {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }
    init(_ bytes: ArraySlice<UInt8>) { self.bytes = Array(bytes) }

    mutating func uint16() -> UInt16? {
        guard let value = integer(2) else { return nil }
        return UInt16(value)
    }

    mutating func uint32() -> UInt32? {
        guard let value = integer(4) else { return nil }
        return UInt32(value)
    }

    mutating func uint64() -> UInt64? { integer(8) }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= bytes.count - position else { return nil }
        defer { position += count }
        return bytes[position..<position + count]
    }

    mutating func skip(_ count: Int) -> Bool { take(count) != nil }

    private mutating func integer(_ width: Int) -> UInt64? {
        guard let field = take(width) else { return nil }
        return field.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
