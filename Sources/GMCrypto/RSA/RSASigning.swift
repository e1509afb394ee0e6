internal import CZhengwuKitOpenSSL
import Foundation

extension RSA.Signing {
    /// An RSA public key for verifying RS256 signatures (RSASSA-PKCS1-v1_5 with SHA-256),
    /// as identity providers publish them in JWKS. GMCrypto does not sign with RSA.
    public struct PublicKey: Sendable {
        package let evpKey: EVPKey
        package init(evpKey: EVPKey) { self.evpKey = evpKey }

        /// Moduli below this many bits are refused (NIST SP 800-131A, RFC 7518 §3.3).
        public static let minimumModulusBitCount = 2048
    }
}

extension RSA.Signing.PublicKey: EVPKeyBacked {
    static var kind: KeyKind { .rsa }

    /// A `PUBLIC KEY` (SubjectPublicKeyInfo) PEM.
    public init(pemRepresentation: String) throws(GMCryptoError) {
        self = try Self.loadingPublic(pem: pemRepresentation).checkedSize()
    }

    /// A `SubjectPublicKeyInfo` DER.
    public init<D: DataProtocol>(derRepresentation: D) throws(GMCryptoError) {
        self = try Self.loadingPublic(der: derRepresentation).checkedSize()
    }

    /// The big-endian modulus and public exponent (JWK `n` and `e`, base64url-decoded).
    public init<M: DataProtocol, E: DataProtocol>(modulus: M, exponent: E) throws(GMCryptoError) {
        let n = [UInt8](modulus).drop { $0 == 0 }
        let e = [UInt8](exponent).drop { $0 == 0 }
        guard !n.isEmpty, !e.isEmpty, e.last.map({ $0 & 1 == 1 }) == true, e.count <= 8 else {
            throw .invalidKey("the RSA modulus and an odd public exponent of at most 64 bits are required")
        }
        let modulusBytes = [UInt8](n)
        let exponentBytes = [UInt8](e)
        guard let key = CZWK_rsa_public_pkey(modulusBytes, modulusBytes.count, exponentBytes, exponentBytes.count)
        else {
            throw .openSSL("build an RSA public key")
        }
        self = try Self(evpKey: EVPKey(taking: key)).checkedSize()
    }

    public var pemRepresentation: String { spkiPEM }
    public var derRepresentation: Data { spkiDER }

    /// The modulus length in bits.
    public var modulusBitCount: Int { Int(EVP_PKEY_get_bits(evpKey.pointer)) }

    /// Whether `signature` is a valid RS256 (PKCS #1 v1.5, SHA-256) signature of `data`.
    public func isValidSignature<S: DataProtocol, D: DataProtocol>(_ signature: S, for data: D) -> Bool {
        let signatureBytes = [UInt8](signature)
        // PKCS #1 v1.5 signatures are exactly the modulus length (RFC 8017 §8.2.2 step 1).
        guard signatureBytes.count == (modulusBitCount + 7) / 8 else { return false }
        return data.withContiguousBuffer { message in
            EVPSigning.verify(
                key: evpKey, digest: FetchedAlgorithms.sha256, sm2ID: nil, signature: signatureBytes, message: message)
        }
    }

    private func checkedSize() throws(GMCryptoError) -> Self {
        guard modulusBitCount >= Self.minimumModulusBitCount else {
            throw .invalidKey(
                "an RSA modulus of \(modulusBitCount) bits is below the \(Self.minimumModulusBitCount) bits required")
        }
        return self
    }
}
