import SwiftASN1

/// One signer of a SignedData (GB/T 35275 §8 / RFC 5652 §5.3):
///
/// ```asn1
/// SignerInfo ::= SEQUENCE { version INTEGER,
///     sid IssuerAndSerialNumber | [0] IMPLICIT SubjectKeyIdentifier,
///     digestAlgorithm AlgorithmIdentifier, signedAttrs [0] IMPLICIT SET OF Attribute OPTIONAL,
///     signatureAlgorithm AlgorithmIdentifier, signature OCTET STRING,
///     unsignedAttrs [1] IMPLICIT SET OF Attribute OPTIONAL }
/// ```
struct CMSSignerInfo {
    enum Identifier: Equatable {
        /// The issuer's `Name` (DER, as written) and the serial number's magnitude bytes.
        case issuerAndSerial(issuer: [UInt8], serial: [UInt8])
        case subjectKeyIdentifier([UInt8])
    }

    var version: Int
    var identifier: Identifier
    var digestAlgorithm: String
    /// What the signature covers when signed attributes are present: their DER with the
    /// `[0] IMPLICIT` tag replaced by the SET OF tag (RFC 5652 §5.4).
    var signedAttributesForSigning: [UInt8]?
    /// Each signed attribute's type and value nodes, in order.
    var attributes: [(type: String, values: [ASN1Node])]
    var signatureAlgorithm: String
    var signature: [UInt8]

    init(_ node: ASN1Node) throws(CMSFormatError) {
        let fields = try CMSSignedData.children(node, "SignerInfo")
        guard fields.count >= 5 else {
            throw CMSFormatError("SignerInfo has \(fields.count) fields, at least 5 needed")
        }
        version = try CMSSignedData.integer(fields[0], "SignerInfo.version")
        let sid = fields[1]
        if sid.identifier == .sequence {
            let parts = try CMSSignedData.children(sid, "issuerAndSerialNumber")
            guard parts.count == 2, parts[0].identifier == .sequence, parts[1].identifier == .integer,
                case .primitive(let serial) = parts[1].content
            else {
                throw CMSFormatError("issuerAndSerialNumber is not SEQUENCE { Name, INTEGER }")
            }
            identifier = .issuerAndSerial(issuer: Array(parts[0].encodedBytes), serial: Self.magnitude(serial))
        } else if sid.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific),
            case .primitive(let keyIdentifier) = sid.content
        {
            identifier = .subjectKeyIdentifier(Array(keyIdentifier))
        } else {
            throw CMSFormatError("SignerInfo.sid is neither issuerAndSerialNumber nor a subject key identifier")
        }
        digestAlgorithm = try CMSSignedData.algorithm(fields[2], "SignerInfo.digestAlgorithm")
        var index = 3
        attributes = []
        signedAttributesForSigning = nil
        if fields[index].identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
            var encoded = Array(fields[index].encodedBytes)
            encoded[0] = 0x31
            signedAttributesForSigning = encoded
            for attribute in try CMSSignedData.children(fields[index], "signedAttrs") {
                let parts = try CMSSignedData.children(attribute, "a signed attribute")
                guard parts.count == 2, parts[1].identifier == .set else {
                    throw CMSFormatError("a signed attribute is not SEQUENCE { OBJECT IDENTIFIER, SET }")
                }
                attributes.append(
                    (
                        try CMSSignedData.oid(parts[0], "attribute type"),
                        try CMSSignedData.children(parts[1], "attribute values")
                    ))
            }
            index += 1
        }
        guard fields.count >= index + 2 else { throw CMSFormatError("SignerInfo lacks its signature") }
        signatureAlgorithm = try CMSSignedData.algorithm(fields[index], "SignerInfo.signatureAlgorithm")
        guard fields[index + 1].identifier == .octetString, case .primitive(let value) = fields[index + 1].content
        else {
            throw CMSFormatError("SignerInfo.signature is not an OCTET STRING")
        }
        signature = Array(value)
    }

    /// The values of every attribute of `type`.
    func values(of type: String) -> [[ASN1Node]] {
        attributes.filter { $0.type == type }.map(\.values)
    }

    static func magnitude(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        let trimmed = Array(bytes.drop { $0 == 0 })
        return trimmed.isEmpty ? [0] : trimmed
    }
}
