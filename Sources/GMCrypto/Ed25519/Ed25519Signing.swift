internal import CZhengwuKitOpenSSL
import Foundation

// The public initialisers below repeat across the SM2, P-256 and Ed25519 key files by
// necessity: each curve's key is its own public type, as in swift-crypto, so each needs its own
// `init(pemRepresentation:)` and the like; every body is one call into the shared loaders
// (`EVPKeyBacked`, `ECKeyBacked`), where the logic exists once.

extension Ed25519.Signing.PrivateKey: EVPKeyBacked {
    static var kind: KeyKind { .ed25519 }

    /// A fresh random key.
    public init() {
        self = .generated()
    }

    public init(pemRepresentation: String) throws(GMCryptoError) {
        self = try .loadingPrivate(pem: pemRepresentation)
    }

    public init<D: DataProtocol>(derRepresentation: D) throws(GMCryptoError) {
        self = try .loadingPrivate(der: derRepresentation)
    }

    /// The 32-byte seed (RFC 8032 private key, JWK `d`).
    public init<D: DataProtocol>(rawRepresentation: D) throws(GMCryptoError) {
        let bytes = try Ed25519Raw.checked(rawRepresentation, what: "a raw Ed25519 private key")
        guard let key = EVP_PKEY_new_raw_private_key_ex(nil, "ED25519", nil, bytes, bytes.count) else {
            throw .openSSL("build an Ed25519 private key")
        }
        self.init(evpKey: EVPKey(taking: key))
    }

    public var publicKey: Ed25519.Signing.PublicKey {
        Self.exported { () throws(GMCryptoError) in
            try Ed25519.Signing.PublicKey(rawRepresentation: Ed25519Raw.export(evpKey, isPrivate: false))
        }
    }

    public var pemRepresentation: String { pkcs8PEM }
    public var derRepresentation: Data { pkcs8DER }
    /// The 32-byte seed.
    public var rawRepresentation: Data {
        Self.exported { () throws(GMCryptoError) in Data(try Ed25519Raw.export(evpKey, isPrivate: true)) }
    }

    /// The 64-byte Ed25519 signature of `data` (RFC 8032; JWS EdDSA).
    public func signature<D: DataProtocol>(for data: D) throws(GMCryptoError) -> Data {
        try data.withContiguousBuffer { message in
            Result { () throws(GMCryptoError) in
                Data(try EVPSigning.sign(key: evpKey, digest: nil, sm2ID: nil, message: message))
            }
        }.get()
    }
}

extension Ed25519.Signing.PublicKey: EVPKeyBacked {
    static var kind: KeyKind { .ed25519 }

    public init(pemRepresentation: String) throws(GMCryptoError) {
        self = try .loadingPublic(pem: pemRepresentation)
    }

    public init<D: DataProtocol>(derRepresentation: D) throws(GMCryptoError) {
        self = try .loadingPublic(der: derRepresentation)
    }

    /// The 32-byte public key (JWK `x`).
    public init<D: DataProtocol>(rawRepresentation: D) throws(GMCryptoError) {
        let bytes = try Ed25519Raw.checked(rawRepresentation, what: "a raw Ed25519 public key")
        guard let key = EVP_PKEY_new_raw_public_key_ex(nil, "ED25519", nil, bytes, bytes.count) else {
            throw .invalidKey("OpenSSL rejected the Ed25519 public key: \(OpenSSLErrorQueue.drain() ?? "no reason")")
        }
        self.init(evpKey: EVPKey(taking: key))
    }

    public var pemRepresentation: String { spkiPEM }
    public var derRepresentation: Data { spkiDER }
    /// The 32-byte public key.
    public var rawRepresentation: Data {
        Self.exported { () throws(GMCryptoError) in Data(try Ed25519Raw.export(evpKey, isPrivate: false)) }
    }

    /// Whether `signature` (64 bytes) is a valid Ed25519 signature of `data`.
    public func isValidSignature<S: DataProtocol, D: DataProtocol>(_ signature: S, for data: D) -> Bool {
        let signatureBytes = [UInt8](signature)
        guard signatureBytes.count == 64 else { return false }
        return data.withContiguousBuffer { message in
            EVPSigning.verify(key: evpKey, digest: nil, sm2ID: nil, signature: signatureBytes, message: message)
        }
    }
}

/// Raw 32-byte Ed25519 keys in and out.
enum Ed25519Raw {
    static func checked<D: DataProtocol>(_ data: D, what: String) throws(GMCryptoError) -> [UInt8] {
        let bytes = [UInt8](data)
        guard bytes.count == 32 else { throw .invalidLength(what: what, expected: "32", actual: bytes.count) }
        return bytes
    }

    static func export(_ key: EVPKey, isPrivate: Bool) throws(GMCryptoError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 32)
        var length = bytes.count
        let status =
            isPrivate
            ? EVP_PKEY_get_raw_private_key(key.pointer, &bytes, &length)
            : EVP_PKEY_get_raw_public_key(key.pointer, &bytes, &length)
        guard status == 1, length == 32 else { throw .openSSL("export a raw Ed25519 key") }
        return bytes
    }
}
