import Foundation
import GMCrypto
import SwiftASN1

extension X509OCSPResponse {
    /// Reads a DER-encoded `OCSPResponse` (what `openssl ocsp -respout` writes and
    /// responders send as `application/ocsp-response`).
    public init<Bytes: DataProtocol>(derRepresentation: Bytes) throws(X509OCSPError) {
        self = try X509OCSPResponseReader.read(Array(derRepresentation))
    }
}

/// Reads an OCSP response (RFC 6960 §4.2.1) with swift-asn1.
///
/// ```asn1
/// OCSPResponse ::= SEQUENCE { responseStatus OCSPResponseStatus,
///     responseBytes [0] EXPLICIT SEQUENCE { responseType OBJECT IDENTIFIER, response OCTET STRING } OPTIONAL }
/// BasicOCSPResponse ::= SEQUENCE { tbsResponseData ResponseData, signatureAlgorithm AlgorithmIdentifier,
///     signature BIT STRING, certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
/// ResponseData ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1, responderID ResponderID,
///     producedAt GeneralizedTime, responses SEQUENCE OF SingleResponse,
///     responseExtensions [1] EXPLICIT Extensions OPTIONAL }
/// ResponderID ::= CHOICE { byName [1] Name, byKey [2] KeyHash }
/// SingleResponse ::= SEQUENCE { certID CertID, certStatus CertStatus, thisUpdate GeneralizedTime,
///     nextUpdate [0] EXPLICIT GeneralizedTime OPTIONAL, singleExtensions [1] EXPLICIT Extensions OPTIONAL }
/// CertID ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, issuerNameHash OCTET STRING,
///     issuerKeyHash OCTET STRING, serialNumber CertificateSerialNumber }
/// CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT NULL }
/// RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime, revocationReason [0] EXPLICIT CRLReason OPTIONAL }
/// ```
enum X509OCSPResponseReader {
    static let basicResponseType = "1.3.6.1.5.5.7.48.1.1"
    static let nonce = "1.3.6.1.5.5.7.48.1.2"

    static func read(_ der: [UInt8]) throws(X509OCSPError) -> X509OCSPResponse {
        do {
            try X509Envelope.checkOuterLength(der)
        } catch .truncatedDER(let declared, let actual) {
            throw .malformed("truncated: the DER encoding declares \(declared) bytes, \(actual) were given")
        } catch .trailingData(let count) {
            throw .malformed("\(count) bytes of trailing data")
        } catch .malformedDER(let detail) {
            throw .malformed(detail)
        } catch {
            throw .malformed(error.description)
        }
        do {
            return try DER.sequence(DER.parse(der), identifier: .sequence) { nodes in
                guard let statusNode = nodes.next() else { throw X509OCSPError.malformed("missing responseStatus") }
                let value = try Int(derEncoded: statusNode, withIdentifier: .enumerated)
                guard let status = X509OCSPResponse.ResponseStatus(rawValue: value) else {
                    throw X509OCSPError.malformed("responseStatus \(value) is not defined")
                }
                guard status == .successful else { throw X509OCSPError.unsuccessful(status) }
                let basic = try DER.explicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) { node in
                    try DER.sequence(node, identifier: .sequence) { inner in
                        let type = try ASN1ObjectIdentifier(derEncoded: &inner).description
                        guard type == basicResponseType else { throw X509OCSPError.unsupportedResponseType(type) }
                        return try ASN1OctetString(derEncoded: &inner).bytes
                    }
                }
                guard nodes.next() == nil else { throw X509OCSPError.malformed("OCSPResponse has extra fields") }
                return try basicResponse(Array(basic), response: der)
            }
        } catch let error as X509OCSPError {
            throw error
        } catch {
            throw .malformed(String(describing: error))
        }
    }

    /// `der` is the `BasicOCSPResponse`; `response` the whole `OCSPResponse` it came in.
    private static func basicResponse(_ der: [UInt8], response: [UInt8]) throws -> X509OCSPResponse {
        try DER.sequence(DER.parse(der), identifier: .sequence) { nodes in
            guard let tbsNode = nodes.next() else { throw X509OCSPError.malformed("missing tbsResponseData") }
            let algorithm = try X509Certificate.SignatureAlgorithm(derEncoded: &nodes)
            let bits = try ASN1BitString(derEncoded: &nodes)
            guard bits.paddingBits == 0 else { throw X509OCSPError.malformed("signature has padding bits") }
            let certificates: [X509Certificate] =
                try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) { node in
                    try children(node, of: "certs").map { try X509Certificate(derRepresentation: $0.encodedBytes) }
                } ?? []
            guard nodes.next() == nil else { throw X509OCSPError.malformed("BasicOCSPResponse has extra fields") }
            return try DER.sequence(tbsNode, identifier: .sequence) { fields in
                if let version = try DER.optionalExplicitlyTagged(
                    &fields, tagNumber: 0, tagClass: .contextSpecific, { try Int(derEncoded: $0) })
                {
                    guard version == 0 else {
                        throw X509OCSPError.malformed("ResponseData version field \(version) is not v1 (0)")
                    }
                }
                guard let responderNode = fields.next() else { throw X509OCSPError.malformed("missing responderID") }
                let responderID = try responder(responderNode)
                guard let producedNode = fields.next(), producedNode.identifier == .generalizedTime else {
                    throw X509OCSPError.malformed("producedAt is not a GeneralizedTime")
                }
                let producedAt = try X509RevocationListReader.time(producedNode, field: "producedAt")
                guard let responsesNode = fields.next() else { throw X509OCSPError.malformed("missing responses") }
                let responses = try children(responsesNode, of: "responses").map(singleResponse)
                let extensions =
                    try DER.optionalExplicitlyTagged(&fields, tagNumber: 1, tagClass: .contextSpecific) { node in
                        try X509ExtensionsReader.extensions(node)
                    } ?? []
                try rejectCriticalExtensions(extensions)
                guard fields.next() == nil else { throw X509OCSPError.malformed("ResponseData has extra fields") }
                return X509OCSPResponse(
                    producedAt: producedAt, responderID: responderID, responses: responses,
                    certificates: certificates, signatureAlgorithm: algorithm, extensions: extensions,
                    tbsBytes: Array(tbsNode.encodedBytes), signature: Array(bits.bytes), der: response)
            }
        }
    }

    private static func responder(_ node: ASN1Node) throws -> X509OCSPResponse.ResponderID {
        if node.identifier == ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific) {
            return .byName(
                try DER.explicitlyTagged(node, tagNumber: 1, tagClass: .contextSpecific) {
                    try X509RevocationListReader.name($0)
                })
        }
        if node.identifier == ASN1Identifier(tagWithNumber: 2, tagClass: .contextSpecific) {
            return .byKey(
                try DER.explicitlyTagged(node, tagNumber: 2, tagClass: .contextSpecific) {
                    Array(try ASN1OctetString(derEncoded: $0).bytes)
                })
        }
        throw X509OCSPError.malformed("responderID is neither byName nor byKey")
    }

    private static func singleResponse(_ node: ASN1Node) throws -> X509OCSPResponse.SingleResponse {
        try DER.sequence(node, identifier: .sequence) { nodes in
            guard let certIDNode = nodes.next() else { throw X509OCSPError.malformed("missing certID") }
            let certID = try DER.sequence(certIDNode, identifier: .sequence) { inner in
                let algorithm = try X509Certificate.SignatureAlgorithm(derEncoded: &inner)
                let nameHash = try ASN1OctetString(derEncoded: &inner)
                let keyHash = try ASN1OctetString(derEncoded: &inner)
                guard let serialNode = inner.next() else { throw X509OCSPError.malformed("missing serialNumber") }
                return X509OCSPResponse.CertID(
                    hashAlgorithm: algorithm.oid, issuerNameHash: Array(nameHash.bytes),
                    issuerKeyHash: Array(keyHash.bytes), serialNumber: try X509RevocationListReader.serial(serialNode))
            }
            guard let statusNode = nodes.next() else { throw X509OCSPError.malformed("missing certStatus") }
            let status = try certificateStatus(statusNode)
            guard let thisNode = nodes.next(), thisNode.identifier == .generalizedTime else {
                throw X509OCSPError.malformed("thisUpdate is not a GeneralizedTime")
            }
            let thisUpdate = try X509RevocationListReader.time(thisNode, field: "thisUpdate")
            let nextUpdate = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                try X509RevocationListReader.time($0, field: "nextUpdate")
            }
            let extensions =
                try DER.optionalExplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific) {
                    try X509ExtensionsReader.extensions($0)
                } ?? []
            try rejectCriticalExtensions(extensions)
            guard nodes.next() == nil else { throw X509OCSPError.malformed("SingleResponse has extra fields") }
            return .init(certID: certID, status: status, thisUpdate: thisUpdate, nextUpdate: nextUpdate)
        }
    }

    private static func certificateStatus(_ node: ASN1Node) throws -> X509OCSPResponse.CertificateStatus {
        switch node.identifier {
        case ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific):
            _ = try ASN1Null(derEncoded: node, withIdentifier: node.identifier)
            return .good
        case ASN1Identifier(tagWithNumber: 2, tagClass: .contextSpecific):
            _ = try ASN1Null(derEncoded: node, withIdentifier: node.identifier)
            return .unknown
        case ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific):
            return try DER.sequence(node, identifier: node.identifier) { nodes in
                guard let timeNode = nodes.next(), timeNode.identifier == .generalizedTime else {
                    throw X509OCSPError.malformed("revocationTime is not a GeneralizedTime")
                }
                let time = try X509RevocationListReader.time(timeNode, field: "revocationTime")
                let code = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                    try Int(derEncoded: $0, withIdentifier: .enumerated)
                }
                guard nodes.next() == nil else { throw X509OCSPError.malformed("RevokedInfo has extra fields") }
                guard let code else { return .revoked(at: time, reason: nil) }
                guard let reason = X509RevocationList.ReasonCode(rawValue: code) else {
                    throw X509OCSPError.malformed("revocationReason \(code) is not a CRLReason")
                }
                return .revoked(at: time, reason: reason)
            }
        default:
            throw X509OCSPError.malformed("certStatus has tag \(node.identifier)")
        }
    }

    /// The elements of a `SEQUENCE OF`.
    private static func children(_ node: ASN1Node, of field: String) throws -> [ASN1Node] {
        guard node.identifier == .sequence, case .constructed(let children) = node.content else {
            throw X509OCSPError.malformed("\(field) is not a SEQUENCE")
        }
        return Array(children)
    }

    private static func rejectCriticalExtensions(_ extensions: [X509Certificate.Extension]) throws {
        for item in extensions where item.isCritical && item.oid != nonce {
            throw X509OCSPError.unsupportedCriticalExtension(oid: item.oid)
        }
    }
}
