import Foundation
internal import ZhengwuKitSupport

/// What every key type built on an `EVPKey` shares: PEM/DER in and out.
/// The public types forward to these so each stays a page of API.
protocol EVPKeyBacked: Sendable {
    static var kind: KeyKind { get }
    var evpKey: EVPKey { get }
    init(evpKey: EVPKey)
}

extension EVPKeyBacked {
    static func loadingPrivate(pem: String) throws(GMCryptoError) -> Self {
        Self(evpKey: try EVPKey.privateKey(pemRepresentation: pem, kind: kind))
    }

    static func loadingPrivate<D: DataProtocol>(der: D) throws(GMCryptoError) -> Self {
        Self(evpKey: try EVPKey.privateKey(derRepresentation: der, kind: kind))
    }

    static func loadingPublic(pem: String) throws(GMCryptoError) -> Self {
        Self(evpKey: try EVPKey.publicKey(pemRepresentation: pem, kind: kind))
    }

    static func loadingPublic<D: DataProtocol>(der: D) throws(GMCryptoError) -> Self {
        Self(evpKey: try EVPKey.publicKey(derRepresentation: der, kind: kind))
    }

    static func generated() -> Self {
        do {
            return Self(evpKey: try EVPKey.generate(kind))
        } catch {
            // Generation takes no input; it fails only if OpenSSL is broken or out of memory.
            preconditionFailure("\(error)")
        }
    }

    var pkcs8DER: Data { Self.exported { () throws(GMCryptoError) in try evpKey.pkcs8DERRepresentation() } }
    var pkcs8PEM: String { PEMBlock(label: "PRIVATE KEY", derBytes: pkcs8DER).pemString }
    var spkiDER: Data { Self.exported { () throws(GMCryptoError) in try evpKey.spkiDERRepresentation() } }
    var spkiPEM: String { PEMBlock(label: "PUBLIC KEY", derBytes: spkiDER).pemString }

    /// Encoding a key OpenSSL already holds fails only when OpenSSL is out of memory;
    /// the export properties stay non-throwing, like CryptoKit's.
    static func exported<T>(_ body: () throws(GMCryptoError) -> T) -> T {
        do {
            return try body()
        } catch {
            preconditionFailure("\(error)")
        }
    }
}

/// EC keys on SM2 and P-256 share the raw scalar and point encodings.
protocol ECKeyBacked: EVPKeyBacked {
    static var curve: ECCurve { get }
}

extension ECKeyBacked {
    static var kind: KeyKind { curve.kind }

    /// The 32-byte big-endian private scalar.
    static func loadingPrivate<D: DataProtocol>(scalar: D) throws(GMCryptoError) -> Self {
        let bytes = [UInt8](scalar)
        guard bytes.count == curve.coordinateByteCount else {
            throw .invalidLength(
                what: "a raw \(curve.kind.displayName) private key", expected: "\(curve.coordinateByteCount)",
                actual: bytes.count)
        }
        return Self(evpKey: try EVPKey.ec(curve: curve, privateScalar: bytes, publicPoint: nil))
    }

    /// A public point: 64-byte x‖y, 65-byte `04‖x‖y` or 33-byte compressed `02/03‖x`.
    static func loadingPublic<D: DataProtocol>(point: D, accepting formats: [PointFormat]) throws(GMCryptoError) -> Self
    {
        var bytes = [UInt8](point)
        let width = curve.coordinateByteCount
        guard let format = PointFormat.of(byteCount: bytes.count, width: width), formats.contains(format) else {
            let expected = formats.map { "\($0.byteCount(width: width))" }.joined(separator: " or ")
            throw .invalidLength(
                what: "a \(curve.kind.displayName) public point", expected: expected, actual: bytes.count)
        }
        switch format {
        case .raw: bytes.insert(0x04, at: 0)
        case .uncompressed:
            guard bytes.first == 0x04 else {
                throw .invalidKey("an uncompressed point starts with 04, not \(Hex.encode(bytes.prefix(1)))")
            }
        case .compressed:
            guard bytes.first == 0x02 || bytes.first == 0x03 else {
                throw .invalidKey("a compressed point starts with 02 or 03, not \(Hex.encode(bytes.prefix(1)))")
            }
        }
        return Self(evpKey: try EVPKey.ec(curve: curve, privateScalar: nil, publicPoint: bytes))
    }

    /// `04‖x‖y`.
    var uncompressedPoint: [UInt8] {
        Self.exported { () throws(GMCryptoError) in
            try evpKey.ecRawComponents(coordinateByteCount: Self.curve.coordinateByteCount).publicPoint
        }
    }

    /// `02/03‖x`: the parity of y picks the prefix (SEC 1 §2.3.3).
    var compressedPoint: [UInt8] {
        let point = uncompressedPoint
        let width = Self.curve.coordinateByteCount
        let prefix: UInt8 = (point[2 * width] & 1) == 0 ? 0x02 : 0x03
        return [prefix] + point[1...width]
    }

    var privateScalar: [UInt8] {
        Self.exported { () throws(GMCryptoError) in
            guard
                let scalar = try evpKey.ecRawComponents(coordinateByteCount: Self.curve.coordinateByteCount)
                    .privateScalar
            else {
                throw .invalidKey("the key holds no private scalar")
            }
            return scalar
        }
    }

    /// The public half of a private key, as a separate public-only key.
    func publicHalf<Public: ECKeyBacked>() -> Public {
        Self.exported { () throws(GMCryptoError) in
            Public(evpKey: try EVPKey.ec(curve: Self.curve, privateScalar: nil, publicPoint: uncompressedPoint))
        }
    }
}

/// The encodings of an EC public point.
enum PointFormat: Sendable {
    /// x‖y (CryptoKit's `rawRepresentation`).
    case raw
    /// 04‖x‖y (SEC 1 / ANSI X9.63, what SM2 tools and certificates carry).
    case uncompressed
    /// 02/03‖x.
    case compressed

    func byteCount(width: Int) -> Int {
        switch self {
        case .raw: return 2 * width
        case .uncompressed: return 2 * width + 1
        case .compressed: return width + 1
        }
    }

    static func of(byteCount: Int, width: Int) -> PointFormat? {
        [.raw, .uncompressed, .compressed].first { $0.byteCount(width: width) == byteCount }
    }
}
