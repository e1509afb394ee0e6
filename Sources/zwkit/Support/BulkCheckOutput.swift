#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered writer to a file descriptor: bulk commands print millions of lines, and one
/// `write(2)` per line (or a `String` per line) would dominate their time. One owner (the bulk
/// driver) hands it to checkers, hence a class; its buffer is raw memory so that appending a
/// byte is a store and a bounds check.
final class BulkOutput {
    private let descriptor: Int32
    private let storage: UnsafeMutablePointer<UInt8>
    private let capacity = 1 << 18
    private var count = 0
    private let flushThreshold = 1 << 16
    /// Whether the JSON object being written has no key yet.
    fileprivate var objectIsEmpty = true

    init(descriptor: Int32) {
        self.descriptor = descriptor
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { spill() }
        storage[count] = byte
        count += 1
    }

    func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if bytes.count > capacity - count { spill() }
        if bytes.count > capacity {
            writeAll(base, bytes.count)
            return
        }
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    func append(decimal value: Int) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            append(decimal: 0 - value)
            return
        }
        var digits = 1
        var divisor = 1
        while value / divisor >= 10 {
            divisor *= 10
            digits += 1
        }
        append(decimal: value, width: digits)
    }

    /// Appends `value` zero-padded to `width` digits.
    func append(decimal value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<max(width, 1) { divisor *= 10 }
        while divisor > 0 {
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / divisor % 10))
            divisor /= 10
        }
    }

    /// Ends a line and flushes when enough has gathered.
    func endLine() throws(CLIError) {
        append(UInt8(ascii: "\n"))
        if count >= flushThreshold { try flush() }
    }

    func flush() throws(CLIError) {
        let total = count
        count = 0
        if let failure = writeAll(storage, total) {
            throw CLIError("cannot write standard output: \(InputFiles.reason(failure)) (写入失败)")
        }
    }

    /// Writes without reporting: a failure mid-line resurfaces at the next `flush`.
    private func spill() {
        let total = count
        count = 0
        _ = writeAll(storage, total)
    }

    @discardableResult
    private func writeAll(_ base: UnsafePointer<UInt8>, _ total: Int) -> Int32? {
        var written = 0
        while written < total {
            let result = write(descriptor, base + written, total - written)
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += result
        }
        return nil
    }
}

/// One JSON object per result, written straight into the output buffer. Keys come in the
/// order written: `input`, `line`, `valid`, then `error`, `message`, `chineseTerm` or the parsed fields.
extension BulkOutput {
    func beginObject() {
        append(UInt8(ascii: "{"))
        objectIsEmpty = true
    }

    func endObject() {
        append(UInt8(ascii: "}"))
    }

    private func key(_ name: StaticString) {
        append(objectIsEmpty ? "\"" : ",\"")
        objectIsEmpty = false
        append(name)
        append("\":")
    }

    func jsonString(_ name: StaticString, _ value: String) {
        key(name)
        var value = value
        value.withUTF8 { appendQuoted($0, trusted: true) }
    }

    func jsonString(_ name: StaticString, bytes value: UnsafeBufferPointer<UInt8>) {
        key(name)
        appendQuoted(value)
    }

    func jsonString(_ name: StaticString, staticValue value: StaticString) {
        key(name)
        append(UInt8(ascii: "\""))
        append(value)
        append(UInt8(ascii: "\""))
    }

    func jsonCharacter(_ name: StaticString, _ value: Character) {
        guard let byte = value.asciiValue else { return jsonString(name, String(value)) }
        key(name)
        append(UInt8(ascii: "\""))
        append(byte)
        append(UInt8(ascii: "\""))
    }

    func jsonInt(_ name: StaticString, _ value: Int) {
        key(name)
        append(decimal: value)
    }

    /// A number as a quoted, zero-padded digit string (`"110105"`).
    func jsonDigits(_ name: StaticString, _ value: Int, width: Int) {
        key(name)
        append(UInt8(ascii: "\""))
        append(decimal: value, width: width)
        append(UInt8(ascii: "\""))
    }

    func jsonBool(_ name: StaticString, _ value: Bool) {
        key(name)
        append(value ? "true" : "false")
    }

    /// A date as `"YYYY-MM-DD"`, without building a string.
    func jsonDate(_ name: StaticString, year: Int, month: Int, day: Int) {
        key(name)
        append(UInt8(ascii: "\""))
        append(decimal: year, width: 4)
        append(UInt8(ascii: "-"))
        append(decimal: month, width: 2)
        append(UInt8(ascii: "-"))
        append(decimal: day, width: 2)
        append(UInt8(ascii: "\""))
    }

    /// Writes text as a JSON string. `trusted` text comes from a Swift `String` and is valid
    /// UTF-8; other bytes (input lines) that are not UTF-8 have their bad sequences replaced by
    /// U+FFFD, so the output is always valid JSON.
    private func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, trusted: Bool = false) {
        append(UInt8(ascii: "\""))
        if !trusted && bytes.contains(where: { $0 >= 0x80 }) {
            var repaired = String(decoding: bytes, as: UTF8.self)
            repaired.withUTF8 { appendEscaped($0) }
        } else {
            appendEscaped(bytes)
        }
        append(UInt8(ascii: "\""))
    }

    /// Escapes quotes, backslashes and control characters; everything else is copied.
    private func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = bytes.startIndex
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\r"): append("\\r")
            case UInt8(ascii: "\t"): append("\\t")
            default:
                append("\\u00")
                append(UInt8(ascii: byte < 0x10 ? "0" : "1"))
                let low = byte & 0xF
                append(low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10)
            }
        }
        append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.endIndex]))
    }
}
