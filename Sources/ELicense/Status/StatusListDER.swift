import Foundation
import SwiftASN1
import ZhengwuKitCore
internal import ZhengwuKitSupport

/// `LicenceStatusList ::= SEQUENCE { tbsList, signatureAlgorithm, signatureValue }`; the
/// `tbsList` is kept as its exact bytes, which the signature covers.
struct StatusListDER: DERImplicitlyTaggable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    let tbsBytes: [UInt8]
    let algorithm: ASN1ObjectIdentifier
    let signature: [UInt8]

    init(tbsBytes: [UInt8], algorithm: ASN1ObjectIdentifier, signature: [UInt8]) {
        self.tbsBytes = tbsBytes
        self.algorithm = algorithm
        self.signature = signature
    }

    init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            guard let tbs = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "no tbsList") }
            let algorithm = try ASN1ObjectIdentifier(derEncoded: &nodes)
            let value = try ASN1BitString(derEncoded: &nodes)
            guard value.paddingBits == 0 else {
                throw ASN1Error.invalidASN1Object(reason: "signatureValue has unused bits")
            }
            return StatusListDER(tbsBytes: Array(tbs.encodedBytes), algorithm: algorithm, signature: Array(value.bytes))
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            coder.serializeRawBytes(tbsBytes)
            try coder.serialize(algorithm)
            try coder.serialize(ASN1BitString(bytes: signature[...]))
        }
    }
}

/// `TBSLicenceStatusList`.
struct TBSStatusList: DERImplicitlyTaggable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    let issuerName: String
    let issuerCode: String
    let thisUpdate: GeneralizedTime
    let nextUpdate: GeneralizedTime
    let entries: [StatusEntryDER]
    let issuerCertificate: [UInt8]

    init(
        issuerName: String, issuerCode: String, thisUpdate: GeneralizedTime, nextUpdate: GeneralizedTime,
        entries: [StatusEntryDER], issuerCertificate: [UInt8]
    ) {
        self.issuerName = issuerName
        self.issuerCode = issuerCode
        self.thisUpdate = thisUpdate
        self.nextUpdate = nextUpdate
        self.entries = entries
        self.issuerCertificate = issuerCertificate
    }

    init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let version = try Int(derEncoded: &nodes)
            guard version == 1 else { throw ASN1Error.invalidASN1Object(reason: "version \(version) is not 1") }
            let name = try ASN1UTF8String(derEncoded: &nodes)
            let code = try ASN1PrintableString(derEncoded: &nodes)
            let thisUpdate = try GeneralizedTime(derEncoded: &nodes)
            let nextUpdate = try GeneralizedTime(derEncoded: &nodes)
            guard let entriesNode = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "no entries") }
            let entries = try DER.sequence(of: StatusEntryDER.self, identifier: .sequence, rootNode: entriesNode)
            let certificate = try ASN1OctetString(derEncoded: &nodes)
            return TBSStatusList(
                issuerName: String(name), issuerCode: String(code), thisUpdate: thisUpdate, nextUpdate: nextUpdate,
                entries: entries, issuerCertificate: Array(certificate.bytes))
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(1)
            try coder.serialize(ASN1UTF8String(issuerName))
            try coder.serialize(try ASN1PrintableString(issuerCode))
            try coder.serialize(thisUpdate)
            try coder.serialize(nextUpdate)
            try coder.serializeSequenceOf(entries)
            try coder.serialize(ASN1OctetString(contentBytes: issuerCertificate[...]))
        }
    }
}

/// `StatusEntry ::= SEQUENCE { identifier, status, changedAt, reason OPTIONAL }`.
struct StatusEntryDER: DERImplicitlyTaggable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    let identifier: String
    let status: String
    let changedAt: GeneralizedTime
    let reason: String?

    init(_ entry: LicenceStatusList.Entry) throws {
        identifier = entry.identifier
        status = entry.status.rawValue
        changedAt = try ASN1Time.generalizedTime(entry.changedAt)
        reason = entry.reason
    }

    private init(identifier: String, status: String, changedAt: GeneralizedTime, reason: String?) {
        self.identifier = identifier
        self.status = status
        self.changedAt = changedAt
        self.reason = reason
    }

    init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let id = try ASN1PrintableString(derEncoded: &nodes)
            let status = try ASN1PrintableString(derEncoded: &nodes)
            let changedAt = try GeneralizedTime(derEncoded: &nodes)
            var reason: String?
            if let node = nodes.next() { reason = String(try ASN1UTF8String(derEncoded: node)) }
            return StatusEntryDER(identifier: String(id), status: String(status), changedAt: changedAt, reason: reason)
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(try ASN1PrintableString(self.identifier))
            try coder.serialize(try ASN1PrintableString(status))
            try coder.serialize(changedAt)
            if let reason { try coder.serialize(ASN1UTF8String(reason)) }
        }
    }

    /// The entry, with its identifier and status code checked.
    func entry() throws(ELicenseError) -> LicenceStatusList.Entry {
        let parsed: LicenceIdentifier
        do {
            parsed = try LicenceIdentifier(parsing: identifier, strictness: .strict)
        } catch {
            throw .invalidStatusList("entry \(identifier): \(error.message)")
        }
        guard let code = LicenceStatus(rawValue: status) else {
            throw .invalidStatusList(
                "entry \(identifier): status \(status) is not one of 01, 02, 03, 04, 05, 06, 07, 99")
        }
        return LicenceStatusList.Entry(
            unchecked: parsed.rawValue, status: code, changedAt: ASN1Time.date(changedAt), reason: reason)
    }
}
