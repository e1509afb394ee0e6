internal import CZhengwuKitOpenSSL
import Foundation

/// An `EVP_MD_CTX` with its `EVP_PKEY_CTX`, set up for one key, one direction (sign or
/// verify) and one SM2 ID, that can be initialised again for the next message.
///
/// Re-initialising a context is what `openssl speed sm2` does per operation; allocating
/// both contexts and setting the ID afresh each time cost about 5 % of an SM2 signature.
/// OpenSSL keeps the ID in the key context's cached parameters and re-applies it on
/// every `EVP_DigestSignInit`/`EVP_DigestVerifyInit`.
final class DigestSignContext {
    let digestContext: OpaquePointer
    let keyContext: OpaquePointer?
    let forSigning: Bool
    let sm2ID: [UInt8]?

    init(key: EVPKey, forSigning: Bool, sm2ID: [UInt8]?) throws(GMCryptoError) {
        guard let digestContext = EVP_MD_CTX_new() else { throw .openSSL("allocate a signature context") }
        var keyContext: OpaquePointer?
        if let sm2ID {
            keyContext = EVP_PKEY_CTX_new(key.pointer, nil)
            guard let keyContext, EVP_PKEY_CTX_set1_id(keyContext, sm2ID, Int32(sm2ID.count)) == 1 else {
                EVP_PKEY_CTX_free(keyContext)
                EVP_MD_CTX_free(digestContext)
                throw .openSSL("set the SM2 distinguishing ID")
            }
            // The digest context borrows the key context; both are freed in deinit.
            EVP_MD_CTX_set_pkey_ctx(digestContext, keyContext)
        }
        self.digestContext = digestContext
        self.keyContext = keyContext
        self.forSigning = forSigning
        self.sm2ID = sm2ID
    }

    deinit {
        EVP_MD_CTX_free(digestContext)
        EVP_PKEY_CTX_free(keyContext)
    }
}

/// A few idle contexts per key, so repeated signatures and verifications with one key
/// reuse them. Each context is used by one caller at a time: it leaves the pool while in use.
final class DigestSignContextPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [DigestSignContext] = []
    /// Enough for a few threads signing with one key at once; more are simply freed.
    private let capacity = 4

    func take(forSigning: Bool, sm2ID: [UInt8]?) -> DigestSignContext? {
        lock.lock()
        defer { lock.unlock() }
        guard let index = idle.firstIndex(where: { $0.forSigning == forSigning && $0.sm2ID == sm2ID }) else {
            return nil
        }
        return idle.remove(at: index)
    }

    /// Returns a context after a successful operation (a failed one may leave it half-initialised).
    func give(_ context: DigestSignContext) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < capacity { idle.append(context) }
    }
}
