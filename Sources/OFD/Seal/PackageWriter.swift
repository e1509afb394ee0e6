import Foundation
import ZIPFoundation

/// Writes a new package: the entries of the source (except those replaced) and new ones.
/// The result goes to a temporary file beside the destination and is renamed into place, so
/// an error never leaves a half-written file, and the input is never overwritten mid-way.
/// The one place that zips OFD packages: licences make theirs through ``data(files:)``.
package enum PackageWriter {
    static func write(
        source: OFDPackage, replacing replaced: [String: [UInt8]], adding added: [(String, [UInt8])], to url: URL
    ) throws(OFDError) {
        // Only a regular file is replaced: renaming over /dev/null, a FIFO or a symbolic link
        // would destroy what the name stood for.
        var existing = stat()
        if lstat(url.path, &existing) == 0, existing.st_mode & S_IFMT != S_IFREG {
            throw .unwritableOutput("\(url.path) exists and is not a regular file; refusing to replace it")
        }
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).part")
        do {
            let archive = try Archive(url: temporary, accessMode: .create)
            try fill(archive, source: source, replacing: replaced, adding: added)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? OFDError { throw error }
            throw .unwritableOutput("\(url.path): \(error)")
        }
        // rename(2) replaces an existing file atomically; Foundation's replaceItemAt fails on
        // Linux ("The file doesn't exist") whenever the destination exists.
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritableOutput("\(url.path): \(reason)")
        }
    }

    static func data(
        source: OFDPackage, replacing replaced: [String: [UInt8]], adding added: [(String, [UInt8])]
    ) throws(OFDError) -> Data {
        try zipped { archive in try fill(archive, source: source, replacing: replaced, adding: added) }
    }

    /// A new package of exactly `files`, zipped in memory (a licence's, before it is sealed).
    package static func data(files: [(path: String, bytes: [UInt8])]) throws(OFDError) -> Data {
        try zipped { archive in
            for (path, bytes) in files { try add(archive, path, bytes) }
        }
    }

    /// An archive made in memory by `fill`.
    private static func zipped(_ fill: (Archive) throws -> Void) throws(OFDError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            try fill(archive)
            guard let data = archive.data else { throw OFDError.unwritableOutput("the archive kept no data") }
            return data
        } catch let error as OFDError {
            throw error
        } catch {
            throw .unwritableOutput("\(error)")
        }
    }

    private static func fill(
        _ archive: Archive, source: OFDPackage, replacing replaced: [String: [UInt8]], adding added: [(String, [UInt8])]
    ) throws {
        for entry in source.entries {
            let bytes = try replaced[entry.path] ?? source.data(at: entry.path)
            try add(archive, entry.path, bytes)
        }
        for (path, bytes) in added { try add(archive, path, bytes) }
    }

    private static func add(_ archive: Archive, _ path: String, _ bytes: [UInt8]) throws {
        let data = Data(bytes)
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
            provider: { position, size in
                let start = Int(position)
                return data.subdata(in: start..<min(start + size, data.count))
            })
    }
}
