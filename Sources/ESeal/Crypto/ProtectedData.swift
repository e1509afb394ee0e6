import Foundation
import GMCrypto

/// The data a signature protects, given as bytes, a file read in chunks, or its SM3 digest.
///
/// Files and streams are hashed in fixed 1 MiB chunks, so signing or verifying a
/// gigabyte-sized file takes constant memory.
public struct ProtectedData: Sendable {
    enum Source: Sendable {
        case bytes([UInt8])
        case file(URL)
        case digest([UInt8])
    }

    let source: Source

    /// Data held in memory.
    public static func bytes<Bytes: DataProtocol>(_ bytes: Bytes) -> ProtectedData {
        ProtectedData(source: .bytes(Array(bytes)))
    }

    /// A file, hashed in chunks when needed.
    public static func file(_ url: URL) -> ProtectedData {
        ProtectedData(source: .file(url))
    }

    /// The SM3 digest of the data, computed by the caller (32 bytes).
    public static func digest<Bytes: DataProtocol>(_ sm3: Bytes) -> ProtectedData {
        ProtectedData(source: .digest(Array(sm3)))
    }

    /// Hashes `stream` to its end, in chunks, and keeps only the digest.
    public static func stream(_ stream: InputStream) throws(ESealError) -> ProtectedData {
        var hasher = SM3()
        stream.open()
        defer { stream.close() }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = stream.read(&buffer, maxLength: buffer.count)
            if count < 0 {
                throw ESealError.unreadableData(stream.streamError.map { "\($0)" } ?? "stream read failed")
            }
            if count == 0 { break }
            hasher.update(data: buffer[..<count])
        }
        return .digest(Array(hasher.finalize()))
    }

    static let chunkSize = 1 << 20

    /// SM3 of the data.
    public func sm3Digest() throws(ESealError) -> [UInt8] {
        switch source {
        case .bytes(let bytes):
            return SealCrypto.sm3(bytes)
        case .digest(let digest):
            guard digest.count == 32 else {
                throw ESealError.invalidParameter("an SM3 digest has 32 bytes, got \(digest.count)")
            }
            return digest
        case .file(let url):
            let handle: FileHandle
            do {
                handle = try FileHandle(forReadingFrom: url)
            } catch {
                throw ESealError.unreadableData("\(url.path): \(error.localizedDescription)")
            }
            defer { try? handle.close() }
            var hasher = SM3()
            do {
                while let chunk = try handle.read(upToCount: Self.chunkSize), !chunk.isEmpty {
                    hasher.update(data: chunk)
                }
            } catch {
                throw ESealError.unreadableData("\(url.path): \(error.localizedDescription)")
            }
            return Array(hasher.finalize())
        }
    }
}
