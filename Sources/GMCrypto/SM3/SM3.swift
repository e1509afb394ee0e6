import Foundation

/// The SM3 hash function (GB/T 32905-2016): 256-bit digests over 512-bit blocks.
///
/// ```swift
/// let digest = SM3.hash(data: Data("abc".utf8))   // 66c7f0f4…8f4ba8e0
/// var hasher = SM3()
/// hasher.update(data: part1); hasher.update(data: part2)
/// let same = hasher.finalize()
/// ```
public struct SM3: GMHashFunction {
    public typealias Digest = SM3Digest
    public static let byteCount = 32
    public static let blockByteCount = 64
    public static let _openSSLName = "SM3"

    private var context: DigestContext

    /// A hasher with nothing absorbed yet.
    public init() {
        context = DigestContext(algorithm: FetchedAlgorithms.sm3, name: "SM3")
    }

    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        DigestContext.absorb(bufferPointer, into: &context)
    }

    /// The digest of everything absorbed so far; the hasher can keep absorbing.
    public func finalize() -> SM3Digest {
        SM3Digest { context.finalizeCopy(into: $0) }
    }

    /// The SM3 digest of `data` in one call.
    // Inlinable so the caller's concrete type (Data, [UInt8], a slice) is specialised in:
    // for short inputs, generic dispatch through DataProtocol cost a quarter of the time.
    @inlinable
    public static func hash<D: DataProtocol>(data: D) -> SM3Digest {
        if let digest = data.withContiguousStorageIfAvailable({ hash(bufferPointer: UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return hashRegions(data)
    }

    @usableFromInline
    static func hashRegions<D: DataProtocol>(_ data: D) -> SM3Digest {
        var hasher = SM3()
        hasher.update(data: data)
        return hasher.finalize()
    }

    /// The SM3 digest of the bytes in `bufferPointer`.
    public static func hash(bufferPointer: UnsafeRawBufferPointer) -> SM3Digest {
        SM3Digest { DigestContext.hash(algorithm: FetchedAlgorithms.sm3, name: "SM3", bufferPointer, into: $0) }
    }
}

/// A 32-byte SM3 digest. `==` runs in constant time.
public typealias SM3Digest = Digest256<SM3>
