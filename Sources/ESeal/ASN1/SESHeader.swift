import SwiftASN1

/// The header every seal starts with: the fixed identifier "ES", the format version, and
/// the vendor of the software that made the seal.
///
/// ```asn1
/// SES_Header ::= SEQUENCE {
///     id      IA5String,   -- "ES"
///     version INTEGER,     -- 1 (GM/T 0031-2014), 4 (GB/T 38540-2020), 5 (field variant)
///     vid     IA5String    -- vendor identifier
/// }
/// ```
public struct SESHeader: DERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The seal identifier; "ES" in every conforming seal.
    public var id: String
    public var version: Int
    /// The vendor (厂商) identifier.
    public var vendorID: String

    public init(id: String = "ES", version: Int, vendorID: String) {
        self.id = id
        self.version = version
        self.vendorID = vendorID
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let id = try ASN1IA5String(derEncoded: &nodes)
            let version = try Int(derEncoded: &nodes)
            let vendorID = try ASN1IA5String(derEncoded: &nodes)
            return SESHeader(id: String(id), version: version, vendorID: String(vendorID))
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(ASN1IA5String(id))
            try coder.serialize(version)
            try coder.serialize(ASN1IA5String(vendorID))
        }
    }
}
