import Foundation
import GMCertificates
import GMCrypto

/// GMCrypto's keys behind the token code's signing seam. Everything cryptographic that
/// UnifiedIdentity does happens here, through GMCrypto's public API only.
enum GMCryptoBackends {
    static func generate(_ keyType: KeyKind) throws(JWKError) -> any SignatureSigningBackend {
        switch keyType {
        case .sm2: return SM2.Signing.PrivateKey()
        case .p256: return NISTP256.Signing.PrivateKey()
        case .ed25519: return Ed25519.Signing.PrivateKey()
        case .rsa: throw .unsupported("RSA keys verify only; tokens are not issued with RS256")
        }
    }

    /// A private key PEM of any supported type (the key says which), read by the one
    /// any-algorithm private key reader, GMCertificates' (the algorithms certificates are
    /// signed with are exactly the ones tokens are issued with).
    static func signingBackend(pem: String) throws(JWKError) -> any SignatureSigningBackend {
        switch try? X509Certificate.PrivateKey(pemRepresentation: pem) {
        case .sm2(let key): return key
        case .p256(let key): return key
        case .ed25519(let key): return key
        case nil: throw .unsupported("not an SM2, P-256 or Ed25519 private key PEM")
        }
    }

    /// A public key PEM of any supported type.
    static func verificationBackend(pem: String) throws(JWKError) -> any SignatureVerificationBackend {
        if let key = try? SM2.Signing.PublicKey(pemRepresentation: pem) { return key }
        if let key = try? NISTP256.Signing.PublicKey(pemRepresentation: pem) { return key }
        if let key = try? Ed25519.Signing.PublicKey(pemRepresentation: pem) { return key }
        if let key = try? RSA.Signing.PublicKey(pemRepresentation: pem) {
            return try RSABackend(key: key, pem: pem)
        }
        throw .unsupported("not an SM2, P-256, Ed25519 or RSA public key PEM")
    }

    static func verificationBackend(for jwk: JWK) throws(JWKError) -> any SignatureVerificationBackend {
        do {
            switch try jwk.resolvedKeyType() {
            case .sm2: return try SM2.Signing.PublicKey(rawRepresentation: try ecPoint(jwk))
            case .p256: return try NISTP256.Signing.PublicKey(rawRepresentation: try ecPoint(jwk))
            case .ed25519:
                let x = try jwk.bytes("x")
                guard x.count == 32 else { throw JWKError.invalidKey("Ed25519 \"x\" must be 32 bytes") }
                return try Ed25519.Signing.PublicKey(rawRepresentation: x)
            case .rsa:
                let modulus = try jwk.bytes("n")
                let exponent = try jwk.bytes("e")
                return RSABackend(
                    key: try RSA.Signing.PublicKey(modulus: modulus, exponent: exponent), modulus: modulus,
                    exponent: exponent)
            }
        } catch let error as JWKError {
            throw error
        } catch {
            throw .invalidKey(String(describing: error))
        }
    }

    /// `x ‖ y` of an EC JWK. RFC 7518 §6.2.1.2 writes each coordinate in exactly 32 bytes, but
    /// providers that encode it as an integer (authlib among them) drop its leading zero bytes,
    /// about one key in 128. A shorter coordinate is the same integer, so it is padded back; the
    /// point is still checked to lie on the curve. A longer one is refused.
    private static func ecPoint(_ jwk: JWK) throws(JWKError) -> [UInt8] {
        let x = try jwk.bytes("x")
        let y = try jwk.bytes("y")
        guard (1...32).contains(x.count), (1...32).contains(y.count) else {
            throw .invalidKey("EC coordinates must be 32 bytes each (RFC 7518 §6.2.1.2)")
        }
        return [UInt8](repeating: 0, count: 32 - x.count) + x + [UInt8](repeating: 0, count: 32 - y.count) + y
    }

    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        SHA2.SHA256.hash(data: bytes).bytes
    }

    static func hmacSM3(key: [UInt8], message: [UInt8]) -> [UInt8] {
        KeyedHash<SM3>.authenticationCode(for: message, using: SecretKey(data: key)).bytes
    }
}

/// The JWK members of an EC public key on `curve`, from its raw `x ‖ y`.
private func ecMembers(curve: String, raw: Data) -> [String: JSONValue] {
    [
        "kty": "EC", "crv": .string(curve), "x": .string(Base64URL.encode(raw.prefix(32))),
        "y": .string(Base64URL.encode(raw.suffix(32))),
    ]
}

extension SM2.Signing.PrivateKey: SignatureSigningBackend {
    var keyType: KeyKind { .sm2 }
    var verificationBackend: any SignatureVerificationBackend { publicKey }

    func joseSignature(for signingInput: [UInt8]) throws -> [UInt8] {
        // SM3withSM2 with the ID 1234567812345678 (GMCrypto's default, always set explicitly).
        [UInt8](try signature(for: signingInput).rawRepresentation)
    }
}

extension SM2.Signing.PublicKey: SignatureVerificationBackend {
    var keyType: KeyKind { .sm2 }
    var publicJWKMembers: [String: JSONValue] { ecMembers(curve: "SM2", raw: rawRepresentation) }

    func isValidJOSESignature(_ signature: [UInt8], for signingInput: [UInt8]) -> Bool {
        guard signature.count == 64, let parsed = try? SM2.Signing.Signature(rawRepresentation: signature) else {
            return false
        }
        return isValidSignature(parsed, for: signingInput)
    }
}

extension NISTP256.Signing.PrivateKey: SignatureSigningBackend {
    var keyType: KeyKind { .p256 }
    var verificationBackend: any SignatureVerificationBackend { publicKey }

    func joseSignature(for signingInput: [UInt8]) throws -> [UInt8] {
        [UInt8](try signature(for: signingInput).rawRepresentation)
    }
}

extension NISTP256.Signing.PublicKey: SignatureVerificationBackend {
    var keyType: KeyKind { .p256 }
    var publicJWKMembers: [String: JSONValue] { ecMembers(curve: "P-256", raw: rawRepresentation) }

    func isValidJOSESignature(_ signature: [UInt8], for signingInput: [UInt8]) -> Bool {
        guard signature.count == 64, let parsed = try? NISTP256.Signing.ECDSASignature(rawRepresentation: signature)
        else { return false }
        return isValidSignature(parsed, for: signingInput)
    }
}

extension Ed25519.Signing.PrivateKey: SignatureSigningBackend {
    var keyType: KeyKind { .ed25519 }
    var verificationBackend: any SignatureVerificationBackend { publicKey }

    func joseSignature(for signingInput: [UInt8]) throws -> [UInt8] {
        [UInt8](try signature(for: signingInput))
    }
}

extension Ed25519.Signing.PublicKey: SignatureVerificationBackend {
    var keyType: KeyKind { .ed25519 }
    var publicJWKMembers: [String: JSONValue] {
        ["kty": "OKP", "crv": "Ed25519", "x": .string(Base64URL.encode(rawRepresentation))]
    }

    func isValidJOSESignature(_ signature: [UInt8], for signingInput: [UInt8]) -> Bool {
        signature.count == 64 && isValidSignature(signature, for: signingInput)
    }
}

/// An RSA key with its modulus and exponent kept for the JWK (GMCrypto does not expose them).
struct RSABackend: SignatureVerificationBackend {
    let key: RSA.Signing.PublicKey
    let modulus: [UInt8]
    let exponent: [UInt8]

    init(key: RSA.Signing.PublicKey, modulus: [UInt8], exponent: [UInt8]) {
        self.key = key
        // RFC 7518 §6.3.1: unsigned big-endian without leading zeros.
        self.modulus = Array(modulus.drop { $0 == 0 })
        self.exponent = Array(exponent.drop { $0 == 0 })
    }

    init(key: RSA.Signing.PublicKey, pem: String) throws(JWKError) {
        guard let (modulus, exponent) = RSAPublicKeyDER.components(of: [UInt8](key.derRepresentation)) else {
            throw .invalidKey("cannot read the RSA modulus and exponent")
        }
        self.init(key: key, modulus: modulus, exponent: exponent)
    }

    var keyType: KeyKind { .rsa }
    var pemRepresentation: String { key.pemRepresentation }
    var publicJWKMembers: [String: JSONValue] {
        ["kty": "RSA", "n": .string(Base64URL.encode(modulus)), "e": .string(Base64URL.encode(exponent))]
    }

    func isValidJOSESignature(_ signature: [UInt8], for signingInput: [UInt8]) -> Bool {
        key.isValidSignature(signature, for: signingInput)
    }
}
