import SwiftASN1

/// What a signer signs under GM/T 0031-2014 (version 1).
///
/// ```asn1
/// TBS_Sign ::= SEQUENCE {
///     version            INTEGER,            -- 1
///     eseal              SESeal,
///     timeInfo           BIT STRING,         -- a time stamp, or the time as UTCTime text
///     dataHash           BIT STRING,
///     propertyInfo       IA5String,
///     cert               OCTET STRING,       -- the signer's DER certificate
///     signatureAlgorithm OBJECT IDENTIFIER
/// }
/// ```
public struct TBSSignV1: DERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public var version: Int
    public let eseal: SESealV1
    public let esealBytes: [UInt8]
    public var timeInfo: [UInt8]
    public var dataHash: [UInt8]
    public var propertyInfo: String
    public var cert: [UInt8]
    public var signatureAlgorithm: ASN1ObjectIdentifier

    /// A v1 `TBS_Sign` over a seal given as its encoded bytes (for interoperability tests;
    /// ESeal itself signs in version 4).
    public init(
        version: Int = 1, esealBytes: [UInt8], timeInfo: [UInt8], dataHash: [UInt8], propertyInfo: String,
        cert: [UInt8], signatureAlgorithm: ASN1ObjectIdentifier
    ) throws {
        self.init(
            version: version, eseal: try SESealV1(derEncoded: esealBytes), esealBytes: esealBytes,
            timeInfo: timeInfo, dataHash: dataHash, propertyInfo: propertyInfo, cert: cert,
            signatureAlgorithm: signatureAlgorithm)
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let version = try Int(derEncoded: &nodes)
            guard let sealNode = nodes.next() else {
                throw ASN1Error.invalidASN1Object(reason: "TBS_Sign lacks eseal")
            }
            let eseal = try SESealV1(derEncoded: sealNode)
            let timeInfo = try ASN1BitString(derEncoded: &nodes)
            let dataHash = try ASN1BitString(derEncoded: &nodes)
            let propertyInfo = try ASN1IA5String(derEncoded: &nodes)
            let cert = try ASN1OctetString(derEncoded: &nodes)
            let algorithm = try ASN1ObjectIdentifier(derEncoded: &nodes)
            return TBSSignV1(
                version: version, eseal: eseal, esealBytes: Array(sealNode.encodedBytes),
                timeInfo: Array(timeInfo.bytes), dataHash: try dataHash.octets("dataHash"),
                propertyInfo: String(propertyInfo),
                cert: Array(cert.bytes), signatureAlgorithm: algorithm)
        }
    }

    private init(
        version: Int, eseal: SESealV1, esealBytes: [UInt8], timeInfo: [UInt8], dataHash: [UInt8],
        propertyInfo: String, cert: [UInt8], signatureAlgorithm: ASN1ObjectIdentifier
    ) {
        self.version = version
        self.eseal = eseal
        self.esealBytes = esealBytes
        self.timeInfo = timeInfo
        self.dataHash = dataHash
        self.propertyInfo = propertyInfo
        self.cert = cert
        self.signatureAlgorithm = signatureAlgorithm
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(version)
            coder.serializeRawBytes(esealBytes)
            try coder.serialize(ASN1BitString(bytes: timeInfo[...]))
            try coder.serialize(ASN1BitString(bytes: dataHash[...]))
            try coder.serialize(ASN1IA5String(propertyInfo))
            try coder.serialize(ASN1OctetString(contentBytes: cert[...]))
            try coder.serialize(signatureAlgorithm)
        }
    }
}
