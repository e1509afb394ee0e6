import Foundation

// The public initialisers below repeat across the SM2, P-256 and Ed25519 key files by
// necessity: each curve's key is its own public type, as in swift-crypto, so each needs its own
// `init(pemRepresentation:)` and the like; every body is one call into the shared loaders
// (`EVPKeyBacked`, `ECKeyBacked`), where the logic exists once.

extension NISTP256.Signing.PrivateKey: ECKeyBacked {
    static var curve: ECCurve { .p256 }

    /// A fresh random key.
    public init() {
        self = .generated()
    }

    /// A PKCS#8 `PRIVATE KEY` (or SEC1 `EC PRIVATE KEY`) PEM on P-256.
    public init(pemRepresentation: String) throws(GMCryptoError) {
        self = try .loadingPrivate(pem: pemRepresentation)
    }

    public init<D: DataProtocol>(derRepresentation: D) throws(GMCryptoError) {
        self = try .loadingPrivate(der: derRepresentation)
    }

    /// The 32-byte big-endian private scalar (JWK `d`).
    public init<D: DataProtocol>(rawRepresentation: D) throws(GMCryptoError) {
        self = try .loadingPrivate(scalar: rawRepresentation)
    }

    public var publicKey: NISTP256.Signing.PublicKey { publicHalf() }
    public var pemRepresentation: String { pkcs8PEM }
    public var derRepresentation: Data { pkcs8DER }
    /// The 32-byte big-endian private scalar (JWK `d`).
    public var rawRepresentation: Data { Data(privateScalar) }
}

extension NISTP256.Signing.PublicKey: ECKeyBacked {
    static var curve: ECCurve { .p256 }

    public init(pemRepresentation: String) throws(GMCryptoError) {
        self = try .loadingPublic(pem: pemRepresentation)
    }

    public init<D: DataProtocol>(derRepresentation: D) throws(GMCryptoError) {
        self = try .loadingPublic(der: derRepresentation)
    }

    /// 64-byte x‖y (JWK `x` and `y` concatenated); 65-byte and compressed points are accepted too.
    public init<D: DataProtocol>(rawRepresentation: D) throws(GMCryptoError) {
        self = try .loadingPublic(point: rawRepresentation, accepting: [.raw, .uncompressed, .compressed])
    }

    public init<D: DataProtocol>(x963Representation: D) throws(GMCryptoError) {
        self = try .loadingPublic(point: x963Representation, accepting: [.uncompressed])
    }

    public init<D: DataProtocol>(compressedRepresentation: D) throws(GMCryptoError) {
        self = try .loadingPublic(point: compressedRepresentation, accepting: [.compressed])
    }

    public var pemRepresentation: String { spkiPEM }
    public var derRepresentation: Data { spkiDER }
    /// 64-byte x‖y: the first 32 bytes are JWK `x`, the last 32 JWK `y`.
    public var rawRepresentation: Data { Data(uncompressedPoint.dropFirst()) }
    public var x963Representation: Data { Data(uncompressedPoint) }
    public var compressedRepresentation: Data { Data(compressedPoint) }
}
