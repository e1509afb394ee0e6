import SwiftASN1

/// An electronic signature 电子签章 of GB/T 38540-2020: a seal applied to data.
///
/// ```asn1
/// SES_Signature ::= SEQUENCE {
///     toSign         TBS_Sign,
///     cert           OCTET STRING,          -- the signer's DER certificate 签章人证书
///     signatureAlgID OBJECT IDENTIFIER,     -- 1.2.156.10197.1.501 SM3withSM2
///     signature      BIT STRING,            -- the signer's signature over DER(toSign)
///     timeStamp      [0] EXPLICIT BIT STRING OPTIONAL   -- over the signature value
/// }
/// ```
public struct SESSignature: DERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public let toSign: TBSSign
    /// The encoding of `toSign` the signer signed.
    public let toSignBytes: [UInt8]
    public var cert: [UInt8]
    public var signatureAlgID: ASN1ObjectIdentifier
    public var signature: [UInt8]
    public var timeStamp: [UInt8]?

    /// A signature over `toSign`, encoded now in DER.
    public init(
        toSign: TBSSign, cert: [UInt8], signatureAlgID: ASN1ObjectIdentifier, signature: [UInt8],
        timeStamp: [UInt8]? = nil
    ) throws {
        var coder = DER.Serializer()
        try coder.serialize(toSign)
        self.init(
            toSign: toSign, toSignBytes: coder.serializedBytes, cert: cert, signatureAlgID: signatureAlgID,
            signature: signature, timeStamp: timeStamp)
    }

    private init(
        toSign: TBSSign, toSignBytes: [UInt8], cert: [UInt8], signatureAlgID: ASN1ObjectIdentifier,
        signature: [UInt8], timeStamp: [UInt8]?
    ) {
        self.toSign = toSign
        self.toSignBytes = toSignBytes
        self.cert = cert
        self.signatureAlgID = signatureAlgID
        self.signature = signature
        self.timeStamp = timeStamp
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            guard let tbsNode = nodes.next() else {
                throw ASN1Error.invalidASN1Object(reason: "SES_Signature lacks toSign")
            }
            let toSign = try TBSSign(derEncoded: tbsNode)
            let cert = try ASN1OctetString(derEncoded: &nodes)
            let algorithm = try ASN1ObjectIdentifier(derEncoded: &nodes)
            let signature = try ASN1BitString(derEncoded: &nodes)
            let timeStamp = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                try ASN1BitString(derEncoded: $0)
            }
            return SESSignature(
                toSign: toSign, toSignBytes: Array(tbsNode.encodedBytes), cert: Array(cert.bytes),
                signatureAlgID: algorithm, signature: try signature.octets("signature"),
                timeStamp: try timeStamp.map { try $0.octets("timeStamp") })
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            coder.serializeRawBytes(toSignBytes)
            try coder.serialize(ASN1OctetString(contentBytes: cert[...]))
            try coder.serialize(signatureAlgID)
            try coder.serialize(ASN1BitString(bytes: signature[...]))
            if let timeStamp {
                try coder.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { coder in
                    try coder.serialize(ASN1BitString(bytes: timeStamp[...]))
                }
            }
        }
    }
}
