import Foundation

/// The SHA-2 family (FIPS 180-4). SM3 is the national hash; SHA-256 is here for the
/// international formats that name it, such as RFC 7638 JWK thumbprints and ES256.
///
/// A namespace rather than a top-level `SHA256`, so that a file importing both GMCrypto
/// and swift-crypto's `Crypto` reads `SHA256` unambiguously as swift-crypto's.
public enum SHA2 {
    /// SHA-256. Same shape as `SM3`: one-shot `SHA2.SHA256.hash(data:)`, or `init()`,
    /// `update(data:)`, `finalize()`; `KeyedHash<SHA2.SHA256>` for HMAC-SHA256.
    public struct SHA256: GMHashFunction {
        /// A 32-byte SHA-256 digest. `==` runs in constant time.
        public typealias Digest = Digest256<SHA256>
        public static let byteCount = 32
        public static let blockByteCount = 64
        public static let _openSSLName = "SHA256"

        private var context: DigestContext

        /// A hasher with nothing absorbed yet.
        public init() {
            context = DigestContext(algorithm: FetchedAlgorithms.sha256, name: "SHA256")
        }

        public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
            DigestContext.absorb(bufferPointer, into: &context)
        }

        /// The digest of everything absorbed so far; the hasher can keep absorbing.
        public func finalize() -> Digest {
            Digest { context.finalizeCopy(into: $0) }
        }

        /// The SHA-256 digest of `data` in one call.
        public static func hash<D: DataProtocol>(data: D) -> Digest {
            data.withContiguousBuffer { input in
                Digest { DigestContext.hash(algorithm: FetchedAlgorithms.sha256, name: "SHA256", input, into: $0) }
            }
        }
    }
}
