import Foundation
import OFD
import ZIPFoundation

/// Rewrites OFD packages for tests that forge or strip them.
enum TestZip {
    /// The package with one entry's bytes replaced.
    static func replacing(_ path: String, with bytes: [UInt8], in package: OFDPackage) throws -> Data {
        try rewrite(package) { entry, old in entry == path ? bytes : old }
    }

    /// The package as it was before sealing: no `Signs/` entries, `OFD.xml` without its
    /// `Signatures` reference; `change` may alter the other entries.
    static func withoutSignatures(_ package: OFDPackage, _ change: (String, [UInt8]) -> [UInt8]) throws -> Data {
        try rewrite(package) { path, bytes in
            if path.contains("/Signs/") { return nil }
            var result = bytes
            if path == "OFD.xml" {
                let text = String(decoding: bytes, as: UTF8.self)
                    .replacingOccurrences(
                        of: #"<ofd:Signatures>[^<]*</ofd:Signatures>\n?"#, with: "", options: .regularExpression)
                result = Array(text.utf8)
            }
            return change(path, result)
        }
    }

    private static func rewrite(_ package: OFDPackage, _ transform: (String, [UInt8]) throws -> [UInt8]?) throws -> Data
    {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in package.entries {
            guard let bytes = try transform(entry.path, try package.data(at: entry.path)) else { continue }
            let data = Data(bytes)
            try archive.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<min(Int(position) + size, data.count)) })
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
