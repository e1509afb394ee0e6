internal import CZhengwuKitOpenSSL
import Foundation
internal import ZhengwuKitSupport

/// HMAC, the keyed-hash message authentication code (RFC 2104; GB/T 15852.2), over a GMCrypto
/// hash: `KeyedHash<SM3>.authenticationCode(for:using:)` is HMAC-SM3. Shaped like CryptoKit's
/// `HMAC`, under a name of its own so that it never clashes with swift-crypto's.
public struct KeyedHash<H: GMHashFunction>: Sendable {
    private(set) var context: MACContext

    /// A MAC computation keyed with `key`.
    public init(key: SecretKey) {
        // A copy of the key's keyed context: keying fetches the digest and hashes the pads.
        context = key.macTemplates.copy(digestName: H._openSSLName) {
            key.withUnsafeBytes { MACContext(key: $0, digestName: H._openSSLName) }
        }
    }

    public mutating func update<D: DataProtocol>(data: D) {
        if !isKnownUniquelyReferenced(&context) {
            context = MACContext(copying: context)
        }
        for region in data.regions {
            region.withUnsafeBytes { context.update($0) }
        }
    }

    /// The code for everything absorbed so far.
    public func finalize() -> KeyedHashCode<H> {
        KeyedHashCode(bytes: context.finalizeCopy(byteCount: H.byteCount))
    }

    public static func authenticationCode<D: DataProtocol>(for data: D, using key: SecretKey)
        -> KeyedHashCode<H>
    {
        // A one-shot MAC borrows the key's spare context, restarted from the keyed state, and
        // finalises it without the copy `finalize()` makes; it goes back for the next message.
        let context = key.macTemplates.takeSpare(digestName: H._openSSLName) ?? KeyedHash(key: key).context
        for region in data.regions {
            region.withUnsafeBytes { context.update($0) }
        }
        let code = KeyedHashCode<H>(bytes: context.finalize(byteCount: H.byteCount))
        key.macTemplates.giveSpare(context, digestName: H._openSSLName)
        return code
    }

    /// Whether `code` authenticates `data` under `key`, compared in constant time.
    public static func isValidAuthenticationCode<C: DataProtocol, D: DataProtocol>(
        _ code: C, authenticating data: D, using key: SecretKey
    ) -> Bool {
        Bytes.constantTimeEqual(authenticationCode(for: data, using: key).bytes, [UInt8](code))
    }
}

/// The output of `KeyedHash<H>`. `==` runs in constant time.
public struct KeyedHashCode<H: GMHashFunction>: GMDigest {
    public let bytes: [UInt8]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        Bytes.constantTimeEqual(lhs.bytes, rhs.bytes)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytes)
    }
}

/// Owns an `EVP_MAC_CTX`; HMAC values copy it on write.
final class MACContext: @unchecked Sendable {
    let pointer: OpaquePointer

    init(key: UnsafeRawBufferPointer, digestName: String) {
        guard let mac = FetchedAlgorithms.hmac, let context = EVP_MAC_CTX_new(mac) else {
            preconditionFailure("OpenSSL cannot provide HMAC")
        }
        // HMAC accepts any key length, including empty; a non-null pointer keeps OpenSSL happy.
        var placeholder: UInt8 = 0
        let status: Int32
        if let base = key.baseAddress, !key.isEmpty {
            status = CZWK_hmac_init(context, base.assumingMemoryBound(to: UInt8.self), key.count, digestName)
        } else {
            status = CZWK_hmac_init(context, &placeholder, 0, digestName)
        }
        guard status == 1 else {
            EVP_MAC_CTX_free(context)
            preconditionFailure("OpenSSL cannot start HMAC-\(digestName)")
        }
        pointer = context
    }

    init(copying other: MACContext) {
        guard let context = EVP_MAC_CTX_dup(other.pointer) else {
            preconditionFailure("OpenSSL cannot copy an HMAC context")
        }
        pointer = context
    }

    deinit {
        EVP_MAC_CTX_free(pointer)
    }

    func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        EVP_MAC_update(pointer, base.assumingMemoryBound(to: UInt8.self), buffer.count)
    }

    func finalizeCopy(byteCount: Int) -> [UInt8] {
        MACContext(copying: self).finalize(byteCount: byteCount)
    }

    /// Finishes this context; it must not be used again.
    func finalize(byteCount: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: byteCount)
        var length = 0
        EVP_MAC_final(pointer, &output, &length, output.count)
        return Array(output.prefix(length))
    }
}

/// A key's HMAC contexts, keyed and ready, one per digest; each streaming MAC starts from a
/// copy. One-shot MACs reuse a spare context per digest instead, restarted with
/// `EVP_MAC_init` without a key (back to the keyed state, as `openssl speed -hmac` does):
/// copying a context costs as much as MACing 16 bytes.
final class MACTemplates: @unchecked Sendable {
    private let lock = NSLock()
    private var templates: [String: MACContext] = [:]
    private var spares: [String: MACContext] = [:]

    /// A spare context ready for a new message, or nil when there is none to lend.
    func takeSpare(digestName: String) -> MACContext? {
        lock.lock()
        let spare = spares.removeValue(forKey: digestName)
        lock.unlock()
        guard let spare, EVP_MAC_init(spare.pointer, nil, 0, nil) == 1 else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        return spare
    }

    /// Keeps a finalised context as the spare for `digestName`, if there is none yet.
    func giveSpare(_ context: MACContext, digestName: String) {
        lock.lock()
        defer { lock.unlock() }
        if spares[digestName] == nil { spares[digestName] = context }
    }

    func copy(digestName: String, make: () -> MACContext) -> MACContext {
        lock.lock()
        defer { lock.unlock() }
        if let template = templates[digestName] { return MACContext(copying: template) }
        let template = make()
        templates[digestName] = template
        return MACContext(copying: template)
    }
}
