import Foundation
internal import ZhengwuKitSupport

/// The open archive behind an `OFDPackage`: its central directory, and entries streamed out of it
/// (stored, or deflated through zlib), each checked against its CRC-32.
///
/// The package reads zips itself rather than through ZIPFoundation (which writes them): that
/// library's in-memory archive traps when a hostile offset points past the end of the bytes, so
/// untrusted bytes had to go through a private temporary file, and its file archive seeks and reads
/// once or twice per entry. Verifying an e-invoice spent more time there than in its SM3 hashing.
final class ZipReader: @unchecked Sendable {
    private let source: ZipSource
    private let prefix: UInt64
    private let records: [String: ZipRecord]
    /// The inflater and output buffer are reused from entry to entry; the lock guards them.
    private let lock = NSLock()
    private let inflater = ZipInflater()
    private let output: UnsafeMutableRawBufferPointer

    /// Small entries already read whole, so that a part that is both parsed and hashed (OFD.xml,
    /// Document.xml, Signature.xml) is expanded once and both see the same bytes.
    private var remembered: [String: [UInt8]] = [:]
    private var rememberedBytes = 0
    private static let rememberedEntryLimit = 64 * 1024
    private static let rememberedTotalLimit = 1 << 20

    /// Expanded bytes are handed on in pieces of at most this size; compressed bytes are read from
    /// a file in pieces of the same size.
    static let pieceSize = 64 * 1024

    init(source: ZipSource, prefix: UInt64, records: [String: ZipRecord]) {
        self.source = source
        self.prefix = prefix
        self.records = records
        self.output = .allocate(byteCount: Self.pieceSize, alignment: 16)
    }

    deinit { output.deallocate() }

    /// The central-directory record of the entry named `path` (set once, read without the lock).
    func record(at path: String) -> ZipRecord? { records[path] }

    /// The bytes of `path` if they were read whole before.
    func rememberedBytes(of path: String) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        return remembered[path]
    }

    /// Keeps the whole bytes of a small entry, within a bound for the package.
    func remember(_ bytes: [UInt8], of path: String) {
        lock.lock()
        defer { lock.unlock() }
        guard bytes.count <= Self.rememberedEntryLimit, rememberedBytes + bytes.count <= Self.rememberedTotalLimit,
            remembered[path] == nil
        else { return }
        remembered[path] = bytes
        rememberedBytes += bytes.count
    }

    /// Streams the expanded bytes of `record` (the entry named `path`) to `consumer` in pieces of
    /// at most 64 KiB, then checks them against the CRC-32 the archive records.
    func extract(_ record: ZipRecord, path: String, consumer: (UnsafeRawBufferPointer) throws -> Void) throws {
        lock.lock()
        defer { lock.unlock() }
        if record.isEncrypted {
            throw OFDError.unreadablePackage(
                "\(path): the entry is encrypted; GB/T 33190 packages are not, so this cannot be read")
        }
        let start = try dataOffset(of: record, path: path)
        var crc = ZipCRC32()
        func emit(_ piece: UnsafeRawBufferPointer) throws {
            crc.update(piece)
            try consumer(piece)
        }
        switch record.method {
        case 0:
            try source.forEachPiece(from: start, length: record.compressedSize, piece: Self.pieceSize, emit)
        case 8:
            try inflater.reset()
            var finished = false
            try source.forEachPiece(from: start, length: record.compressedSize, piece: Self.pieceSize) { input in
                guard !finished else { return }
                finished = try inflater.inflate(input, into: output, entry: path, emit) == .finished
            }
            guard finished else {
                throw OFDError.unreadablePackage(
                    "\(path): the compressed data ends before its last block; the file is truncated or damaged")
            }
        default:
            throw OFDError.unreadablePackage(
                "\(path): compression method \(record.method) is not supported (an OFD package stores or deflates "
                    + "its entries); repackage the file with a standard OFD writer")
        }
        guard crc.value == record.crc32 else {
            throw OFDError.unreadablePackage(
                "\(path): the entry is damaged (its CRC-32 is \(hex(crc.value)), the archive records "
                    + "\(hex(record.crc32))); obtain an undamaged copy of the file")
        }
    }

    /// Where the entry's stored bytes start, past its local header (APPNOTE.TXT §4.3.7), checked
    /// to lie whole inside the file.
    private func dataOffset(of record: ZipRecord, path: String) throws(OFDError) -> UInt64 {
        let length = source.length
        let (header, overflow) = prefix.addingReportingOverflow(record.localHeaderOffset)
        guard !overflow, header <= length, length - header >= 30 else {
            throw .unreadablePackage("\(path): the entry's local header lies outside the file; the file is damaged")
        }
        var cursor = ZipCursor(try source.bytes(at: header, count: 30))
        guard cursor.uint32() == 0x0403_4B50, cursor.skip(22), let nameLength = cursor.uint16(),
            let extraLength = cursor.uint16()
        else {
            throw .unreadablePackage("\(path): no local header where the central directory says; the file is damaged")
        }
        let start = header + 30 + UInt64(nameLength) + UInt64(extraLength)
        guard start <= length, length - start >= record.compressedSize else {
            throw .unreadablePackage(
                "\(path): the entry's data runs past the end of the file; the file is truncated or damaged")
        }
        return start
    }

    private func hex(_ value: UInt32) -> String {
        Hex.encode(withUnsafeBytes(of: value.bigEndian) { Array($0) })
    }
}
