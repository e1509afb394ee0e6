import SwiftASN1

/// Why a signed value is not a SignedData this reader takes, in words for the report.
struct CMSFormatError: Error, Sendable {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

/// A GB/T 35275 / PKCS #7 SignedData as stored in an OFD `SignedValue.dat`, read from DER:
///
/// ```asn1
/// ContentInfo ::= SEQUENCE { contentType OBJECT IDENTIFIER, content [0] EXPLICIT SignedData }
/// SignedData ::= SEQUENCE { version INTEGER, digestAlgorithms SET OF AlgorithmIdentifier,
///     contentInfo SEQUENCE { contentType OBJECT IDENTIFIER, content [0] EXPLICIT OCTET STRING OPTIONAL },
///     certificates [0] IMPLICIT SET OF Certificate OPTIONAL, crls [1] IMPLICIT ... OPTIONAL,
///     signerInfos SET OF SignerInfo }
/// ```
/// Some signers (ofdrw's `GBT35275DSContainer`) store the SignedData without the ContentInfo
/// around it; both are read.
struct CMSSignedData {
    /// The outer ContentInfo's type, `nil` for a bare SignedData.
    var outerType: String?
    var version: Int
    var digestAlgorithms: [String]
    /// The encapsulated content's type (GB/T 35275 or PKCS #7 `data`).
    var contentType: String
    /// The encapsulated content, `nil` when detached.
    var content: [UInt8]?
    /// The certificates carried, DER.
    var certificates: [[UInt8]]
    var signers: [CMSSignerInfo]

    init(derEncoded bytes: [UInt8]) throws(CMSFormatError) {
        let root: ASN1Node
        do {
            root = try DER.parse(bytes)
        } catch {
            throw CMSFormatError("not DER (\(error)); BER with indefinite lengths is not read")
        }
        guard root.encodedBytes.count == bytes.count else {
            throw CMSFormatError("\(bytes.count - root.encodedBytes.count) bytes follow the DER value")
        }
        let top = try Self.children(root, "the signed value")
        guard let first = top.first else { throw CMSFormatError("the signed value is an empty SEQUENCE") }
        var signedData = root
        if first.identifier == .objectIdentifier {
            let type = try Self.oid(first, "ContentInfo.contentType")
            guard CMSIdentifiers.isSignedData(type) else {
                throw CMSFormatError("a ContentInfo of type \(CMSIdentifiers.name(type)), not signedData")
            }
            guard top.count == 2, top[1].identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific),
                let inner = try Self.children(top[1], "ContentInfo.content").first
            else {
                throw CMSFormatError("the ContentInfo has no [0] EXPLICIT content")
            }
            outerType = type
            signedData = inner
        } else {
            outerType = nil
        }
        let fields = try Self.children(signedData, "SignedData")
        guard fields.count >= 4 else {
            throw CMSFormatError("SignedData has \(fields.count) fields, at least 4 needed")
        }
        version = try Self.integer(fields[0], "SignedData.version")
        guard fields[1].identifier == .set else { throw CMSFormatError("SignedData.digestAlgorithms is not a SET") }
        digestAlgorithms = try Self.children(fields[1], "digestAlgorithms").map { node throws(CMSFormatError) in
            try Self.algorithm(node, "digestAlgorithms")
        }
        let encapsulated = try Self.children(fields[2], "SignedData.contentInfo")
        guard let typeNode = encapsulated.first else { throw CMSFormatError("SignedData.contentInfo is empty") }
        contentType = try Self.oid(typeNode, "contentInfo.contentType")
        if encapsulated.count > 1 {
            guard encapsulated[1].identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific),
                let octets = try Self.children(encapsulated[1], "contentInfo.content").first,
                octets.identifier == .octetString, case .primitive(let value) = octets.content
            else {
                throw CMSFormatError("contentInfo.content is not [0] EXPLICIT OCTET STRING")
            }
            content = Array(value)
        } else {
            content = nil
        }
        certificates = []
        var signerSet: ASN1Node?
        for field in fields[3...] {
            if field.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
                certificates = try Self.children(field, "certificates").filter { $0.identifier == .sequence }
                    .map { Array($0.encodedBytes) }
            } else if field.identifier == ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific) {
                continue
            } else if field.identifier == .set, signerSet == nil {
                signerSet = field
            } else {
                throw CMSFormatError("SignedData has an unexpected field \(field.identifier)")
            }
        }
        guard let signerSet else { throw CMSFormatError("SignedData has no signerInfos") }
        signers = try Self.children(signerSet, "signerInfos").map { node throws(CMSFormatError) in
            try CMSSignerInfo(node)
        }
    }

    // MARK: Reading helpers, shared with CMSSignerInfo

    static func children(_ node: ASN1Node, _ field: String) throws(CMSFormatError) -> [ASN1Node] {
        guard case .constructed(let nodes) = node.content else { throw CMSFormatError("\(field) is not constructed") }
        return Array(nodes)
    }

    static func oid(_ node: ASN1Node, _ field: String) throws(CMSFormatError) -> String {
        do {
            return try ASN1ObjectIdentifier(derEncoded: node).description
        } catch {
            throw CMSFormatError("\(field) is not an OBJECT IDENTIFIER")
        }
    }

    static func integer(_ node: ASN1Node, _ field: String) throws(CMSFormatError) -> Int {
        do {
            return try Int(derEncoded: node)
        } catch {
            throw CMSFormatError("\(field) is not a small INTEGER")
        }
    }

    /// `AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }`.
    static func algorithm(_ node: ASN1Node, _ field: String) throws(CMSFormatError) -> String {
        guard node.identifier == .sequence, let first = try children(node, field).first else {
            throw CMSFormatError("\(field) is not an AlgorithmIdentifier")
        }
        return try oid(first, field)
    }
}
