internal import CZhengwuKitOpenSSL
import Foundation
import GMCrypto

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

/// A certificate's OpenSSL `X509`, decoded the first time something needs OpenSSL's own
/// object (issuing under the certificate as issuer) and kept from then on.
///
/// Reading a certificate does not decode one: `d2i_X509` in OpenSSL 3.0 runs the generic
/// key decoders on the subject key, which cost about as much as an SM2 verification.
final class LazyX509Handle: @unchecked Sendable {
    private let der: [UInt8]
    private let lock = NSLock()
    private var decoded: Result<X509Handle, X509Error>?

    init(der: [UInt8]) {
        self.der = der
    }

    func handle() throws(X509Error) -> X509Handle {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return try decoded.get() }
        let result: Result<X509Handle, X509Error>
        do {
            result = .success(try X509Handle(der: der))
        } catch {
            result = .failure(error)
        }
        decoded = result
        return try result.get()
    }
}
