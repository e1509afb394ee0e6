internal import CZhengwuKitZlib

/// Raw DEFLATE (RFC 1951, zip method 8) through zlib. One stream is kept and reset between
/// entries: setting a stream up allocates its state and window, which for the few-hundred-byte
/// parts of an OFD would cost more than inflating them.
///
/// Not thread-safe: the package reader holds its lock while it inflates.
final class ZipInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let ready: Bool

    init() {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // Negative window bits: a raw stream, no zlib header (zip stores DEFLATE data bare).
        ready = inflateInit2_(stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if ready { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// What one step of inflating produced.
    enum Step {
        /// More input is needed to go on.
        case needsInput
        /// The stream ended; bytes after its end are not part of it.
        case finished
    }

    /// Starts a new entry.
    func reset() throws(OFDError) {
        guard ready, inflateReset(stream) == Z_OK else {
            throw .unreadablePackage("zlib could not start inflating (out of memory?)")
        }
    }

    /// Inflates `input` whole, handing each filled part of `output` to `body`.
    func inflate(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, entry: String,
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Step {
        guard let outputBase = output.baseAddress else { return .needsInput }
        stream.pointee.next_in = UnsafeMutablePointer(
            mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = 0
        var remaining = input.count
        while true {
            // avail_in is 32 bits wide; a larger piece is fed in turns.
            if stream.pointee.avail_in == 0, remaining > 0 {
                let part = min(remaining, Int(UInt32.max))
                stream.pointee.avail_in = uInt(part)
                remaining -= part
            }
            stream.pointee.next_out = outputBase.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(output.count)
            let status = CZhengwuKitZlib.inflate(stream, Z_NO_FLUSH)
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 { try body(UnsafeRawBufferPointer(rebasing: output[0..<produced])) }
            switch status {
            case Z_STREAM_END:
                return .finished
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.pointee.avail_in == 0 && remaining > 0:
                continue
            case Z_BUF_ERROR:
                return .needsInput
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                throw OFDError.unreadablePackage(
                    "\(entry): the compressed data is damaged (\(reason)); obtain an undamaged copy of the file")
            }
        }
    }
}
