import GMCrypto
import SwiftASN1

/// The signed envelope of a certificate (RFC 5280 §4.1), read with swift-asn1 so the
/// signature is checked over the exact bytes the issuer signed:
///
/// ```asn1
/// Certificate ::= SEQUENCE {
///     tbsCertificate       TBSCertificate,
///     signatureAlgorithm   AlgorithmIdentifier,
///     signatureValue       BIT STRING }
/// TBSCertificate ::= SEQUENCE {
///     version         [0]  EXPLICIT Version DEFAULT v1,
///     serialNumber         CertificateSerialNumber,
///     signature            AlgorithmIdentifier,
///     ... }
/// ```
struct X509Envelope: Sendable {
    /// The DER of `tbsCertificate`, as signed.
    let tbsBytes: [UInt8]
    let signatureAlgorithm: X509Certificate.SignatureAlgorithm
    let signature: [UInt8]

    /// Reads the envelope and, in the same pass, the fields of `tbsCertificate`.
    static func read(der: [UInt8]) throws(X509Error) -> (envelope: X509Envelope, tbs: X509TBSCertificate) {
        try checkOuterLength(der)
        do {
            let root = try DER.parse(der)
            return try DER.sequence(root, identifier: .sequence) { nodes in
                guard let tbsNode = nodes.next() else { throw X509Error.malformedDER("missing tbsCertificate") }
                let tbs = try X509TBSCertificate(tbsNode)
                let outerAlgorithm = try X509Certificate.SignatureAlgorithm(derEncoded: &nodes)
                let bits = try ASN1BitString(derEncoded: &nodes)
                guard bits.paddingBits == 0 else { throw X509Error.malformedDER("signature has padding bits") }
                // RFC 5280 §4.1.1.2: the two identifiers must name the same algorithm. Their
                // parameters may differ only in an absent versus NULL encoding, seen in real seals.
                guard tbs.signature.oid == outerAlgorithm.oid else {
                    throw X509Error.malformedDER(
                        "signatureAlgorithm \(outerAlgorithm.oid) differs from tbsCertificate.signature \(tbs.signature.oid)"
                    )
                }
                let envelope = X509Envelope(
                    tbsBytes: Array(tbsNode.encodedBytes), signatureAlgorithm: outerAlgorithm,
                    signature: Array(bits.bytes))
                return (envelope, tbs)
            }
        } catch let error as X509Error {
            throw error
        } catch {
            throw .malformedDER(String(describing: error))
        }
    }

    /// Tells a truncated file and trailing bytes apart before handing the bytes to a
    /// parser, which would report both as one generic failure.
    static func checkOuterLength(_ der: [UInt8]) throws(X509Error) {
        guard der.count >= 2 else { throw .truncatedDER(declared: 2, actual: der.count) }
        guard der[0] == 0x30 else { throw .malformedDER("does not start with a SEQUENCE") }
        let first = Int(der[1])
        var headerLength = 2
        var contentLength = first
        if first & 0x80 != 0 {
            let lengthBytes = first & 0x7F
            guard lengthBytes >= 1, lengthBytes <= 4 else {
                throw .malformedDER("unsupported length encoding \(first)")
            }
            headerLength += lengthBytes
            guard der.count >= headerLength else { throw .truncatedDER(declared: headerLength, actual: der.count) }
            contentLength = der[2..<headerLength].reduce(0) { $0 << 8 | Int($1) }
        }
        let declared = headerLength + contentLength
        if declared > der.count { throw .truncatedDER(declared: declared, actual: der.count) }
        if declared < der.count { throw .trailingData(byteCount: der.count - declared) }
    }
}
