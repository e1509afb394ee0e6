internal import CZhengwuKitOpenSSL

/// Algorithm implementations fetched from OpenSSL's default provider once per process.
///
/// `EVP_sm3()` and friends return legacy method tables that OpenSSL 3 turns into an
/// implicit provider fetch (a locked hash-table lookup) on every init; fetching once and
/// reusing the handle removes that cost from short hashes and every signature. Fetched
/// handles are immutable and documented as safe to share between threads.
package enum FetchedAlgorithms {
    package nonisolated(unsafe) static let sm3: OpaquePointer? = EVP_MD_fetch(nil, "SM3", nil)
    package nonisolated(unsafe) static let sha256: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil)
    package nonisolated(unsafe) static let hmac: OpaquePointer? = EVP_MAC_fetch(nil, "HMAC", nil)
    package nonisolated(unsafe) static let sm4ECB: OpaquePointer? = EVP_CIPHER_fetch(nil, "SM4-ECB", nil)
    package nonisolated(unsafe) static let sm4CBC: OpaquePointer? = EVP_CIPHER_fetch(nil, "SM4-CBC", nil)
    package nonisolated(unsafe) static let sm4CTR: OpaquePointer? = EVP_CIPHER_fetch(nil, "SM4-CTR", nil)

    /// The fetched handle, or a backend error naming the algorithm OpenSSL could not provide.
    package static func require(_ handle: OpaquePointer?, _ name: String) throws(GMCryptoError) -> OpaquePointer {
        guard let handle else {
            throw .unsupported("\(name) is not available from OpenSSL's default provider")
        }
        return handle
    }
}
