import Foundation
internal import ZhengwuKitSupport

/// A hash function GMCrypto provides through OpenSSL, shaped like CryptoKit's
/// `HashFunction`: one-shot `hash(data:)`, or `init()`, `update(data:)`, `finalize()`.
///
/// Only GMCrypto's own types conform (`SM3`); `HMAC` is generic over it.
public protocol GMHashFunction: Sendable {
    associatedtype Digest: GMDigest
    /// The digest length in bytes.
    static var byteCount: Int { get }
    /// The input block length in bytes (what HMAC pads its key to).
    static var blockByteCount: Int { get }
    /// The OpenSSL algorithm name; an implementation detail that lets `HMAC` reach the backend.
    static var _openSSLName: String { get }

    init()
    mutating func update(bufferPointer: UnsafeRawBufferPointer)
    func finalize() -> Digest
}

extension GMHashFunction {
    /// Feeds `data` (any contiguous or non-contiguous bytes) to the hash.
    public mutating func update<D: DataProtocol>(data: D) {
        for region in data.regions {
            region.withUnsafeBytes { update(bufferPointer: $0) }
        }
    }
}

/// A fixed-size digest or MAC: its bytes, its hex form, constant-time equality.
public protocol GMDigest: Sendable, Hashable, Sequence, CustomStringConvertible where Element == UInt8 {
    /// The bytes of the digest.
    var bytes: [UInt8] { get }
}

extension GMDigest {
    /// The digest in lower-case hexadecimal.
    public var hexString: String { Hex.encode(bytes) }
    public var description: String { hexString }
    public func makeIterator() -> Array<UInt8>.Iterator { bytes.makeIterator() }
    /// The digest as `Data`.
    public var data: Data { Data(bytes) }

    /// Compares with expected bytes in time independent of where they differ.
    public static func == <D: DataProtocol>(lhs: Self, rhs: D) -> Bool {
        Bytes.constantTimeEqual(lhs.bytes, [UInt8](rhs))
    }
}
