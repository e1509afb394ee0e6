internal import CZhengwuKitOpenSSL
import GMCrypto
import SwiftASN1

/// Reads a certificate's subject key (RFC 5280 §4.1.2.7, RFC 5480, RFC 8410, GM/T 0015):
///
/// ```asn1
/// SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
/// ```
///
/// The algorithm is recognised here and only the key itself goes to OpenSSL: an EC point
/// on a known curve or the 32 bytes of an Ed25519 key. Handing OpenSSL the whole
/// structure would run its generic key decoders, the slowest part of reading a certificate.
enum X509SubjectPublicKeyInfo {
    private static let ecPublicKey = "1.2.840.10045.2.1"
    /// The SM2 curve (GM/T 0006), also used as the algorithm identifier by some issuers
    /// (accepted, as OpenSSL does, only with the curve named as well).
    private static let sm2 = "1.2.156.10197.1.301"
    private static let p256 = "1.2.840.10045.3.1.7"
    private static let ed25519 = "1.3.101.112"

    /// A structural fault is `.malformedDER`; a key GMCrypto cannot hold is `.unsupportedKeyType`.
    static func publicKey(_ node: ASN1Node) throws(X509Error) -> X509Certificate.PublicKey {
        let algorithm: String
        let parameters: ASN1Node?
        let key: [UInt8]
        do {
            (algorithm, parameters, key) = try DER.sequence(node, identifier: .sequence) { nodes in
                guard let algorithmNode = nodes.next() else {
                    throw X509Error.malformedDER("missing the key algorithm")
                }
                let (algorithm, parameters) = try DER.sequence(algorithmNode, identifier: .sequence) { inner in
                    guard let oidNode = inner.next() else {
                        throw X509Error.malformedDER("empty AlgorithmIdentifier")
                    }
                    let oid = try oidNode.dottedOID()
                    let parameters = inner.next()
                    guard inner.next() == nil else {
                        throw X509Error.malformedDER("AlgorithmIdentifier has extra fields")
                    }
                    return (oid, parameters)
                }
                // Read as OpenSSL reads a BIT STRING: up to 7 unused bits, which count as zero
                // whatever they hold (swift-asn1 rejects set unused bits, as DER asks).
                guard let bitsNode = nodes.next(), bitsNode.identifier == .bitString,
                    case .primitive(let content) = bitsNode.content, let unused = content.first, unused < 8,
                    unused == 0 || content.count > 1
                else { throw X509Error.malformedDER("subjectPublicKeyInfo: the key is not a BIT STRING") }
                var key = Array(content.dropFirst())
                if unused > 0 { key[key.count - 1] &= 0xFF << unused }
                return (algorithm, parameters, key)
            }
        } catch let error as X509Error {
            throw error
        } catch {
            throw .malformedDER("subjectPublicKeyInfo: \(error)")
        }
        // A named curve: the parameters are an OID, which must then be well formed.
        let curve: String?
        do {
            curve = try parameters.flatMap { $0.identifier == .objectIdentifier ? try $0.dottedOID() : nil }
        } catch {
            throw .malformedDER("subjectPublicKeyInfo: the curve identifier: \(error)")
        }
        switch (algorithm, curve, parameters == nil) {
        case (ecPublicKey, sm2?, _), (sm2, sm2?, _):
            return .sm2(
                SM2.Signing.PublicKey(
                    evpKey: try importing { () throws(GMCryptoError) in
                        try EVPKey.ecPublicKey(curve: .sm2, point: key)
                    }))
        case (ecPublicKey, p256?, _):
            return .p256(
                NISTP256.Signing.PublicKey(
                    evpKey: try importing { () throws(GMCryptoError) in
                        try EVPKey.ecPublicKey(curve: .p256, point: key)
                    }))
        case (ed25519, _, true):
            return .ed25519(
                Ed25519.Signing.PublicKey(
                    evpKey: try importing { () throws(GMCryptoError) in
                        try ed25519Key(key)
                    }))
        case (ecPublicKey, let curve?, _):
            throw .unsupportedKeyType("an EC key on curve \(shortName(curve))")
        case (ecPublicKey, nil, _):
            throw .unsupportedKeyType("an EC key without a named curve")
        default:
            throw .unsupportedKeyType(shortName(algorithm))
        }
    }

    /// A key OpenSSL refuses (a point off the curve, a short Ed25519 key) is one GMCrypto cannot hold.
    private static func importing(_ body: () throws(GMCryptoError) -> EVPKey) throws(X509Error) -> EVPKey {
        do {
            return try body()
        } catch {
            throw .unsupportedKeyType(error.message)
        }
    }

    private static func ed25519Key(_ bytes: [UInt8]) throws(GMCryptoError) -> EVPKey {
        guard bytes.count == 32 else {
            throw .invalidLength(what: "an Ed25519 public key", expected: "32", actual: bytes.count)
        }
        guard let key = EVP_PKEY_new_raw_public_key_ex(nil, "ED25519", nil, bytes, bytes.count) else {
            throw .openSSL("import an Ed25519 public key")
        }
        return EVPKey(taking: key)
    }

    /// OpenSSL's short name for an OID (`secp384r1`, `RSA`), or the OID itself.
    private static func shortName(_ oid: String) -> String {
        let nid = OBJ_txt2nid(oid)
        guard nid != NID_undef, let name = OBJ_nid2sn(nid) else { return oid }
        return nid == NID_rsaEncryption ? "RSA" : String(cString: name)
    }
}
