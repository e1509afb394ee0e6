import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A private file (mode 0600, created new, never an existing path) holding bytes that
/// ZIPFoundation must read from a file: untrusted packages given in memory (its in-memory
/// archive traps on hostile offsets) and packages trimmed of bytes before the zip.
///
/// Written with plain system calls and no `fsync`: the copy lives as long as one package value
/// and is worthless after a crash, so durability would only cost time (Foundation's atomic
/// `createFile` synced and renamed, about a quarter of verifying an e-invoice from memory).
enum PrivateCopy {
    /// A new file in the temporary directory holding `bytes`.
    static func make(_ bytes: some DataProtocol) throws(OFDError) -> URL {
        let (url, descriptor) = try create()
        defer { close(descriptor) }
        for region in bytes.regions {
            let failure = region.withUnsafeBytes { writeAll($0, to: descriptor) }
            if failure != 0 { throw unwritable(url, failure) }
        }
        return url
    }

    /// A new file holding `source` from byte `offset` on, streamed in 1 MiB pieces.
    static func make(from source: URL, startingAt offset: UInt64) throws(OFDError) -> URL {
        let input: FileHandle
        do {
            input = try FileHandle(forReadingFrom: source)
            try input.seek(toOffset: offset)
        } catch {
            throw .unreadablePackage("\(source.path): \(error.localizedDescription)")
        }
        defer { try? input.close() }
        let (url, descriptor) = try create()
        defer { close(descriptor) }
        while true {
            let chunk: Data
            do {
                guard let read = try input.read(upToCount: 1 << 20), !read.isEmpty else { break }
                chunk = read
            } catch {
                remove(url)
                throw .unreadablePackage("\(source.path): \(error.localizedDescription)")
            }
            let failure = chunk.withUnsafeBytes { writeAll($0, to: descriptor) }
            if failure != 0 { throw unwritable(url, failure) }
        }
        return url
    }

    private static func create() throws(OFDError) -> (URL, Int32) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zwkit-ofd-\(UUID().uuidString).zip")
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .unreadablePackage(
                "cannot create a private copy in \(url.deletingLastPathComponent().path): \(reason(errno)); "
                    + "set TMPDIR to a writable folder")
        }
        return (url, descriptor)
    }

    /// Removes the half-written copy and says why it failed.
    private static func unwritable(_ url: URL, _ code: Int32) -> OFDError {
        remove(url)
        return .unreadablePackage(
            "cannot write a private copy in \(url.deletingLastPathComponent().path): \(reason(code)); "
                + "free space there or set TMPDIR to another folder")
    }

    static func remove(_ url: URL) {
        _ = unlink(url.path)
    }

    /// Writes every byte, retrying short writes and interruptions; `errno` of a failure, or 0.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            guard let base = buffer.baseAddress else { return 0 }
            let written = write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
