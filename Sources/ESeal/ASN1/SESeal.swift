import SwiftASN1

/// An electronic seal 电子印章 of GB/T 38540-2020 (header version 4), or of the field's
/// "version 5" (header version 5, with an optional time stamp).
///
/// ```asn1
/// SESeal ::= SEQUENCE {
///     eSealInfo   SES_SealInfo,
///     cert        OCTET STRING,          -- the seal maker's DER certificate 制章人证书
///     signAlgID   OBJECT IDENTIFIER,     -- 1.2.156.10197.1.501 SM3withSM2
///     signedValue BIT STRING,            -- the maker's signature over DER(eSealInfo)
///     timeStamp   [0] EXPLICIT BIT STRING OPTIONAL   -- "v5" only
/// }
/// ```
///
/// The maker signed the bytes of `eSealInfo` exactly as they are encoded, so the seal
/// keeps them (``sealInfoBytes``) and writes them back unchanged: a seal read from a file
/// and serialized again is byte-identical, even when its maker's encoder was not strict DER.
public struct SESeal: DERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public let sealInfo: SESSealInfo
    /// The encoding of `sealInfo` the maker signed.
    public let sealInfoBytes: [UInt8]
    public var cert: [UInt8]
    public var signAlgID: ASN1ObjectIdentifier
    /// The signature value as stored: a DER `SEQUENCE { r, s }`, or in some seals raw r‖s.
    public var signedValue: [UInt8]
    public var timeStamp: [UInt8]?

    /// A seal over `sealInfo`, encoded now in DER.
    public init(
        sealInfo: SESSealInfo, cert: [UInt8], signAlgID: ASN1ObjectIdentifier, signedValue: [UInt8],
        timeStamp: [UInt8]? = nil
    ) throws {
        var coder = DER.Serializer()
        try coder.serialize(sealInfo)
        try self.init(
            sealInfoBytes: coder.serializedBytes, cert: cert, signAlgID: signAlgID, signedValue: signedValue,
            timeStamp: timeStamp)
    }

    /// A seal over the given encoding of its seal info (as a maker signs it).
    public init(
        sealInfoBytes: [UInt8], cert: [UInt8], signAlgID: ASN1ObjectIdentifier, signedValue: [UInt8],
        timeStamp: [UInt8]? = nil
    ) throws {
        self.sealInfo = try SESSealInfo(derEncoded: sealInfoBytes)
        self.sealInfoBytes = sealInfoBytes
        self.cert = cert
        self.signAlgID = signAlgID
        self.signedValue = signedValue
        self.timeStamp = timeStamp
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            guard let infoNode = nodes.next() else {
                throw ASN1Error.invalidASN1Object(reason: "SESeal lacks eSealInfo")
            }
            let sealInfo = try SESSealInfo(derEncoded: infoNode)
            let cert = try ASN1OctetString(derEncoded: &nodes)
            let signAlgID = try ASN1ObjectIdentifier(derEncoded: &nodes)
            let signedValue = try ASN1BitString(derEncoded: &nodes)
            let timeStamp = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                try ASN1BitString(derEncoded: $0)
            }
            return SESeal(
                sealInfo: sealInfo, sealInfoBytes: Array(infoNode.encodedBytes), cert: Array(cert.bytes),
                signAlgID: signAlgID, signedValue: try signedValue.octets("signedValue"),
                timeStamp: try timeStamp.map { try $0.octets("timeStamp") })
        }
    }

    private init(
        sealInfo: SESSealInfo, sealInfoBytes: [UInt8], cert: [UInt8], signAlgID: ASN1ObjectIdentifier,
        signedValue: [UInt8], timeStamp: [UInt8]?
    ) {
        self.sealInfo = sealInfo
        self.sealInfoBytes = sealInfoBytes
        self.cert = cert
        self.signAlgID = signAlgID
        self.signedValue = signedValue
        self.timeStamp = timeStamp
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            coder.serializeRawBytes(sealInfoBytes)
            try coder.serialize(ASN1OctetString(contentBytes: cert[...]))
            try coder.serialize(signAlgID)
            try coder.serialize(ASN1BitString(bytes: signedValue[...]))
            if let timeStamp {
                try coder.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { coder in
                    try coder.serialize(ASN1BitString(bytes: timeStamp[...]))
                }
            }
        }
    }
}
