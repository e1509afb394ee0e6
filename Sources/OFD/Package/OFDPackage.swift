public import Foundation
import ZIPFoundation
public import ZhengwuKitCore
import ZhengwuKitXML

/// An OFD package (a zip archive, GB/T 33190 §7.2) opened safely: every entry name checked
/// (no absolute paths, no `..`, no duplicates), sizes and expansion ratios bounded while
/// reading, XML parsed with network, entities and DTDs off. Large entries stream.
///
/// ```swift
/// let package = try OFDPackage(contentsOf: url)
/// let ofdXML = try package.data(at: "OFD.xml")
/// ```
public struct OFDPackage: Sendable {
    /// The entries, in archive order (directories excluded).
    public let entries: [OFDEntry]
    /// Tolerated departures seen while opening (bytes around the zip).
    public let warnings: [VerificationWarning]
    public let limits: OFDReadingLimits
    private let storage: ArchiveStorage
    private let index: [String: OFDEntry]
    private let foldedPaths: [String: String]

    /// Opens a package file. A copy is made only when the file carries bytes before the zip.
    public init(contentsOf url: URL, limits: OFDReadingLimits = .default) throws(OFDError) {
        let bounds = try Self.bounds(ofFile: url)
        var temporary: URL?
        var archiveURL = url
        if bounds.prefix > 0 {
            let copy = try PrivateCopy.make(from: url, startingAt: bounds.prefix)
            temporary = copy
            archiveURL = copy
        }
        let archive: Archive
        do {
            archive = try Archive(url: archiveURL, accessMode: .read)
        } catch {
            if let temporary { PrivateCopy.remove(temporary) }
            throw .unreadablePackage("\(url.lastPathComponent): \(error)")
        }
        try self.init(archive: archive, bounds: bounds, limits: limits, temporaryCopy: temporary)
    }

    /// Opens a package held in memory.
    public init(data: some DataProtocol, limits: OFDReadingLimits = .default) throws(OFDError) {
        let bytes = Data(data)
        let length = UInt64(bytes.count)
        let tailLength = ZipBounds.tailLength(of: length)
        let tail = Array(bytes.suffix(Int(tailLength)))
        guard let bounds = ZipBounds.locate(tail: tail, tailOffset: length - tailLength, fileLength: length) else {
            throw .unreadablePackage("no end-of-central-directory record: not a zip archive")
        }
        let trimmed = bounds.prefix > 0 ? bytes.subdata(in: Int(bounds.prefix)..<bytes.count) : bytes
        // ZIPFoundation's in-memory archive traps when a hostile offset points past the end of
        // the data (found by Scripts/fuzz-ofd); its file-backed archive reads short instead. So
        // untrusted bytes go through a private temporary file, removed with the package.
        let copy = try PrivateCopy.make(trimmed)
        let archive: Archive
        do {
            archive = try Archive(url: copy, accessMode: .read)
        } catch {
            PrivateCopy.remove(copy)
            throw .unreadablePackage("\(error)")
        }
        try self.init(archive: archive, bounds: bounds, limits: limits, temporaryCopy: copy)
    }

    private init(archive: Archive, bounds: ZipBounds, limits: OFDReadingLimits, temporaryCopy: URL?) throws(OFDError) {
        var warnings: [VerificationWarning] = []
        if bounds.prefix > 0 { warnings.append(.bytesBeforeZip(bounds.prefix)) }
        if bounds.suffix > 0 { warnings.append(.bytesAfterZip(bounds.suffix)) }
        var entries: [OFDEntry] = []
        var archived: [String: Entry] = [:]
        var folded: [String: String] = [:]
        var total: UInt64 = 0
        var count = 0
        for entry in archive {
            count += 1
            if count > limits.maximumEntries {
                if let temporaryCopy { PrivateCopy.remove(temporaryCopy) }
                throw .packageTooLarge("more than \(limits.maximumEntries) entries")
            }
            let raw = entry.path
            guard let name = PackagePath.entryName(raw), !raw.utf8.contains(0) else {
                if let temporaryCopy { PrivateCopy.remove(temporaryCopy) }
                throw .pathTraversal(entry: raw)
            }
            if entry.type == .directory || name.isEmpty { continue }
            if entry.type == .symlink {
                if let temporaryCopy { PrivateCopy.remove(temporaryCopy) }
                throw .pathTraversal(entry: raw)
            }
            let key = name.lowercased()
            if folded[key] != nil {
                if let temporaryCopy { PrivateCopy.remove(temporaryCopy) }
                throw .duplicateEntry(name)
            }
            if entry.uncompressedSize > limits.maximumEntrySize {
                if let temporaryCopy { PrivateCopy.remove(temporaryCopy) }
                throw .entryTooLarge(entry: name, limit: limits.maximumEntrySize)
            }
            total &+= entry.uncompressedSize
            if total > limits.maximumTotalSize {
                if let temporaryCopy { PrivateCopy.remove(temporaryCopy) }
                throw .packageTooLarge("the entries declare more than \(limits.maximumTotalSize) bytes together")
            }
            folded[key] = name
            archived[name] = entry
            entries.append(OFDEntry(path: name, size: entry.uncompressedSize, compressedSize: entry.compressedSize))
        }
        self.entries = entries
        self.warnings = warnings
        self.limits = limits
        self.index = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.foldedPaths = folded
        self.storage = ArchiveStorage(archive: archive, entries: archived, temporaryCopy: temporaryCopy)
    }

    /// Whether the package holds an entry of exactly this name.
    public func contains(_ path: String) -> Bool { index[path] != nil }

    /// The entry a reference in part `part` means (see GB/T 33190 §7.5 on paths), with a
    /// warning when only a vendor's form (no leading `/`, other letter case) found it.
    public func resolve(_ reference: String, from part: String) -> (path: String, warning: VerificationWarning?)? {
        let base = PackagePath.folder(of: part)
        let candidates = PackagePath.candidates(reference, from: base)
        for (path, standard) in candidates where index[path] != nil {
            return (path, standard ? nil : .pathForm(reference, in: part, resolvedTo: path))
        }
        for (path, _) in candidates {
            if let actual = foldedPaths[path.lowercased()] {
                return (actual, .pathCase(reference, in: part, resolvedTo: actual))
            }
        }
        return nil
    }

    /// Streams an entry's expanded bytes in chunks, enforcing the size and ratio limits.
    public func read(_ path: String, chunk: (UnsafeRawBufferPointer) throws -> Void) throws(OFDError) {
        guard let entry = index[path] else {
            throw .missingEntry(path)
        }
        if let bytes = storage.rememberedBytes(of: path) {
            do {
                try bytes.withUnsafeBytes { try chunk($0) }
            } catch let error as OFDError {
                throw error
            } catch {
                throw .unreadablePackage("\(path): \(error)")
            }
            return
        }
        let limits = self.limits
        var produced: UInt64 = 0
        do {
            try storage.extract(path) { data in
                produced += UInt64(data.count)
                if produced > limits.maximumEntrySize || produced > entry.size {
                    throw OFDError.entryTooLarge(entry: path, limit: min(limits.maximumEntrySize, entry.size))
                }
                if produced > 1 << 20, produced / max(entry.compressedSize, 1) > limits.maximumCompressionRatio {
                    throw OFDError.compressionRatio(entry: path, limit: limits.maximumCompressionRatio)
                }
                try data.withUnsafeBytes { try chunk($0) }
            }
        } catch let error as OFDError {
            throw error
        } catch {
            throw .unreadablePackage("\(path): \(error)")
        }
        guard produced == entry.size else {
            throw .unreadablePackage("\(path): expanded to \(produced) bytes, the archive declares \(entry.size)")
        }
    }

    /// An entry's bytes, read into memory (for XML parts and other small files).
    public func data(at path: String) throws(OFDError) -> [UInt8] {
        var bytes: [UInt8] = []
        try read(path) { bytes.append(contentsOf: $0) }
        storage.remember(bytes, of: path)
        return bytes
    }

    /// SM3 of an entry's bytes, hashed as they stream out of the archive.
    public func sm3(at path: String) throws(OFDError) -> [UInt8] {
        var hasher = SM3Stream()
        try read(path) { hasher.update($0) }
        return hasher.finalize()
    }

    /// Parses an XML part with the package's limits.
    func xml(at path: String) throws(OFDError) -> XMLElement {
        let bytes = try data(at: path)
        guard bytes.count <= limits.maximumXMLSize else {
            throw .entryTooLarge(entry: path, limit: UInt64(limits.maximumXMLSize))
        }
        do {
            return try SafeXMLParser.parse(
                bytes, document: path,
                limits: XMLLimits(maximumBytes: limits.maximumXMLSize, maximumDepth: limits.maximumXMLDepth))
        } catch {
            throw .xml(entry: path, line: error.line, reason: error.message)
        }
    }

    private static func bounds(ofFile url: URL) throws(OFDError) -> ZipBounds {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let length = try handle.seekToEnd()
            let tailLength = ZipBounds.tailLength(of: length)
            try handle.seek(toOffset: length - tailLength)
            let tail = Array(try handle.read(upToCount: Int(tailLength)) ?? Data())
            guard let bounds = ZipBounds.locate(tail: tail, tailOffset: length - tailLength, fileLength: length) else {
                throw OFDError.unreadablePackage("\(url.lastPathComponent): not a zip archive")
            }
            return bounds
        } catch let error as OFDError {
            throw error
        } catch {
            throw .unreadablePackage("\(url.path): \(error.localizedDescription)")
        }
    }
}
