internal import CZhengwuKitOpenSSL
import GMCrypto

// What certificate code asks of a key beyond EVPKey's own API.
extension EVPKey {
    /// Whether the two keys have the same public part (a private key matches its public key).
    func matches(_ other: EVPKey) -> Bool {
        defer { OpenSSLErrorQueue.clear() }
        return EVP_PKEY_eq(pointer, other.pointer) == 1
    }
}
