internal import CZhengwuKitOpenSSL
import Foundation

/// An `EVP_CIPHER_CTX` that holds one key's schedule for one mode, direction and padding.
///
/// Setting a context up (allocation, provider context, key schedule, padding parameter)
/// cost six times the encryption of a 16-byte message; a kept context only needs its IV
/// and buffered state reset, which `EVP_CipherInit_ex2` without a key does.
final class CipherContext {
    struct Setting: Equatable {
        let algorithm: OpaquePointer
        let encrypt: Bool
        let pads: Bool
    }

    let pointer: OpaquePointer
    let setting: Setting

    /// A context keyed with `key` for `setting`; nil when OpenSSL refuses.
    init?(key: UnsafeRawBufferPointer, setting: Setting) {
        guard let pointer = EVP_CIPHER_CTX_new() else { return nil }
        let started = EVP_CipherInit_ex2(
            pointer, setting.algorithm, key.baseAddress?.assumingMemoryBound(to: UInt8.self), nil,
            setting.encrypt ? 1 : 0, nil)
        guard started == 1, EVP_CIPHER_CTX_set_padding(pointer, setting.pads ? 1 : 0) == 1 else {
            EVP_CIPHER_CTX_free(pointer)
            return nil
        }
        self.pointer = pointer
        self.setting = setting
    }

    /// Readies the context for a new message under the same key.
    func restart(iv: [UInt8]?) -> Bool {
        EVP_CipherInit_ex2(pointer, nil, nil, iv, setting.encrypt ? 1 : 0, nil) == 1
    }

    deinit {
        // Frees and wipes the key schedule.
        EVP_CIPHER_CTX_free(pointer)
    }
}

/// A few idle cipher contexts per key, in the manner of `DigestSignContextPool`: a context
/// leaves the pool while one caller uses it, so threads never share one.
final class CipherContextPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [CipherContext] = []
    /// Enough for a few settings or threads at once; more are simply freed.
    private let capacity = 4

    func take(_ setting: CipherContext.Setting) -> CipherContext? {
        lock.lock()
        defer { lock.unlock() }
        guard let index = idle.firstIndex(where: { $0.setting == setting }) else { return nil }
        return idle.remove(at: index)
    }

    /// Returns a context after a successful operation (a failed one may be half-way through a message).
    func give(_ context: CipherContext) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < capacity { idle.append(context) }
    }
}
