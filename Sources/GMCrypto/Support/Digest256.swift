import Foundation
internal import ZhengwuKitSupport

/// A 32-byte digest made by the hash function `H` (SM3 or SHA-256). `==` runs in constant time.
///
/// One generic type rather than one per algorithm: the digests differ only in where they
/// came from, and the type parameter keeps an SM3 digest from being compared with a SHA-256 one.
public struct Digest256<H: GMHashFunction>: GMDigest {
    public static var byteCount: Int { 32 }
    // Four words inline: no heap allocation per hash, which matters for short inputs.
    private var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(filling fill: (UnsafeMutableRawBufferPointer) -> Void) {
        withUnsafeMutableBytes(of: &storage) { fill($0) }
    }

    /// A digest from its 32 bytes (for example one stored in a seal).
    public init<D: DataProtocol>(bytes: D) throws(GMCryptoError) {
        guard bytes.count == Self.byteCount else {
            throw .invalidLength(what: "a digest of \(H._openSSLName)", expected: "32", actual: bytes.count)
        }
        let array = [UInt8](bytes)
        withUnsafeMutableBytes(of: &storage) { $0.copyBytes(from: array) }
    }

    public var bytes: [UInt8] {
        Swift.withUnsafeBytes(of: storage) { [UInt8]($0) }
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: storage, body)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        Bytes.constantTimeEqual(lhs.bytes, rhs.bytes)
    }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
