import SwiftASN1

/// A GM/T 0031-2014 (version 1) electronic signature.
///
/// ```asn1
/// SES_Signature ::= SEQUENCE {
///     toSign    TBS_Sign,
///     signature BIT STRING      -- the signer's signature over DER(toSign)
/// }
/// ```
public struct SESSignatureV1: DERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public let toSign: TBSSignV1
    public let toSignBytes: [UInt8]
    public var signature: [UInt8]

    /// A v1 signature over `toSign`, encoded now in DER.
    public init(toSign: TBSSignV1, signature: [UInt8]) throws {
        self.toSign = toSign
        self.toSignBytes = try toSign.derBytes()
        self.signature = signature
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        (toSign, toSignBytes, signature) = try DER.sequence(rootNode, identifier: identifier) { nodes in
            guard let tbsNode = nodes.next() else {
                throw ASN1Error.invalidASN1Object(reason: "SES_Signature lacks toSign")
            }
            let toSign = try TBSSignV1(derEncoded: tbsNode)
            let signature = try ASN1BitString(derEncoded: &nodes)
            return (toSign, Array(tbsNode.encodedBytes), try signature.octets("signature"))
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            coder.serializeRawBytes(toSignBytes)
            try coder.serialize(ASN1BitString(bytes: signature[...]))
        }
    }
}
