internal import CZhengwuKitOpenSSL

/// Reads and clears OpenSSL's thread-local error queue, so a failure is reported with
/// OpenSSL's own reason and never leaks into the next, unrelated call.
package enum OpenSSLErrorQueue {
    /// The reasons queued since the last drain, oldest first, joined with "; ";
    /// `nil` when OpenSSL queued nothing.
    package static func drain() -> String? {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    /// Discards whatever is queued, before an operation whose failure we want to explain.
    package static func clear() {
        ERR_clear_error()
    }
}
