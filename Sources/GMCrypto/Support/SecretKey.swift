internal import CZhengwuKitOpenSSL
import Foundation

/// Secret key bytes for SM4 and HMAC, shaped like CryptoKit's `SymmetricKey`
/// (named apart from it so that a file can import both GMCrypto and swift-crypto).
///
/// The bytes live in one heap buffer shared by copies of the key and wiped with
/// `OPENSSL_cleanse` when the last copy goes away.
public struct SecretKey: Sendable {
    private let storage: SecretBytes

    /// A key made of `data`'s bytes.
    public init<D: ContiguousBytes>(data: D) {
        storage = data.withUnsafeBytes { SecretBytes(copying: $0) }
    }

    /// A fresh random key of `size` from OpenSSL's CSPRNG.
    public init(size: SecretKeySize) {
        let random = SecretBytes(count: size.bitCount / 8)
        // RAND_bytes fails only if the system's entropy source is gone; a key of zeros
        // would then be silently weak, so stop instead.
        precondition(
            random.buffer.isEmpty
                || RAND_bytes(
                    random.buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(random.buffer.count))
                    == 1,
            "OpenSSL's random generator failed")
        storage = random
    }

    /// The key length in bits.
    public var bitCount: Int { storage.buffer.count * 8 }

    /// The key length in bytes.
    var byteCount: Int { storage.buffer.count }

    /// SM4 contexts already keyed with this key, kept with the bytes they were made from.
    var cipherContexts: CipherContextPool { storage.cipherContexts }

    /// HMAC contexts already keyed with this key.
    var macTemplates: MACTemplates { storage.macTemplates }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(storage.buffer))
    }
}

/// Key sizes for `SecretKey(size:)`.
public struct SecretKeySize: Sendable, Hashable {
    public let bitCount: Int
    public init(bitCount: Int) {
        precondition(bitCount > 0 && bitCount % 8 == 0, "key sizes are a positive number of bytes")
        self.bitCount = bitCount
    }
    /// 128 bits, the SM4 key size.
    public static let bits128 = SecretKeySize(bitCount: 128)
    public static let bits256 = SecretKeySize(bitCount: 256)
}

/// A heap buffer that is wiped before it is freed. Never mutated after initialisation,
/// hence safe to share between threads.
final class SecretBytes: @unchecked Sendable {
    let buffer: UnsafeMutableRawBufferPointer
    let cipherContexts = CipherContextPool()
    let macTemplates = MACTemplates()

    init(count: Int) {
        buffer = .allocate(byteCount: count, alignment: 16)
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
    }

    convenience init(copying bytes: UnsafeRawBufferPointer) {
        self.init(count: bytes.count)
        buffer.copyMemory(from: bytes)
    }

    deinit {
        if let base = buffer.baseAddress { OPENSSL_cleanse(base, buffer.count) }
        buffer.deallocate()
    }
}
