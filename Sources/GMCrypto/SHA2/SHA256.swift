import Foundation

/// SHA-256 (FIPS 180-4), one-shot. SM3 is the national hash; SHA-256 is here for the
/// international formats that name it, such as RFC 7638 JWK thumbprints.
///
/// Added on the `identity` branch for UnifiedIdentity's `kid`s; GMCrypto's owner may
/// reshape it (a streaming `SHA256` with a digest type, like `SM3`).
public enum SHA256 {
    public static let byteCount = 32

    /// The 32-byte SHA-256 digest of `data`.
    public static func hash<D: DataProtocol>(data: D) -> [UInt8] {
        data.withContiguousBuffer { input in
            [UInt8](unsafeUninitializedCapacity: byteCount) { output, initialized in
                DigestContext.hash(
                    algorithm: FetchedAlgorithms.sha256, name: "SHA256", input,
                    into: UnsafeMutableRawBufferPointer(output))
                initialized = byteCount
            }
        }
    }
}
