import Foundation
import SwiftASN1

/// Writes a GB/T 35275 SignedData (DER). The defaults are what GB/T 35275 names; each field
/// can be changed so tests can build the variants vendors produce, and broken ones.
struct CMSSignedDataBuilder {
    /// The outer ContentInfo's type; `nil` writes a bare SignedData (ofdrw's digest form).
    var outerType: String? = CMSIdentifiers.gmSignedData
    var dataType = CMSIdentifiers.gmData
    var digestAlgorithm = CMSIdentifiers.sm3
    var signatureAlgorithm = CMSIdentifiers.sm2Signature
    /// The encapsulated content, `nil` for detached.
    var content: [UInt8]?
    /// The `messageDigest` attribute; `nil` writes no signed attributes (the signature then
    /// covers the content itself).
    var messageDigest: [UInt8]?
    var signingTime: Date?
    /// Certificates to carry, the signer's first (DER).
    var certificates: [[UInt8]]

    /// The DER SignedData; `sign` signs the bytes the signature covers and returns a DER
    /// SM2 signature value.
    func build(sign: ([UInt8]) throws -> [UInt8]) throws -> [UInt8] {
        guard let signer = certificates.first, let sid = CMSCertificateMatch.issuerAndSerial(of: signer) else {
            throw CMSFormatError("the signer's certificate cannot be read")
        }
        let attributes = try signedAttributes()
        let covered = attributes.map { [0x31] + $0.dropFirst() } ?? content ?? []
        let signature = try sign(covered)
        var coder = DER.Serializer()
        let contextZero = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
        let signedData: (inout DER.Serializer) throws -> Void = { coder in
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                try coder.serialize(1)
                try coder.appendConstructedNode(identifier: .set) { try Self.algorithm(digestAlgorithm, &$0) }
                try coder.appendConstructedNode(identifier: .sequence) { coder in
                    try coder.serialize(ASN1ObjectIdentifier(dotRepresentation: dataType))
                    if let content {
                        try coder.appendConstructedNode(identifier: contextZero) { coder in
                            try coder.serialize(ASN1OctetString(contentBytes: content[...]))
                        }
                    }
                }
                coder.appendConstructedNode(identifier: contextZero) { coder in
                    for certificate in certificates { coder.serializeRawBytes(certificate) }
                }
                try coder.appendConstructedNode(identifier: .set) { coder in
                    try coder.appendConstructedNode(identifier: .sequence) { coder in
                        try coder.serialize(1)
                        coder.appendConstructedNode(identifier: .sequence) { coder in
                            coder.serializeRawBytes(sid.issuer)
                            coder.appendPrimitiveNode(identifier: .integer) { bytes in
                                if let first = sid.serial.first, first & 0x80 != 0 { bytes.append(0) }
                                bytes.append(contentsOf: sid.serial)
                            }
                        }
                        try Self.algorithm(digestAlgorithm, &coder)
                        if let attributes { coder.serializeRawBytes(attributes) }
                        try Self.algorithm(signatureAlgorithm, &coder)
                        try coder.serialize(ASN1OctetString(contentBytes: signature[...]))
                    }
                }
            }
        }
        if let outerType {
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                try coder.serialize(ASN1ObjectIdentifier(dotRepresentation: outerType))
                try coder.appendConstructedNode(identifier: contextZero) { try signedData(&$0) }
            }
        } else {
            try signedData(&coder)
        }
        return coder.serializedBytes
    }

    /// `[0] IMPLICIT SET OF Attribute`: contentType, signingTime, messageDigest, in DER order.
    private func signedAttributes() throws -> [UInt8]? {
        guard let messageDigest else { return nil }
        var encoded: [[UInt8]] = []
        encoded.append(
            try Self.attribute(CMSIdentifiers.contentType) {
                try $0.serialize(ASN1ObjectIdentifier(dotRepresentation: dataType))
            })
        if let signingTime {
            let parts = Calendar(identifier: .gregorian).dateComponents(
                in: TimeZone(identifier: "UTC") ?? .current, from: signingTime)
            let time = try UTCTime(
                year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1, hours: parts.hour ?? 0,
                minutes: parts.minute ?? 0, seconds: parts.second ?? 0)
            encoded.append(try Self.attribute(CMSIdentifiers.signingTime) { try $0.serialize(time) })
        }
        encoded.append(
            try Self.attribute(CMSIdentifiers.messageDigest) {
                try $0.serialize(ASN1OctetString(contentBytes: messageDigest[...]))
            })
        encoded.sort { $0.lexicographicallyPrecedes($1) }
        var coder = DER.Serializer()
        coder.appendConstructedNode(identifier: ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)) { coder in
            for attribute in encoded { coder.serializeRawBytes(attribute) }
        }
        return coder.serializedBytes
    }

    private static func attribute(_ type: String, value: (inout DER.Serializer) throws -> Void) throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(ASN1ObjectIdentifier(dotRepresentation: type))
            try coder.appendConstructedNode(identifier: .set) { try value(&$0) }
        }
        return coder.serializedBytes
    }

    private static func algorithm(_ oid: String, _ coder: inout DER.Serializer) throws {
        try coder.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(ASN1ObjectIdentifier(dotRepresentation: oid))
        }
    }
}
