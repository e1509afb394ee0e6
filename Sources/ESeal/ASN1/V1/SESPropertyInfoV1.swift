import SwiftASN1

/// A GM/T 0031-2014 (version 1) seal's properties: no `certListType`, whole certificates
/// only, and UTCTime dates.
///
/// ```asn1
/// SES_ESPropertyInfo ::= SEQUENCE {
///     type       INTEGER,
///     name       UTF8String,
///     certList   SEQUENCE OF cert OCTET STRING,
///     createDate UTCTime,
///     validStart UTCTime,
///     validEnd   UTCTime
/// }
/// ```
/// Some v1 seals carry GeneralizedTime instead; ``SESTime`` keeps which one was seen.
public struct SESPropertyInfoV1: DERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public var type: Int
    public var name: String
    public var certList: [[UInt8]]
    public var createDate: SESTime
    public var validStart: SESTime
    public var validEnd: SESTime

    public init(
        type: Int, name: String, certList: [[UInt8]], createDate: SESTime, validStart: SESTime, validEnd: SESTime
    ) {
        self.type = type
        self.name = name
        self.certList = certList
        self.createDate = createDate
        self.validStart = validStart
        self.validEnd = validEnd
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let type = try Int(derEncoded: &nodes)
            let name = try ASN1UTF8String(derEncoded: &nodes)
            let certs = try DER.sequence(of: ASN1OctetString.self, identifier: .sequence, nodes: &nodes)
            let createDate = try SESTime(derEncoded: &nodes)
            let validStart = try SESTime(derEncoded: &nodes)
            let validEnd = try SESTime(derEncoded: &nodes)
            return SESPropertyInfoV1(
                type: type, name: String(name), certList: certs.map { Array($0.bytes) }, createDate: createDate,
                validStart: validStart, validEnd: validEnd)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(type)
            try coder.serialize(ASN1UTF8String(name))
            try coder.serializeSequenceOf(certList.map { ASN1OctetString(contentBytes: $0[...]) })
            try coder.serialize(createDate)
            try coder.serialize(validStart)
            try coder.serialize(validEnd)
        }
    }
}
