import SwiftASN1

/// What a seal is: its type, name, the certificates that may use it, and when it is valid.
///
/// ```asn1
/// SES_ESPropertyInfo ::= SEQUENCE {
///     type         INTEGER,            -- 1 official seal 单位印章, 2 personal seal 个人印章, others by agreement
///     name         UTF8String,
///     certListType INTEGER,            -- 1 certs, 2 certDigestList
///     certList     SES_CertList,
///     createDate   GeneralizedTime,
///     validStart   GeneralizedTime,
///     validEnd     GeneralizedTime
/// }
/// ```
public struct SESPropertyInfo: DERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public var type: Int
    public var name: String
    public var certList: SESCertList
    public var createDate: SESTime
    public var validStart: SESTime
    public var validEnd: SESTime

    public init(
        type: Int, name: String, certList: SESCertList, createDate: SESTime, validStart: SESTime, validEnd: SESTime
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
            let listType = try Int(derEncoded: &nodes)
            guard let listNode = nodes.next() else {
                throw ASN1Error.invalidASN1Object(reason: "SES_ESPropertyInfo lacks certList")
            }
            let certList = try SESCertList(derEncoded: listNode, listType: listType)
            let createDate = try SESTime(derEncoded: &nodes)
            let validStart = try SESTime(derEncoded: &nodes)
            let validEnd = try SESTime(derEncoded: &nodes)
            return SESPropertyInfo(
                type: type, name: String(name), certList: certList, createDate: createDate, validStart: validStart,
                validEnd: validEnd)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(type)
            try coder.serialize(ASN1UTF8String(name))
            try coder.serialize(certList.listType)
            try certList.serialize(into: &coder)
            try coder.serialize(createDate)
            try coder.serialize(validStart)
            try coder.serialize(validEnd)
        }
    }
}
