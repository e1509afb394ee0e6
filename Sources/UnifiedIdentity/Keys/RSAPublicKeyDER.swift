import SwiftASN1

/// Reads `n` and `e` out of an RSA SubjectPublicKeyInfo with swift-asn1, for the JWK of an RSA
/// key imported from PEM (GMCrypto verifies with RSA keys but does not expose their numbers).
///
/// ```
/// SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
/// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }   -- RFC 8017 A.1.1
/// ```
enum RSAPublicKeyDER {
    /// rsaEncryption (RFC 8017 A.1).
    static let rsaEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 1]

    /// The unsigned big-endian modulus and exponent, or nil for anything that is not strictly
    /// that structure in DER (another algorithm, trailing bytes, a negative number).
    static func components(of spki: [UInt8]) -> (modulus: [UInt8], exponent: [UInt8])? {
        try? DER.sequence(DER.parse(spki), identifier: .sequence) { nodes in
            guard let algorithmNode = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "no algorithm") }
            let algorithm = try DER.sequence(algorithmNode, identifier: .sequence) { fields in
                let oid = try ASN1ObjectIdentifier(derEncoded: &fields)
                _ = fields.next()  // the parameters, NULL for RSA
                return oid
            }
            guard algorithm == rsaEncryption else { throw ASN1Error.invalidASN1Object(reason: "not an RSA key") }
            let key = try ASN1BitString(derEncoded: &nodes)
            guard key.paddingBits == 0 else { throw ASN1Error.invalidASN1Object(reason: "padded key bits") }
            return try DER.sequence(DER.parse(key.bytes), identifier: .sequence) { numbers in
                let modulus = try ArraySlice<UInt8>(derEncoded: &numbers)
                let exponent = try ArraySlice<UInt8>(derEncoded: &numbers)
                return (Array(modulus), Array(exponent))
            }
        }
    }
}
