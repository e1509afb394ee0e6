internal import CZhengwuKitOpenSSL

/// Owns one OpenSSL `X509` and frees it with the last certificate value holding it.
/// A parsed certificate is never mutated, so sharing it between threads is safe.
final class X509Handle: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Takes ownership of `pointer`: the caller must not free it.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// Decodes exactly `der` (whose outer length has already been checked).
    convenience init(der: [UInt8]) throws(X509Error) {
        OpenSSLErrorQueue.clear()
        let decoded: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_X509(nil, &cursor, buffer.count)
        }
        guard let decoded else {
            throw .malformedDER(OpenSSLErrorQueue.drain() ?? "OpenSSL could not decode the certificate")
        }
        self.init(taking: decoded)
    }

    deinit {
        X509_free(pointer)
    }
}
