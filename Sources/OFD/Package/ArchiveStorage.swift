import Foundation
import ZIPFoundation

/// The open archive behind an `OFDPackage`. ZIPFoundation's `Archive` reads through one
/// file position, so every read holds the lock; the package value itself stays `Sendable`.
final class ArchiveStorage: @unchecked Sendable {
    private let archive: Archive
    private let entries: [String: Entry]
    private let lock = NSLock()
    /// A trimmed copy made when the original had bytes before the zip; removed with us.
    private let temporaryCopy: URL?

    init(archive: Archive, entries: [String: Entry], temporaryCopy: URL?) {
        self.archive = archive
        self.entries = entries
        self.temporaryCopy = temporaryCopy
    }

    deinit {
        if let temporaryCopy { try? FileManager.default.removeItem(at: temporaryCopy) }
    }

    /// Streams the entry's expanded bytes to `consumer` in chunks of at most 64 KiB.
    func extract(_ path: String, consumer: (Data) throws -> Void) throws {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[path] else { throw OFDError.missingEntry(path) }
        _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false, progress: nil, consumer: consumer)
    }
}
