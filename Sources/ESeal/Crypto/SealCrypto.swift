import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore
internal import ZhengwuKitSupport

/// Every cryptographic operation ESeal needs, in one place, over GMCrypto.
enum SealCrypto {
    /// The SM2 distinguishing ID every seal implementation uses (GM/T 0009): `1234567812345678`.
    static let userID = SM2.UserID.default

    /// The parsed certificate, from `cache` when it was seen before.
    static func certificate(_ der: [UInt8], role: String, cache: SealCertificateCache) throws(ESealError)
        -> X509Certificate
    {
        try cache.certificate(der) { (der) throws(ESealError) -> X509Certificate in
            do {
                return try X509Certificate(derRepresentation: der)
            } catch {
                throw ESealError.invalidCertificate("\(role) certificate: \(error)")
            }
        }
    }

    static func sm2Key(of certificate: X509Certificate, role: String) throws(ESealError) -> SM2.Signing.PublicKey {
        guard case .sm2(let key) = certificate.publicKey else {
            throw ESealError.invalidCertificate(
                "\(role) certificate holds a \(certificate.publicKey.algorithmName) key, not SM2")
        }
        return key
    }

    /// Decodes a stored signature value, DER or raw r‖s.
    static func signature(_ value: [UInt8]) throws(ESealError) -> SM2.Signing.Signature {
        do {
            if SignatureValue.isRaw(value) {
                return try SM2.Signing.Signature(rawRepresentation: value)
            }
            return try SM2.Signing.Signature(derRepresentation: value)
        } catch {
            throw ESealError.malformed("signature value: \(ASN1FailureText.describe(error))")
        }
    }

    static func isValid(_ signature: SM2.Signing.Signature, over message: [UInt8], key: SM2.Signing.PublicKey) -> Bool {
        key.isValidSignature(signature, for: message, userID: userID)
    }

    static func sign(_ message: [UInt8], with key: SM2.Signing.PrivateKey) throws(ESealError) -> [UInt8] {
        do {
            return Array(try key.signature(for: message, userID: userID).derRepresentation)
        } catch {
            throw ESealError.crypto("SM2 signing: \(error)")
        }
    }

    static func matches(_ key: SM2.Signing.PrivateKey, _ certificate: X509Certificate) -> Bool {
        guard case .sm2(let certificateKey) = certificate.publicKey else { return false }
        return key.publicKey.derRepresentation == certificateKey.derRepresentation
    }

    static func sm3<Bytes: DataProtocol>(_ bytes: Bytes) -> [UInt8] {
        Array(SM3.hash(data: bytes))
    }
}

extension SealCrypto {
    /// The chain of `certificate` to one of `anchors` at `time` (GMCertificates' `X509Verifier`
    /// with its RFC 5280 policies and the caller's), or why there is none.
    static func chain(
        _ certificate: X509Certificate, intermediates: [X509Certificate], anchors: [X509Certificate],
        policies: [any VerificationPolicy<X509ChainContext>], at time: Date
    ) -> X509VerificationResult {
        X509Verifier(trustRoots: anchors, policies: PolicySet(X509Verifier.standardPolicies + policies))
            .verify(certificate, intermediates: intermediates, at: time)
    }
}
