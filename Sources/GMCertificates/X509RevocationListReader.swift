import Foundation
import GMCrypto
import SwiftASN1
internal import ZhengwuKitSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a `CertificateList` (RFC 5280 §5.1) with swift-asn1, so every malformed part is
/// named precisely. Names are decoded exactly as certificate names are, so a list's
/// issuer compares equal to the issuer of the certificates it covers.
///
/// ```asn1
/// CertificateList ::= SEQUENCE {
///     tbsCertList          TBSCertList,
///     signatureAlgorithm   AlgorithmIdentifier,
///     signatureValue       BIT STRING }
/// TBSCertList ::= SEQUENCE {
///     version              Version OPTIONAL,  -- if present, MUST be v2
///     signature            AlgorithmIdentifier,
///     issuer               Name,
///     thisUpdate           Time,
///     nextUpdate           Time OPTIONAL,
///     revokedCertificates  SEQUENCE OF SEQUENCE {
///         userCertificate      CertificateSerialNumber,
///         revocationDate       Time,
///         crlEntryExtensions   Extensions OPTIONAL } OPTIONAL,
///     crlExtensions        [0] EXPLICIT Extensions OPTIONAL }
/// ```
enum X509RevocationListReader {
    typealias Failure = X509RevocationListError

    static func read(_ der: [UInt8]) throws(Failure) -> X509RevocationList {
        do {
            try X509Envelope.checkOuterLength(der)
        } catch .truncatedDER(let declared, let actual) {
            throw .truncatedDER(declared: declared, actual: actual)
        } catch .trailingData(let count) {
            throw .trailingData(byteCount: count)
        } catch .malformedDER(let detail) {
            throw .malformedDER(detail)
        } catch {
            throw .malformedDER(error.description)
        }
        do {
            return try DER.sequence(DER.parse(der), identifier: .sequence) { nodes in
                guard let tbsNode = nodes.next() else { throw Failure.malformedDER("missing tbsCertList") }
                let outerAlgorithm = try X509Certificate.SignatureAlgorithm(derEncoded: &nodes)
                let bits = try ASN1BitString(derEncoded: &nodes)
                guard bits.paddingBits == 0 else { throw Failure.malformedDER("signature has padding bits") }
                guard nodes.next() == nil else { throw Failure.malformedDER("CertificateList has extra fields") }
                return try list(tbsNode, algorithm: outerAlgorithm, signature: Array(bits.bytes), der: der)
            }
        } catch let error as Failure {
            throw error
        } catch {
            throw .malformedDER(String(describing: error))
        }
    }

    private static func list(
        _ tbsNode: ASN1Node, algorithm: X509Certificate.SignatureAlgorithm, signature: [UInt8], der: [UInt8]
    ) throws -> X509RevocationList {
        try DER.sequence(tbsNode, identifier: .sequence) { nodes in
            var version = 1
            if let node = peek(nodes), node.identifier == .integer {
                _ = nodes.next()
                let value = try Int(derEncoded: node)
                // The field holds the version minus one; Int.max, which has no successor, is named as is.
                guard value == 1 else { throw Failure.unsupportedVersion(value < .max ? value + 1 : value) }
                version = 2
            }
            let innerAlgorithm = try X509Certificate.SignatureAlgorithm(derEncoded: &nodes)
            // RFC 5280 §5.1.1.2: both identifiers must name the same algorithm.
            guard innerAlgorithm.oid == algorithm.oid else {
                throw Failure.malformedDER(
                    "signatureAlgorithm \(algorithm.oid) differs from tbsCertList.signature \(innerAlgorithm.oid)")
            }
            guard let issuerNode = nodes.next() else { throw Failure.malformedDER("missing issuer") }
            let issuer = try name(issuerNode)
            guard let thisUpdateNode = nodes.next() else { throw Failure.malformedDER("missing thisUpdate") }
            let thisUpdate = try time(thisUpdateNode, field: "thisUpdate")
            var nextUpdate: Date?
            if let node = peek(nodes), node.identifier == .utcTime || node.identifier == .generalizedTime {
                _ = nodes.next()
                nextUpdate = try time(node, field: "nextUpdate")
            }
            var entries: [X509RevocationList.Entry] = []
            if let node = peek(nodes), node.identifier == .sequence {
                _ = nodes.next()
                entries = try revokedCertificates(node, version: version)
            }
            let extensions =
                try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) { node in
                    try X509ExtensionsReader.extensions(node)
                } ?? []
            guard nodes.next() == nil else { throw Failure.malformedDER("tbsCertList has unexpected fields") }
            guard version == 2 || extensions.isEmpty else {
                throw Failure.malformedDER("a v1 list carries extensions (RFC 5280 §5.1.2.1 requires v2)")
            }
            let fields = try ListExtensions(extensions)
            var index: [X509Certificate.SerialNumber: Int] = [:]
            index.reserveCapacity(entries.count)
            // A serial listed twice answers with its earliest effective date: the other entry
            // must not hide a revocation (or an invalidity date) that starts sooner.
            for (position, entry) in entries.enumerated() {
                if let kept = index[entry.serialNumber], entries[kept].effectiveDate <= entry.effectiveDate { continue }
                index[entry.serialNumber] = position
            }
            return X509RevocationList(
                version: version, issuer: issuer, thisUpdate: thisUpdate, nextUpdate: nextUpdate,
                crlNumber: fields.crlNumber, authorityKeyIdentifier: fields.authorityKeyIdentifier, entries: entries,
                extensions: extensions, signatureAlgorithm: algorithm, tbsBytes: Array(tbsNode.encodedBytes),
                signature: signature, der: der, index: index, verifiedIssuers: VerifiedIssuers())
        }
    }

    private static func revokedCertificates(_ node: ASN1Node, version: Int) throws -> [X509RevocationList.Entry] {
        guard case .constructed(let children) = node.content else {
            throw Failure.malformedDER("revokedCertificates is not a SEQUENCE")
        }
        var entries: [X509RevocationList.Entry] = []
        for (position, child) in children.enumerated() {
            do {
                entries.append(try entry(child, version: version))
            } catch let error as Failure {
                switch error {
                case .unsupportedCriticalExtension, .malformedEntry: throw error
                default: throw Failure.malformedEntry(index: position, error.message)
                }
            } catch {
                throw Failure.malformedEntry(index: position, String(describing: error))
            }
        }
        return entries
    }

    private static func entry(_ node: ASN1Node, version: Int) throws -> X509RevocationList.Entry {
        try DER.sequence(node, identifier: .sequence) { nodes in
            guard let serialNode = nodes.next() else { throw Failure.malformedDER("missing userCertificate") }
            let serialNumber = try serial(serialNode)
            guard let dateNode = nodes.next() else { throw Failure.malformedDER("missing revocationDate") }
            let revocationDate = try time(dateNode, field: "revocationDate")
            let extensions = try nodes.next().map(X509ExtensionsReader.extensions) ?? []
            guard nodes.next() == nil else { throw Failure.malformedDER("the entry has unexpected fields") }
            guard version == 2 || extensions.isEmpty else {
                throw Failure.malformedDER("entry extensions in a v1 list")
            }
            let fields = try EntryExtensions(extensions)
            return X509RevocationList.Entry(
                serialNumber: serialNumber, revocationDate: revocationDate, reason: fields.reason,
                invalidityDate: fields.invalidityDate, extensions: extensions)
        }
    }

    // MARK: - Fields

    static func peek(_ nodes: ASN1NodeCollection.Iterator) -> ASN1Node? {
        var copy = nodes
        return copy.next()
    }

    /// A `CertificateSerialNumber`, read as certificates' serials are, so an entry's serial
    /// compares equal to the certificate's (negative ones included).
    static func serial(_ node: ASN1Node) throws -> X509Certificate.SerialNumber {
        try X509Certificate.SerialNumber(derEncoded: node)
    }

    /// `Time ::= CHOICE { utcTime UTCTime, generalTime GeneralizedTime }`, strictly DER.
    static func time(_ node: ASN1Node, field: String) throws(Failure) -> Date {
        do {
            return try ASN1Time.date(node)
        } catch {
            throw Failure.malformedDER("\(field) is \(error.reason)")
        }
    }

    /// Decodes a `Name` with the decoder certificate names go through, so the two compare equal.
    static func name(_ node: ASN1Node) throws(Failure) -> X509Certificate.DistinguishedName {
        guard node.identifier == .sequence else { throw .malformedDER("issuer is not a Name") }
        do {
            return try X509Certificate.DistinguishedName(derEncoded: node, field: "issuer")
        } catch .malformedDER(let detail) {
            throw .malformedDER(detail)
        } catch {
            throw .malformedDER(error.description)
        }
    }
}
