import SwiftASN1

/// The part of a seal its maker signs (制章人签名的印章信息).
///
/// ```asn1
/// SES_SealInfo ::= SEQUENCE {
///     header   SES_Header,
///     esID     IA5String,              -- the seal's identifier 电子印章标识
///     property SES_ESPropertyInfo,     -- the v4 or the v1 form
///     picture  SES_ESPictrueInfo,
///     extDatas ExtensionDatas OPTIONAL
/// }
/// ```
/// GB/T 38540 (v4) and GM/T 0031 (v1) share this structure and differ only in the
/// property info, hence one generic type: ``SESSealInfo`` and ``SESSealInfoV1``.
public struct SESSealInfoOf<Property: DERImplicitlyTaggable & Hashable & Sendable>: DERImplicitlyTaggable, Hashable,
    Sendable
{
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public var header: SESHeader
    public var esID: String
    public var property: Property
    public var picture: SESPictureInfo
    public var extDatas: [ExtData]?

    public init(
        header: SESHeader, esID: String, property: Property, picture: SESPictureInfo, extDatas: [ExtData]? = nil
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
            let property = try Property(derEncoded: &nodes)
            let picture = try SESPictureInfo(derEncoded: &nodes)
            let extDatas = try nodes.next().map {
                try DER.sequence(of: ExtData.self, identifier: .sequence, rootNode: $0)
            }
            return Self(header: header, esID: String(esID), property: property, picture: picture, extDatas: extDatas)
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

/// The GB/T 38540-2020 (v4, v5) seal information.
public typealias SESSealInfo = SESSealInfoOf<SESPropertyInfo>

/// The GM/T 0031-2014 (v1) seal information.
public typealias SESSealInfoV1 = SESSealInfoOf<SESPropertyInfoV1>
