import Foundation
import GMCrypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading the files commands are given, `-` meaning standard input: always bounded, so
/// `/dev/zero` or an endless pipe stops at the command's limit instead of filling memory, and
/// every failure names the file and the reason in words.
enum InputFiles {
    /// What a command reads whole unless it says otherwise: larger than any seal, certificate,
    /// key, token or catalogue item a person hands it, small enough to hold in memory.
    static let defaultLimit = 64 << 20

    /// The bytes of `path` (or standard input), refusing more than `limit`.
    static func read(_ path: String, limit: Int = defaultLimit) throws -> Data {
        var data = Data()
        try stream(path) { chunk in
            guard data.count + chunk.count <= limit else {
                throw CLIError(
                    "\(display(path)) is larger than the \(describe(bytes: limit)) this command reads (输入过大); "
                        + (isRegularFile(path)
                            ? "check that it is the file meant"
                            : "give the file itself, not a device or endless stream"))
            }
            data.append(contentsOf: chunk)
        }
        return data
    }

    /// The UTF-8 text of `path` (or standard input), refusing more than `limit` bytes.
    static func readText(_ path: String, limit: Int = defaultLimit) throws -> String {
        let data = try read(path, limit: limit)
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("\(display(path)) is not UTF-8 text (编码错误)")
        }
        return text
    }

    /// Hands `path`'s bytes (or standard input's) to `body` a chunk at a time, so hashing and
    /// signing large files needs no more memory than one chunk.
    static func stream(_ path: String, chunkSize: Int = 1 << 16, _ body: (UnsafeRawBufferPointer) throws -> Void)
        throws
    {
        let descriptor = try open(path)
        defer { if path != "-" { close(descriptor) } }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIError("cannot read \(display(path)): \(String(cString: strerror(errno))) (读取失败)")
            }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Opens `path` (standard input for `-`) for reading, after checking it is something that
    /// can be read as a file; the caller closes any descriptor but standard input's.
    static func open(_ path: String) throws -> Int32 {
        if path == "-" { return STDIN_FILENO }
        guard !path.isEmpty else { throw CLIError("an empty path was given where a file is expected (文件路径为空)") }
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw CLIError("cannot read \(display(path)): \(reason(errno)) (文件不可读)")
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            throw CLIError("cannot read \(display(path)): it is a directory; give a file (文件不可读)")
        case S_IFCHR, S_IFBLK:
            // A device never ends (/dev/zero) or is not what a person meant to hand over; a
            // stream is still welcome through standard input or a pipe.
            throw CLIError(
                "cannot read \(display(path)): it is a device; give a file, or '-' to read standard input (文件不可读)")
        default:
            break
        }
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CLIError("cannot read \(display(path)): \(reason(errno)) (文件不可读)")
        }
        return descriptor
    }

    /// Whether `path` names a regular file (standard input counts as a stream).
    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return path != "-" && stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// A path as messages show it: standard input by name, long paths cut.
    static func display(_ path: String) -> String {
        if path == "-" { return "standard input" }
        return path.count > 200 ? String(path.prefix(200)) + "…" : path
    }

    /// errno in words a person reads, without the C library's terse forms where they mislead.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or directory"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "it is a directory"
        case ENOTDIR: return "a part of the path is not a directory"
        case ENOSPC: return "no space left on the device"
        case EROFS: return "the file system is read-only"
        case ENAMETOOLONG: return "the path is too long"
        case ELOOP: return "too many symbolic links"
        default: return String(cString: strerror(code))
        }
    }

    private static func describe(bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : bytes >= 1 << 10 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }
}

extension InputFiles {
    /// The SM3 digest of `path` (or standard input), streamed, so the data a seal protects is
    /// read through the same checks (no directories, no devices) as every other input.
    static func sm3(_ path: String) throws -> [UInt8] {
        var hash = SM3()
        try stream(path) { hash.update(bufferPointer: $0) }
        return Array(hash.finalize())
    }

    /// e = SM3(Z_A‖M) of `path`'s bytes (or standard input's), streamed: what an SM2
    /// signature of the file signs, for a file of any size in one chunk's memory.
    static func sm2Digest(_ path: String, zValue: SM3Digest) throws -> SM3Digest {
        var hash = SM3()
        hash.update(data: zValue.bytes)
        try stream(path) { hash.update(bufferPointer: $0) }
        return hash.finalize()
    }
}
