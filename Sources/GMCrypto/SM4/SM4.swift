internal import CZhengwuKitOpenSSL
import Foundation

/// The SM4 block cipher (GB/T 32907-2016): 128-bit blocks, 128-bit keys.
///
/// ```swift
/// let key = SecretKey(size: .bits128)
/// let iv = SM4.CBC.randomIV()
/// let sealed = try SM4.CBC.encrypt(Data("公文".utf8), using: key, iv: iv)
/// let opened = try SM4.CBC.decrypt(sealed, using: key, iv: iv)
/// ```
///
/// ECB, CBC (with PKCS #7 padding by default) and CTR are provided. OpenSSL 3.0 has no
/// SM4-GCM or SM4-CCM; `SM4.GCM` exists only to say so with `GMCryptoError.unsupported`.
/// None of these modes authenticates: pair CBC or CTR with HMAC-SM3 (encrypt-then-MAC).
public enum SM4 {
    /// Bytes in a block, in the key and in an IV.
    public static let blockByteCount = 16

    /// Block padding for ECB and CBC.
    public enum Padding: Sendable {
        /// PKCS #7: 1–16 bytes each holding the pad length (the default).
        case pkcs7
        /// None: the input must be a whole number of blocks.
        case none
    }

    /// Electronic codebook: each block alone. Only for single blocks, key wrapping and test vectors.
    public enum ECB {
        public static func encrypt<D: DataProtocol>(
            _ plaintext: D, using key: SecretKey, padding: Padding = .pkcs7
        ) throws(GMCryptoError) -> Data {
            try SM4Cipher.run(.ecb, encrypt: true, key: key, iv: nil, padding: padding, input: plaintext)
        }

        public static func decrypt<D: DataProtocol>(
            _ ciphertext: D, using key: SecretKey, padding: Padding = .pkcs7
        ) throws(GMCryptoError) -> Data {
            try SM4Cipher.run(.ecb, encrypt: false, key: key, iv: nil, padding: padding, input: ciphertext)
        }
    }

    /// Cipher block chaining with a 16-byte IV that must be unpredictable for each message.
    public enum CBC {
        public static func encrypt<D: DataProtocol, IV: DataProtocol>(
            _ plaintext: D, using key: SecretKey, iv: IV, padding: Padding = .pkcs7
        ) throws(GMCryptoError) -> Data {
            try SM4Cipher.run(.cbc, encrypt: true, key: key, iv: [UInt8](iv), padding: padding, input: plaintext)
        }

        public static func decrypt<D: DataProtocol, IV: DataProtocol>(
            _ ciphertext: D, using key: SecretKey, iv: IV, padding: Padding = .pkcs7
        ) throws(GMCryptoError) -> Data {
            try SM4Cipher.run(.cbc, encrypt: false, key: key, iv: [UInt8](iv), padding: padding, input: ciphertext)
        }

        /// 16 random bytes from OpenSSL's CSPRNG.
        public static func randomIV() -> Data { SM4Cipher.randomBlock() }
    }

    /// Counter mode: a stream cipher from a 16-byte initial counter block that must never
    /// repeat under one key. Encryption and decryption are the same operation.
    public enum CTR {
        public static func encrypt<D: DataProtocol, IV: DataProtocol>(
            _ plaintext: D, using key: SecretKey, counter: IV
        ) throws(GMCryptoError) -> Data {
            try SM4Cipher.run(.ctr, encrypt: true, key: key, iv: [UInt8](counter), padding: .none, input: plaintext)
        }

        public static func decrypt<D: DataProtocol, IV: DataProtocol>(
            _ ciphertext: D, using key: SecretKey, counter: IV
        ) throws(GMCryptoError) -> Data {
            try SM4Cipher.run(.ctr, encrypt: false, key: key, iv: [UInt8](counter), padding: .none, input: ciphertext)
        }

        /// 16 random bytes to start a counter from.
        public static func randomCounter() -> Data { SM4Cipher.randomBlock() }
    }

    /// SM4-GCM is not in OpenSSL 3.0 (it arrived in 3.2); both calls throw `.unsupported`
    /// rather than fall back to something weaker. Use CBC or CTR with HMAC-SM3.
    public enum GCM {
        public static func seal<D: DataProtocol>(_ plaintext: D, using key: SecretKey) throws(GMCryptoError) -> Data {
            throw SM4Cipher.gcmUnsupported
        }

        public static func open<D: DataProtocol>(_ sealedBox: D, using key: SecretKey) throws(GMCryptoError) -> Data {
            throw SM4Cipher.gcmUnsupported
        }
    }
}

/// The one place SM4 reaches OpenSSL's EVP cipher API.
enum SM4Cipher {
    enum Mode {
        case ecb, cbc, ctr

        var name: String {
            switch self {
            case .ecb: return "SM4-ECB"
            case .cbc: return "SM4-CBC"
            case .ctr: return "SM4-CTR"
            }
        }

        var algorithm: OpaquePointer? {
            switch self {
            case .ecb: return FetchedAlgorithms.sm4ECB
            case .cbc: return FetchedAlgorithms.sm4CBC
            case .ctr: return FetchedAlgorithms.sm4CTR
            }
        }
    }

    static let gcmUnsupported = GMCryptoError.unsupported(
        "SM4-GCM: OpenSSL 3.0 provides SM4 in ECB, CBC, CFB, OFB and CTR modes only (GCM arrived in OpenSSL 3.2)")

    static func randomBlock() -> Data {
        SecretKey(size: .bits128).withUnsafeBytes { Data($0) }
    }

    static func run<D: DataProtocol>(
        _ mode: Mode, encrypt: Bool, key: SecretKey, iv: [UInt8]?, padding: SM4.Padding, input: D
    ) throws(GMCryptoError) -> Data {
        guard key.byteCount == SM4.blockByteCount else {
            throw .invalidLength(what: "an SM4 key", expected: "16", actual: key.byteCount)
        }
        if let iv, iv.count != SM4.blockByteCount {
            throw .invalidLength(what: "an \(mode.name) IV", expected: "16", actual: iv.count)
        }
        // withContiguousStorageIfAvailable is a witness-table call; a generic helper here
        // cost more than encrypting a 16-byte message (runtime generic metadata look-ups).
        var result: Result<Data, GMCryptoError>?
        _ = input.withContiguousStorageIfAvailable { buffer in
            result = Result { () throws(GMCryptoError) in
                try run(mode, encrypt: encrypt, key: key, iv: iv, padding: padding, UnsafeRawBufferPointer(buffer))
            }
        }
        if let result { return try result.get() }
        return try [UInt8](input).withUnsafeBytes { bytes in
            Result { () throws(GMCryptoError) in
                try run(mode, encrypt: encrypt, key: key, iv: iv, padding: padding, bytes)
            }
        }.get()
    }

    private static func run(
        _ mode: Mode, encrypt: Bool, key: SecretKey, iv: [UInt8]?, padding: SM4.Padding,
        _ bytes: UnsafeRawBufferPointer
    ) throws(GMCryptoError) -> Data {
        // EVP_CipherUpdate counts in C ints.
        guard bytes.count < Int(Int32.max) - SM4.blockByteCount else {
            throw .invalidLength(what: "\(mode.name) input", expected: "less than 2 GiB", actual: bytes.count)
        }
        if mode != .ctr, padding == .none || !encrypt, bytes.count % SM4.blockByteCount != 0 {
            throw .invalidLength(
                what: "\(mode.name) \(encrypt ? "plaintext without padding" : "ciphertext")",
                expected: "a multiple of 16", actual: bytes.count)
        }
        let setting = CipherContext.Setting(
            algorithm: try FetchedAlgorithms.require(mode.algorithm, mode.name), encrypt: encrypt,
            pads: padding == .pkcs7)
        // No OpenSSLErrorQueue.clear() here: on a 16-byte message it cost as much as the
        // encryption, and every GMCrypto failure path already drains what it queued.
        let context: CipherContext
        if let kept = key.cipherContexts.take(setting), mode == .ecb && padding == .none || kept.restart(iv: iv) {
            // ECB without padding has no IV and, after whole blocks, nothing buffered: a
            // kept context is ready as it is.
            context = kept
        } else if let fresh = key.withUnsafeBytes({ CipherContext(key: $0, setting: setting) }), fresh.restart(iv: iv) {
            context = fresh
        } else {
            throw .openSSL("start \(mode.name)")
        }
        // Written into a malloc'd buffer that Data then owns: no zero-filling, no resizing.
        let capacity = bytes.count + SM4.blockByteCount
        guard let output = malloc(capacity)?.assumingMemoryBound(to: UInt8.self) else {
            throw .openSSL("allocate \(capacity) bytes")
        }
        var written: Int32 = 0
        var finalWritten: Int32 = 0
        let updated = withNonNullBase(bytes) { input, count in
            EVP_CipherUpdate(context.pointer, output, &written, input, Int32(count)) == 1
        }
        // Without padding, whole blocks have already been processed and the final step
        // has nothing to add (CTR never pads; ECB and CBC lengths were checked above).
        let finished =
            updated
            && (padding == .none || EVP_CipherFinal_ex(context.pointer, output + Int(written), &finalWritten) == 1)
        guard finished else {
            free(output)
            guard updated else { throw .openSSL("run \(mode.name)") }
            if !encrypt && padding == .pkcs7 {
                OpenSSLErrorQueue.clear()
                throw .decryptionFailed("the \(mode.name) padding is wrong: wrong key, wrong IV or tampered data")
            }
            throw .openSSL("finish \(mode.name)")
        }
        key.cipherContexts.give(context)
        return Data(bytesNoCopy: output, count: Int(written + finalWritten), deallocator: .free)
    }
}
