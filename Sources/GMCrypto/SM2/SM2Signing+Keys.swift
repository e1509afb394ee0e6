import Foundation

// The public initialisers below repeat across the SM2, P-256 and Ed25519 key files by
// necessity: each curve's key is its own public type, as in swift-crypto, so each needs its own
// `init(pemRepresentation:)` and the like; every body is one call into the shared loaders
// (`EVPKeyBacked`, `ECKeyBacked`), where the logic exists once.

extension SM2.Signing.PrivateKey: ECKeyBacked {
    static var curve: ECCurve { .sm2 }

    /// A fresh random key.
    public init() {
        self = .generated()
    }

    /// A PKCS#8 `PRIVATE KEY` (or SEC1 `EC PRIVATE KEY`) PEM on the SM2 curve.
    public init(pemRepresentation: String) throws(GMCryptoError) {
        self = try .loadingPrivate(pem: pemRepresentation)
    }

    /// A PKCS#8 `PrivateKeyInfo` (or SEC1 `ECPrivateKey`) DER on the SM2 curve.
    public init<D: DataProtocol>(derRepresentation: D) throws(GMCryptoError) {
        self = try .loadingPrivate(der: derRepresentation)
    }

    /// The 32-byte big-endian private scalar d, 1 ≤ d < n.
    public init<D: DataProtocol>(rawRepresentation: D) throws(GMCryptoError) {
        self = try .loadingPrivate(scalar: rawRepresentation)
    }

    public var publicKey: SM2.Signing.PublicKey { publicHalf() }
    /// PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), as `openssl genpkey -algorithm SM2` writes.
    public var pemRepresentation: String { pkcs8PEM }
    /// PKCS#8 `PrivateKeyInfo` DER.
    public var derRepresentation: Data { pkcs8DER }
    /// The 32-byte big-endian private scalar.
    public var rawRepresentation: Data { Data(privateScalar) }
}

extension SM2.Signing.PublicKey: ECKeyBacked {
    static var curve: ECCurve { .sm2 }

    /// A `PUBLIC KEY` (SubjectPublicKeyInfo) PEM on the SM2 curve.
    public init(pemRepresentation: String) throws(GMCryptoError) {
        self = try .loadingPublic(pem: pemRepresentation)
    }

    /// A `SubjectPublicKeyInfo` DER on the SM2 curve.
    public init<D: DataProtocol>(derRepresentation: D) throws(GMCryptoError) {
        self = try .loadingPublic(der: derRepresentation)
    }

    /// The point as 64-byte x‖y; 65-byte `04‖x‖y` and 33-byte compressed points are accepted too.
    public init<D: DataProtocol>(rawRepresentation: D) throws(GMCryptoError) {
        self = try .loadingPublic(point: rawRepresentation, accepting: [.raw, .uncompressed, .compressed])
    }

    /// The 65-byte uncompressed point `04‖x‖y` (what certificates and SM2 tools carry).
    public init<D: DataProtocol>(x963Representation: D) throws(GMCryptoError) {
        self = try .loadingPublic(point: x963Representation, accepting: [.uncompressed])
    }

    /// The 33-byte compressed point `02/03‖x`.
    public init<D: DataProtocol>(compressedRepresentation: D) throws(GMCryptoError) {
        self = try .loadingPublic(point: compressedRepresentation, accepting: [.compressed])
    }

    public var pemRepresentation: String { spkiPEM }
    public var derRepresentation: Data { spkiDER }
    /// 64-byte x‖y, as CryptoKit's `rawRepresentation`.
    public var rawRepresentation: Data { Data(uncompressedPoint.dropFirst()) }
    /// 65-byte `04‖x‖y`.
    public var x963Representation: Data { Data(uncompressedPoint) }
    /// 33-byte `02/03‖x`.
    public var compressedRepresentation: Data { Data(compressedPoint) }
}
