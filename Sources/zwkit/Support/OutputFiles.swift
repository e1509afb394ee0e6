import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing what commands produce, `-` meaning standard output.
///
/// A regular file (or a new one) is written atomically: a temporary file beside it, flushed,
/// then renamed over it, so a failure never leaves half a key or half a seal. Anything else that
/// already exists (a device such as `/dev/null`, a FIFO, a terminal) is written in place, because
/// renaming over it would replace the device itself. A symbolic link is refused rather than
/// followed into another directory, and so is a read-only file.
enum OutputFiles {
    /// Who may read what is written.
    enum Access {
        /// The usual mode, 0644 less the umask.
        case shared
        /// Private keys: 0600, whatever the umask.
        case ownerOnly
    }

    static func write(_ data: Data, to path: String, access: Access = .shared) throws {
        if path == "-" {
            try StandardOutput.write(data)
            return
        }
        guard !path.isEmpty else { throw CLIError("an empty path was given for the output (文件路径为空)") }
        var status = stat()
        if lstat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                throw CLIError(
                    "\(InputFiles.display(path)) is a symbolic link; write to the file it names directly (拒绝写入符号链接)")
            case S_IFDIR:
                throw CLIError("cannot write \(InputFiles.display(path)): it is a directory (文件不可写)")
            case S_IFREG:
                guard status.st_mode & 0o222 != 0 else {
                    throw CLIError(
                        "\(InputFiles.display(path)) is read-only; remove it or choose another path (文件只读)")
                }
            default:
                try writeInPlace(data, to: path)
                return
            }
        } else if errno != ENOENT {
            throw CLIError("cannot write \(InputFiles.display(path)): \(InputFiles.reason(errno)) (文件不可写)")
        }
        try writeAtomically(data, to: path, mode: access == .ownerOnly ? 0o600 : 0o644)
    }

    private static func writeInPlace(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            throw CLIError("cannot write \(InputFiles.display(path)): \(InputFiles.reason(errno)) (文件不可写)")
        }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, name: InputFiles.display(path))
    }

    private static func writeAtomically(_ data: Data, to path: String, mode: mode_t) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.\(base).zwkit-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw CLIError("cannot write \(InputFiles.display(path)): \(InputFiles.reason(errno)) (文件不可写)")
        }
        let temporary = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        do {
            // mkstemp creates 0600; widen only what the access asks for, never past the umask.
            let umaskValue = umask(0)
            umask(umaskValue)
            let finalMode = mode == 0o600 ? mode : mode & ~umaskValue
            guard fchmod(descriptor, finalMode) == 0 else { throw errnoError(path) }
            try writeAll(data, to: descriptor, name: InputFiles.display(path))
            guard fsync(descriptor) == 0 else { throw errnoError(path) }
            close(descriptor)
        } catch {
            close(descriptor)
            throw error
        }
        guard rename(temporary, path) == 0 else { throw errnoError(path) }
        renamed = true
    }

    static func writeAll(_ data: Data, to descriptor: Int32, name: String) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CLIError("cannot write \(name): \(InputFiles.reason(errno)) (写入失败)")
                }
                offset += written
            }
        }
    }

    private static func errnoError(_ path: String) -> CLIError {
        CLIError("cannot write \(InputFiles.display(path)): \(InputFiles.reason(errno)) (文件不可写)")
    }
}

/// Standard output, written so that a full disk or a closed pipe is an error a command reports
/// (exit 2), never a trap in the runtime.
enum StandardOutput {
    static func write(_ data: Data) throws {
        try OutputFiles.writeAll(data, to: STDOUT_FILENO, name: "standard output")
    }

    /// For the places that print results as they go: on failure the message goes to standard
    /// error and the process ends with status 2 at once, since nothing further can be shown.
    static func writeOrExit(_ data: Data) {
        do {
            try write(data)
        } catch {
            StandardError.write(Data("zwkit: \(error)\n".utf8))
            exit(CLIExit.usage.rawValue)
        }
    }
}

/// Standard error: a failure to write a message has nowhere to be reported, so it is ignored.
enum StandardError {
    static func write(_ data: Data) {
        try? OutputFiles.writeAll(data, to: STDERR_FILENO, name: "standard error")
    }
}
