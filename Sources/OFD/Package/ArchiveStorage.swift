import Foundation
import ZIPFoundation
internal import ZhengwuKitSupport

/// The open archive behind an `OFDPackage`. ZIPFoundation's `Archive` reads through one
/// file position, so every read holds the lock; the package value itself stays `Sendable`.
final class ArchiveStorage: @unchecked Sendable {
    private let archive: Archive
    private let entries: [String: Entry]
    private let lock = NSLock()
    /// The private copy the archive reads (bytes given in memory, or a file trimmed of bytes
    /// before the zip), removed with us; `nil` when the archive reads the caller's file itself.
    private let temporaryCopy: URL?

    /// Small entries already read whole, so that a part that is both parsed and hashed (OFD.xml,
    /// Document.xml, Signature.xml) is expanded once and both see the same bytes.
    private var remembered: [String: [UInt8]] = [:]
    private var rememberedBytes = 0
    private static let rememberedEntryLimit = 64 * 1024
    private static let rememberedTotalLimit = 1 << 20

    init(archive: Archive, entries: [String: Entry], temporaryCopy: URL?) {
        self.archive = archive
        self.entries = entries
        self.temporaryCopy = temporaryCopy
    }

    deinit {
        if let temporaryCopy { PrivateCopy.remove(temporaryCopy) }
    }

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

    /// Streams the entry's expanded bytes to `consumer` in chunks of at most 64 KiB.
    func extract(_ path: String, consumer: (Data) throws -> Void) throws {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[path] else { throw OFDError.missingEntry(path) }
        var crc = ZipCRC32()
        _ = try archive.extract(entry, bufferSize: Self.bufferSize(for: entry), skipCRC32: true, progress: nil) {
            data in
            data.withUnsafeBytes { crc.update($0) }
            try consumer(data)
        }
        guard crc.value == entry.checksum else {
            throw OFDError.unreadablePackage(
                "\(path): the entry is damaged (its CRC-32 is \(hex(crc.value)), the archive records "
                    + "\(hex(entry.checksum))); obtain an undamaged copy of the file")
        }
    }

    private func hex(_ value: UInt32) -> String {
        Hex.encode(withUnsafeBytes(of: value.bigEndian) { Array($0) })
    }

    /// ZIPFoundation allocates and zeroes a buffer of this size for every chunk it reads and
    /// inflates. Most OFD parts are a few hundred bytes, and 64 KiB buffers for them cost more
    /// than the parts themselves (and make malloc grow and trim the heap on every entry). A
    /// wrong declared size only costs more chunks: the reader still stops at the declared size.
    static func bufferSize(for entry: Entry) -> Int {
        let declared = max(entry.uncompressedSize, entry.compressedSize)
        return Int(min(max(declared, 512), 64 * 1024))
    }
}
