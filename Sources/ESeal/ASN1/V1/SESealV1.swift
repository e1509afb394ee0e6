import SwiftASN1

/// A GM/T 0031-2014 (version 1) electronic seal.
///
/// ```asn1
/// SESeal ::= SEQUENCE {
///     esealInfo SES_SealInfo,
///     signInfo  SES_SignInfo
/// }
/// ```
/// The maker's signature covers DER(SEQUENCE { esealInfo, cert, signatureAlgorithm }),
/// built from the seal info's bytes as they came (``signedBytes``).
public struct SESealV1: DERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public let sealInfo: SESSealInfoV1
    public let sealInfoBytes: [UInt8]
    public var signInfo: SESSignInfoV1

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        (sealInfo, sealInfoBytes, signInfo) = try DER.sequence(rootNode, identifier: identifier) { nodes in
            guard let infoNode = nodes.next() else {
                throw ASN1Error.invalidASN1Object(reason: "SESeal lacks esealInfo")
            }
            let sealInfo = try SESSealInfoV1(derEncoded: infoNode)
            let signInfo = try SESSignInfoV1(derEncoded: &nodes)
            return (sealInfo, Array(infoNode.encodedBytes), signInfo)
        }
    }

    /// The bytes the maker signed: SEQUENCE { esealInfo, cert, signatureAlgorithm }.
    public func signedBytes() throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.appendConstructedNode(identifier: .sequence) { coder in
            coder.serializeRawBytes(sealInfoBytes)
            try coder.serialize(ASN1OctetString(contentBytes: signInfo.cert[...]))
            try coder.serialize(signInfo.signatureAlgorithm)
        }
        return coder.serializedBytes
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            coder.serializeRawBytes(sealInfoBytes)
            try coder.serialize(signInfo)
        }
    }
}
