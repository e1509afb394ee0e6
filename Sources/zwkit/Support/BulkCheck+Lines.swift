#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file descriptor in large chunks and hands out its lines as byte slices of one
/// reused buffer: no `String`, no allocation per line, memory bounded by the buffer.
struct BulkLineSplitter: ~Copyable {
    private let descriptor: Int32
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var start = 0
    private var end = 0
    private var atEndOfInput = false
    /// Lines longer than the buffer, skipped (counted as invalid by the caller).
    private(set) var overlongLines = 0
    private var skippingOverlongLine = false

    static let bufferSize = 1 << 20

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer = .allocate(capacity: Self.bufferSize)
    }

    deinit { buffer.deallocate() }

    /// The next line without its newline (and without a trailing CR), or nil at the end.
    /// The slice is valid until the next call.
    mutating func nextLine() throws(CLIError) -> UnsafeBufferPointer<UInt8>? {
        while true {
            if start < end, let found = memchr(buffer.baseAddress! + start, Int32(UInt8(ascii: "\n")), end - start) {
                let lineEnd = buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let line = UnsafeBufferPointer(rebasing: buffer[start..<lineEnd])
                start = lineEnd + 1
                if skippingOverlongLine {
                    skippingOverlongLine = false
                    continue
                }
                return Self.dropCarriageReturn(line)
            }
            if atEndOfInput {
                guard start < end else { return nil }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
                start = end
                if skippingOverlongLine { return nil }
                return Self.dropCarriageReturn(line)
            }
            try refill()
        }
    }

    private mutating func refill() throws(CLIError) {
        if start > 0 {
            let remaining = end - start
            if remaining > 0 {
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(
                    from: buffer.baseAddress! + start, byteCount: remaining)
            }
            start = 0
            end = remaining
        }
        if end == buffer.count {
            // A line longer than the buffer: drop what we have and skip to its newline.
            if !skippingOverlongLine { overlongLines += 1 }
            skippingOverlongLine = true
            end = 0
        }
        while true {
            let count = read(descriptor, buffer.baseAddress! + end, buffer.count - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIError("cannot read the input: \(InputFiles.reason(errno)) (读取失败)")
            }
            if count == 0 { atEndOfInput = true }
            end += count
            return
        }
    }

    private static func dropCarriageReturn(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        line.last == UInt8(ascii: "\r") ? UnsafeBufferPointer(rebasing: line.dropLast()) : line
    }

    /// Removes spaces and tabs around a field (and a BOM at the very start of input).
    static func trim(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lower = field.startIndex
        var upper = field.endIndex
        if upper - lower >= 3, field[lower] == 0xEF, field[lower + 1] == 0xBB, field[lower + 2] == 0xBF { lower += 3 }
        while lower < upper, field[lower] == UInt8(ascii: " ") || field[lower] == UInt8(ascii: "\t") { lower += 1 }
        while upper > lower, field[upper - 1] == UInt8(ascii: " ") || field[upper - 1] == UInt8(ascii: "\t") {
            upper -= 1
        }
        return UnsafeBufferPointer(rebasing: field[lower..<upper])
    }

    static func trim(_ field: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = field
        while let first = slice.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { slice.removeFirst() }
        while let last = slice.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { slice.removeLast() }
        return slice
    }

    /// The 1-based `column` of a delimited line, without its surrounding quotes; empty when
    /// the line has fewer columns. Quoted fields may contain the delimiter.
    static func field(_ column: Int, of line: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> UnsafeBufferPointer<
        UInt8
    > {
        var current = 1
        var index = 0
        var fieldStart = 0
        var inQuotes = false
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if byte == delimiter && !inQuotes {
                if current == column { break }
                current += 1
                fieldStart = index + 1
            }
            index += 1
        }
        guard current == column else { return UnsafeBufferPointer(rebasing: line[0..<0]) }
        var field = trim(UnsafeBufferPointer(rebasing: line[fieldStart..<index]))
        if field.count >= 2, field.first == UInt8(ascii: "\""), field.last == UInt8(ascii: "\"") {
            field = UnsafeBufferPointer(rebasing: field.dropFirst().dropLast())
        }
        return field
    }
}
