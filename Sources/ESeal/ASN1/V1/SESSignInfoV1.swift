import SwiftASN1

/// The seal maker's signature in a GM/T 0031-2014 (version 1) seal.
///
/// ```asn1
/// SES_SignInfo ::= SEQUENCE {
///     cert               OCTET STRING,        -- the seal maker's DER certificate
///     signatureAlgorithm OBJECT IDENTIFIER,
///     signData           BIT STRING           -- over DER(SEQUENCE { esealInfo, cert, signatureAlgorithm })
/// }
/// ```
public struct SESSignInfoV1: DERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public var cert: [UInt8]
    public var signatureAlgorithm: ASN1ObjectIdentifier
    public var signData: [UInt8]

    public init(cert: [UInt8], signatureAlgorithm: ASN1ObjectIdentifier, signData: [UInt8]) {
        self.cert = cert
        self.signatureAlgorithm = signatureAlgorithm
        self.signData = signData
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let cert = try ASN1OctetString(derEncoded: &nodes)
            let algorithm = try ASN1ObjectIdentifier(derEncoded: &nodes)
            let signData = try ASN1BitString(derEncoded: &nodes)
            return SESSignInfoV1(
                cert: Array(cert.bytes), signatureAlgorithm: algorithm, signData: try signData.octets("signData"))
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(ASN1OctetString(contentBytes: cert[...]))
            try coder.serialize(signatureAlgorithm)
            try coder.serialize(ASN1BitString(bytes: signData[...]))
        }
    }
}
