import SwiftASN1

/// The seal's picture and its printed size.
///
/// ```asn1
/// SES_ESPictrueInfo ::= SEQUENCE {
///     type   IA5String,     -- "png", "jpg", "gif", "ofd" (a zipped OFD), case varies
///     data   OCTET STRING,
///     width  INTEGER,       -- millimetres
///     height INTEGER        -- millimetres
/// }
/// ```
/// (The standard spells the type "Pictrue"; the Swift name corrects it.)
public struct SESPictureInfo: DERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public var type: String
    public var data: [UInt8]
    /// Width in millimetres.
    public var width: Int
    /// Height in millimetres.
    public var height: Int

    public init(type: String, data: [UInt8], width: Int, height: Int) {
        self.type = type
        self.data = data
        self.width = width
        self.height = height
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let type = try ASN1IA5String(derEncoded: &nodes)
            let data = try ASN1OctetString(derEncoded: &nodes)
            let width = try Int(derEncoded: &nodes)
            let height = try Int(derEncoded: &nodes)
            return SESPictureInfo(type: String(type), data: Array(data.bytes), width: width, height: height)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(ASN1IA5String(type))
            try coder.serialize(ASN1OctetString(contentBytes: data[...]))
            try coder.serialize(width)
            try coder.serialize(height)
        }
    }
}
