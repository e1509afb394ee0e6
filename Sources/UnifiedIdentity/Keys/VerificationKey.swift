import Foundation
import GMCrypto

/// A public key that verifies tokens, with its `kid`.
///
/// The key decides the algorithm: an SM2 key verifies only SM2-with-SM3, a P-256 key only
/// ES256, and so on, whatever a token's header says.
public struct VerificationKey: Sendable {
    let backend: any SignatureVerificationBackend
    /// The key's identifier; the RFC 7638 thumbprint unless another was given.
    public let keyID: String

    public var keyType: KeyKind { backend.keyType }
    public var algorithm: SignatureAlgorithm { SignatureAlgorithm(keyType: keyType) }

    init(backend: any SignatureVerificationBackend, keyID: String? = nil) {
        self.backend = backend
        self.keyID = keyID ?? Self.thumbprint(of: backend.publicJWKMembers)
    }

    /// Imports a public JWK. Its own `kid` is kept when it has one.
    public init(jwk: JWK) throws(JWKError) {
        let backend = try GMCryptoBackends.verificationBackend(for: jwk)
        self.init(backend: backend, keyID: jwk.keyID)
    }

    /// Imports a SubjectPublicKeyInfo PEM (SM2, P-256, Ed25519 or RSA).
    public init(pemRepresentation: String, keyID: String? = nil) throws(JWKError) {
        self.init(backend: try GMCryptoBackends.verificationBackend(pem: pemRepresentation), keyID: keyID)
    }

    /// The same key under another `kid` (for a key an operator names explicitly).
    public func withKeyID(_ keyID: String) -> VerificationKey {
        VerificationKey(backend: backend, keyID: keyID)
    }

    /// The public JWK, with `kid`, `use` and `alg` set (`alg` from `names`).
    public func jwk(names: AlgorithmNames = .standard) -> JWK {
        var members = backend.publicJWKMembers
        members["kid"] = .string(keyID)
        members["use"] = "sig"
        members["alg"] = .string(names.name(for: algorithm))
        return JWK(publicMembers: members)
    }

    /// The RFC 7638 thumbprint (SHA-256, base64url) of the public key.
    public var thumbprint: String { Self.thumbprint(of: backend.publicJWKMembers) }

    public var pemRepresentation: String { backend.pemRepresentation }

    /// Checks a JOSE-form signature over `signingInput`.
    public func isValidSignature<Signature: DataProtocol, Input: DataProtocol>(
        _ signature: Signature, for signingInput: Input
    ) -> Bool {
        backend.isValidJOSESignature(Array(signature), for: Array(signingInput))
    }

    static func thumbprint(of members: [String: JSONValue]) -> String {
        let canonical = JWK(publicMembers: members).thumbprintMembers
        return Base64URL.encode(GMCryptoBackends.sha256(JSONWriter.bytes(.object(canonical))))
    }
}

extension JWK {
    /// The RFC 7638 thumbprint of this key (SHA-256, base64url).
    public func thumbprint() throws(JWKError) -> String {
        _ = try resolvedKeyType()
        return VerificationKey.thumbprint(of: members)
    }
}
