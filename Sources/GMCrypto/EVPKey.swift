internal import CZhengwuKitOpenSSL

/// Owns one OpenSSL `EVP_PKEY` and frees it when the last key value holding it goes away.
///
/// Key values (`SM2.Signing.PrivateKey`, certificates' public keys, …) are structs that
/// share this box; OpenSSL keys are immutable once built and safe to use from several
/// threads for signing and verifying, hence `@unchecked Sendable`.
package final class EVPKey: @unchecked Sendable {
    package let pointer: OpaquePointer
    /// Signing and verifying contexts kept for reuse with this key.
    let signatureContexts = DigestSignContextPool()

    /// Takes ownership of `pointer`: the caller must not free it.
    package init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }

    /// Whether OpenSSL considers this key to be of the named type ("SM2", "EC", "ED25519", …).
    package func isA(_ name: String) -> Bool {
        EVP_PKEY_is_a(pointer, name) == 1
    }
}
