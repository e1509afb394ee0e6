import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of a package file, read at offsets: held in memory, or read from an open file
/// piece by piece so that a large package streams in bounded memory.
///
/// Offsets count from the first byte of the file (the package reader adds any bytes a vendor
/// put before the zip).
enum ZipSource: Sendable {
    case memory([UInt8])
    case file(OpenFile)

    /// Files up to this size are read whole with one system call: parsing an e-invoice from memory
    /// costs a few reads instead of one or two per entry. Larger files stream.
    static let wholeReadLimit: UInt64 = 8 << 20

    /// Opens `url`: read whole when small, kept open for reads at offsets otherwise.
    static func open(_ url: URL) throws(OFDError) -> ZipSource {
        let file = try OpenFile(url)
        guard file.length <= wholeReadLimit else { return .file(file) }
        return .memory(try file.bytes(at: 0, count: Int(file.length)))
    }

    var length: UInt64 {
        switch self {
        case .memory(let bytes): return UInt64(bytes.count)
        case .file(let file): return file.length
        }
    }

    /// The `count` bytes at `offset`, which the caller has checked lie inside the source.
    func bytes(at offset: UInt64, count: Int) throws(OFDError) -> [UInt8] {
        switch self {
        case .memory(let bytes):
            let start = Int(offset)
            return Array(bytes[start..<start + count])
        case .file(let file):
            return try file.bytes(at: offset, count: count)
        }
    }

    /// Hands `body` the bytes from `offset` for `length` bytes, in order, in pieces of at most
    /// `piece` bytes (one piece, without a copy, when the source is in memory). The caller has
    /// checked that the range lies inside the source.
    func forEachPiece(
        from offset: UInt64, length: UInt64, piece: Int, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        switch self {
        case .memory(let bytes):
            try bytes.withUnsafeBytes { all in
                let start = Int(offset)
                try body(UnsafeRawBufferPointer(rebasing: all[start..<start + Int(length)]))
            }
        case .file(let file):
            var buffer = [UInt8](repeating: 0, count: Int(min(UInt64(piece), max(length, 1))))
            var done: UInt64 = 0
            while done < length {
                let count = Int(min(UInt64(buffer.count), length - done))
                try buffer.withUnsafeMutableBytes { whole in
                    let part = UnsafeMutableRawBufferPointer(rebasing: whole[0..<count])
                    try file.read(into: part, at: offset + done)
                    try body(UnsafeRawBufferPointer(part))
                }
                done += UInt64(count)
            }
        }
    }
}

/// A package file open for reading at offsets (`pread`), closed when the last reference goes.
final class OpenFile: Sendable {
    private let descriptor: Int32
    let length: UInt64
    private let name: String

    init(_ url: URL) throws(OFDError) {
        name = url.path
        // Non-blocking, so that a FIFO given as a package is refused below instead of waiting for a writer.
        descriptor = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw .unreadablePackage("\(url.path): \(Self.reason(errno)); check the path and its permissions")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw .unreadablePackage("\(url.path): \(Self.reason(code))")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .unreadablePackage("\(url.path): not a regular file; give the path of an .ofd file")
        }
        length = UInt64(status.st_size)
    }

    deinit { close(descriptor) }

    /// The `count` bytes at `offset`.
    func bytes(at offset: UInt64, count: Int) throws(OFDError) -> [UInt8] {
        var failure: OFDError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(OFDError) {
                try read(into: UnsafeMutableRawBufferPointer(buffer), at: offset)
                initialized = count
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Fills `buffer` from `offset`, retrying short reads; a file that shrank is an error.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: UInt64) throws(OFDError) {
        var done = 0
        while done < buffer.count {
            guard let base = buffer.baseAddress else { return }
            let count = pread(descriptor, base + done, buffer.count - done, off_t(offset) + off_t(done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw .unreadablePackage(
                    "\(name): \(count < 0 ? Self.reason(errno) : "the file ended early (did it change while being read?)")"
                )
            }
            done += count
        }
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
