import SwiftASN1

/// One item of a seal's or signature's extension data.
///
/// ```asn1
/// ExtensionDatas ::= SEQUENCE OF ExtData
/// ExtData ::= SEQUENCE {
///     extnID    OBJECT IDENTIFIER,
///     critical  BOOLEAN DEFAULT FALSE,
///     extnValue OCTET STRING
/// }
/// ```
///
/// DER forbids encoding `critical` at its default, yet real seals (a tax bureau's among
/// them) write `critical FALSE`. It is read, remembered in ``criticalEncodedExplicitly``
/// so the verifier can warn, and written back as it came so signed bytes stay intact.
public struct ExtData: DERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public var extnID: ASN1ObjectIdentifier
    public var critical: Bool
    public var extnValue: [UInt8]
    /// Whether `critical` was present in the encoding although it is FALSE (not DER).
    public var criticalEncodedExplicitly: Bool

    public init(extnID: ASN1ObjectIdentifier, critical: Bool = false, extnValue: [UInt8]) {
        self.extnID = extnID
        self.critical = critical
        self.extnValue = extnValue
        self.criticalEncodedExplicitly = false
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let extnID = try ASN1ObjectIdentifier(derEncoded: &nodes)
            var critical = false
            var explicit = false
            var lookahead = nodes
            if let next = lookahead.next(), next.identifier == Bool.defaultIdentifier {
                critical = try Bool(derEncoded: next)
                explicit = !critical
                nodes = lookahead
            }
            let extnValue = try ASN1OctetString(derEncoded: &nodes)
            var result = ExtData(extnID: extnID, critical: critical, extnValue: Array(extnValue.bytes))
            result.criticalEncodedExplicitly = explicit
            return result
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(extnID)
            if critical || criticalEncodedExplicitly {
                try coder.serialize(critical)
            }
            try coder.serialize(ASN1OctetString(contentBytes: extnValue[...]))
        }
    }
}
