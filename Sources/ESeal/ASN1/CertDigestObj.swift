import SwiftASN1

/// A digest of one certificate allowed to use a seal (when the seal lists digests rather
/// than whole certificates).
///
/// ```asn1
/// CertDigestObj ::= SEQUENCE {
///     type  PrintableString,   -- the digest algorithm, e.g. "sm3"
///     value OCTET STRING       -- the digest of the DER certificate
/// }
/// ```
public struct CertDigestObj: DERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public var type: String
    public var value: [UInt8]

    public init(type: String, value: [UInt8]) {
        self.type = type
        self.value = value
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let type = try ASN1PrintableString(derEncoded: &nodes)
            let value = try ASN1OctetString(derEncoded: &nodes)
            return CertDigestObj(type: String(type), value: Array(value.bytes))
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(ASN1PrintableString(type))
            try coder.serialize(ASN1OctetString(contentBytes: value[...]))
        }
    }
}
