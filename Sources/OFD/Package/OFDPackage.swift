public import Foundation
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
    private let storage: ZipReader
    private let foldedPaths: [String: String]

    /// Opens a package file. A small file is read whole; a large one streams from the disk.
    public init(contentsOf url: URL, limits: OFDReadingLimits = .default) throws(OFDError) {
        try self.init(source: try ZipSource.open(url), limits: limits)
    }

    /// Opens a package held in memory.
    public init(data: some DataProtocol, limits: OFDReadingLimits = .default) throws(OFDError) {
        try self.init(source: .memory(Array(data)), limits: limits)
    }

    private init(source: ZipSource, limits: OFDReadingLimits) throws(OFDError) {
        let directory = try ZipDirectory.read(from: source, maximumEntries: limits.maximumEntries)
        var warnings: [VerificationWarning] = []
        if directory.prefix > 0 { warnings.append(.bytesBeforeZip(directory.prefix)) }
        if directory.suffix > 0 { warnings.append(.bytesAfterZip(directory.suffix)) }
        var entries: [OFDEntry] = []
        var records: [String: ZipRecord] = [:]
        var folded: [String: String] = [:]
        var total: UInt64 = 0
        entries.reserveCapacity(directory.records.count)
        records.reserveCapacity(directory.records.count)
        folded.reserveCapacity(directory.records.count)
        for record in directory.records {
            let raw = record.name
            guard let name = PackagePath.entryName(raw), !record.nameHasNUL else {
                throw .pathTraversal(entry: raw)
            }
            if record.kind == .directory || name.isEmpty { continue }
            if record.kind == .symbolicLink { throw .pathTraversal(entry: raw) }
            let key = name.lowercased()
            if folded[key] != nil { throw .duplicateEntry(name) }
            if record.size > limits.maximumEntrySize {
                throw .entryTooLarge(entry: name, limit: limits.maximumEntrySize)
            }
            total &+= record.size
            if total > limits.maximumTotalSize {
                throw .packageTooLarge("the entries declare more than \(limits.maximumTotalSize) bytes together")
            }
            folded[key] = name
            records[name] = record
            entries.append(OFDEntry(path: name, size: record.size, compressedSize: record.compressedSize))
        }
        self.entries = entries
        self.warnings = warnings
        self.limits = limits
        self.foldedPaths = folded
        self.storage = ZipReader(source: source, prefix: directory.prefix, records: records)
    }

    /// Whether the package holds an entry of exactly this name.
    public func contains(_ path: String) -> Bool { storage.record(at: path) != nil }

    /// The entry a reference in part `part` means (see GB/T 33190 §7.5 on paths), with a
    /// warning when only a vendor's form (no leading `/`, other letter case) found it.
    public func resolve(_ reference: String, from part: String) -> (path: String, warning: VerificationWarning?)? {
        let base = PackagePath.folder(of: part)
        let candidates = PackagePath.candidates(reference, from: base)
        for (path, standard) in candidates where storage.record(at: path) != nil {
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
        guard let entry = storage.record(at: path) else {
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
            try storage.extract(entry, path: path) { data in
                produced += UInt64(data.count)
                if produced > limits.maximumEntrySize || produced > entry.size {
                    throw OFDError.entryTooLarge(entry: path, limit: min(limits.maximumEntrySize, entry.size))
                }
                if produced > 1 << 20, produced / max(entry.compressedSize, 1) > limits.maximumCompressionRatio {
                    throw OFDError.compressionRatio(entry: path, limit: limits.maximumCompressionRatio)
                }
                try chunk(data)
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
        if let entry = storage.record(at: path) { bytes.reserveCapacity(Int(min(entry.size, 1 << 20))) }
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
            throw .xml(entry: path, line: error.line, reason: error.reason)
        }
    }
}
