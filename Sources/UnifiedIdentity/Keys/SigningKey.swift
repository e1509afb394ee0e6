import Foundation
import GMCrypto

/// A private key that issues tokens: SM2, P-256 or Ed25519 (RSA is verification-only).
public struct SigningKey: Sendable {
    let backend: any SignatureSigningBackend
    /// The matching verification key; its `kid` is this key's `kid`.
    public let publicKey: VerificationKey

    public var keyID: String { publicKey.keyID }
    public var keyType: KeyKind { backend.keyType }
    public var algorithm: SignatureAlgorithm { SignatureAlgorithm(keyType: keyType) }

    init(backend: any SignatureSigningBackend, keyID: String? = nil) {
        self.backend = backend
        self.publicKey = VerificationKey(backend: backend.verificationBackend, keyID: keyID)
    }

    /// A fresh key of `keyType` (`.rsa` is refused: RS256 is for verification only).
    public static func generate(_ keyType: KeyKind, keyID: String? = nil) throws(JWKError) -> SigningKey {
        SigningKey(backend: try GMCryptoBackends.generate(keyType), keyID: keyID)
    }

    /// Reads a PKCS #8 (or SEC1) PEM private key; the type comes from the key itself.
    public init(pemRepresentation: String, keyID: String? = nil) throws(JWKError) {
        self.init(backend: try GMCryptoBackends.signingBackend(pem: pemRepresentation), keyID: keyID)
    }

    /// PKCS #8 PEM of the private key.
    public var pemRepresentation: String { backend.pemRepresentation }

    /// Signs `signingInput` and returns the JOSE-form signature.
    public func signature<Input: DataProtocol>(for signingInput: Input) throws -> [UInt8] {
        try backend.joseSignature(for: Array(signingInput))
    }
}
