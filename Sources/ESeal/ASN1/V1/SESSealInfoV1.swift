import SwiftASN1

/// A GM/T 0031-2014 (version 1) seal's information: as in version 4, with v1 properties.
///
/// ```asn1
/// SES_SealInfo ::= SEQUENCE {
///     header   SES_Header,
///     esID     IA5String,
///     property SES_ESPropertyInfo,     -- the v1 form
///     picture  SES_ESPictrueInfo,
///     extDatas ExtensionDatas OPTIONAL
/// }
/// ```
public struct SESSealInfoV1: DERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public var header: SESHeader
    public var esID: String
    public var property: SESPropertyInfoV1
    public var picture: SESPictureInfo
    public var extDatas: [ExtData]?

    public init(
        header: SESHeader, esID: String, property: SESPropertyInfoV1, picture: SESPictureInfo,
        extDatas: [ExtData]? = nil
    ) {
        self.header = header
        self.esID = esID
        self.property = property
        self.picture = picture
        self.extDatas = extDatas
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let header = try SESHeader(derEncoded: &nodes)
            let esID = try ASN1IA5String(derEncoded: &nodes)
            let property = try SESPropertyInfoV1(derEncoded: &nodes)
            let picture = try SESPictureInfo(derEncoded: &nodes)
            let extDatas = try nodes.next().map {
                try DER.sequence(of: ExtData.self, identifier: .sequence, rootNode: $0)
            }
            return SESSealInfoV1(
                header: header, esID: String(esID), property: property, picture: picture, extDatas: extDatas)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(header)
            try coder.serialize(ASN1IA5String(esID))
            try coder.serialize(property)
            try coder.serialize(picture)
            if let extDatas { try coder.serializeSequenceOf(extDatas) }
        }
    }
}
