internal import CZhengwuKitOpenSSL
import Foundation

/// Secret key bytes for SM4 and HMAC, shaped like CryptoKit's `SymmetricKey`.
public struct SymmetricKey: Sendable {
    let bytes: [UInt8]

    /// A key made of `data`'s bytes.
    public init<D: ContiguousBytes>(data: D) {
        bytes = data.withUnsafeBytes { [UInt8]($0) }
    }

    /// A fresh random key of `size` from OpenSSL's CSPRNG.
    public init(size: SymmetricKeySize) {
        var random = [UInt8](repeating: 0, count: size.bitCount / 8)
        // RAND_bytes fails only if the system's entropy source is gone; a key of zeros
        // would then be silently weak, so stop instead.
        precondition(RAND_bytes(&random, Int32(random.count)) == 1, "OpenSSL's random generator failed")
        bytes = random
    }

    /// The key length in bits.
    public var bitCount: Int { bytes.count * 8 }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes(body)
    }
}

/// Key sizes for `SymmetricKey(size:)`.
public struct SymmetricKeySize: Sendable, Hashable {
    public let bitCount: Int
    public init(bitCount: Int) {
        precondition(bitCount > 0 && bitCount % 8 == 0, "key sizes are a positive number of bytes")
        self.bitCount = bitCount
    }
    /// 128 bits, the SM4 key size.
    public static let bits128 = SymmetricKeySize(bitCount: 128)
    public static let bits256 = SymmetricKeySize(bitCount: 256)
}
