import Foundation
import SwiftASN1

/// What a signer signs when applying a seal (待电子签章数据), GB/T 38540-2020.
///
/// ```asn1
/// TBS_Sign ::= SEQUENCE {
///     version      INTEGER,                 -- 4 (5 in the field variant)
///     eseal        SESeal,
///     timeInfo     GeneralizedTime,         -- signing time 签章时间
///     dataHash     BIT STRING,              -- SM3 of the protected data 原文杂凑值
///     propertyInfo IA5String,               -- what was protected, e.g. an OFD path
///     extDatas     [0] EXPLICIT ExtensionDatas OPTIONAL
/// }
/// ```
/// The seal is kept as the exact bytes it came in (``esealBytes``): both the maker's and
/// the signer's signatures cover them.
public struct TBSSign: DERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public var version: Int
    public let eseal: SESeal
    public let esealBytes: [UInt8]
    public var timeInfo: GeneralizedTime
    public var dataHash: [UInt8]
    public var propertyInfo: String
    public var extDatas: [ExtData]?

    /// A `TBS_Sign` over a seal given as its encoded bytes.
    public init(
        version: Int = 4, esealBytes: [UInt8], timeInfo: GeneralizedTime, dataHash: [UInt8], propertyInfo: String,
        extDatas: [ExtData]? = nil
    ) throws {
        self.version = version
        self.eseal = try SESeal(derEncoded: esealBytes)
        self.esealBytes = esealBytes
        self.timeInfo = timeInfo
        self.dataHash = dataHash
        self.propertyInfo = propertyInfo
        self.extDatas = extDatas
    }

    private init(
        version: Int, eseal: SESeal, esealBytes: [UInt8], timeInfo: GeneralizedTime, dataHash: [UInt8],
        propertyInfo: String, extDatas: [ExtData]?
    ) {
        self.version = version
        self.eseal = eseal
        self.esealBytes = esealBytes
        self.timeInfo = timeInfo
        self.dataHash = dataHash
        self.propertyInfo = propertyInfo
        self.extDatas = extDatas
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let version = try Int(derEncoded: &nodes)
            guard let sealNode = nodes.next() else {
                throw ASN1Error.invalidASN1Object(reason: "TBS_Sign lacks eseal")
            }
            let eseal = try SESeal(derEncoded: sealNode)
            let timeInfo = try GeneralizedTime(derEncoded: &nodes)
            let dataHash = try ASN1BitString(derEncoded: &nodes)
            let propertyInfo = try ASN1IA5String(derEncoded: &nodes)
            let extDatas = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                try DER.sequence(of: ExtData.self, identifier: .sequence, rootNode: $0)
            }
            return TBSSign(
                version: version, eseal: eseal, esealBytes: Array(sealNode.encodedBytes), timeInfo: timeInfo,
                dataHash: try dataHash.octets("dataHash"), propertyInfo: String(propertyInfo), extDatas: extDatas)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(version)
            coder.serializeRawBytes(esealBytes)
            try coder.serialize(timeInfo)
            try coder.serialize(ASN1BitString(bytes: dataHash[...]))
            try coder.serialize(ASN1IA5String(propertyInfo))
            if let extDatas {
                try coder.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { coder in
                    try coder.serializeSequenceOf(extDatas)
                }
            }
        }
    }
}
