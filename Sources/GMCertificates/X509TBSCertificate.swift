import GMCrypto
import SwiftASN1

/// The fields of a `tbsCertificate`, taken apart with swift-asn1 (RFC 5280 §4.1):
///
/// ```asn1
/// TBSCertificate ::= SEQUENCE {
///     version         [0]  EXPLICIT Version DEFAULT v1,
///     serialNumber         CertificateSerialNumber,
///     signature            AlgorithmIdentifier,
///     issuer               Name,
///     validity             Validity,
///     subject              Name,
///     subjectPublicKeyInfo SubjectPublicKeyInfo,
///     issuerUniqueID  [1]  IMPLICIT UniqueIdentifier OPTIONAL,
///     subjectUniqueID [2]  IMPLICIT UniqueIdentifier OPTIONAL,
///     extensions      [3]  EXPLICIT Extensions OPTIONAL }
/// Validity ::= SEQUENCE { notBefore Time, notAfter Time }
/// ```
///
/// Names, times, the key and the extensions stay nodes here; ``X509Reader`` turns them
/// into values. The structure accepted is the one `d2i_X509` accepts, so a certificate
/// reads the same as when OpenSSL decoded it whole.
struct X509TBSCertificate {
    /// The encoded version number: 0 for v1, 2 for v3.
    let version: Int
    let serialNumber: X509Certificate.SerialNumber
    let signature: X509Certificate.SignatureAlgorithm
    let issuer: ASN1Node
    let notBefore: ASN1Node
    let notAfter: ASN1Node
    let subject: ASN1Node
    let subjectPublicKeyInfo: ASN1Node
    /// The `SEQUENCE OF Extension` inside `[3]`, when present.
    let extensions: ASN1Node?

    private static let versionTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
    private static let issuerUniqueIDTag = ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific)
    private static let subjectUniqueIDTag = ASN1Identifier(tagWithNumber: 2, tagClass: .contextSpecific)
    private static let extensionsTag = ASN1Identifier(tagWithNumber: 3, tagClass: .contextSpecific)

    /// Throws `X509Error` for what it finds wrong, or swift-asn1's error for bad encodings.
    init(_ node: ASN1Node) throws {
        guard node.identifier == .sequence, case .constructed(let children) = node.content else {
            throw X509Error.malformedDER("tbsCertificate is not a SEQUENCE")
        }
        var nodes = children.makeIterator()
        guard var next = nodes.next() else { throw X509Error.malformedDER("empty tbsCertificate") }
        if next.identifier == Self.versionTag {
            version = try DER.explicitlyTagged(next, tagNumber: 0, tagClass: .contextSpecific) { inner in
                try Int(derEncoded: inner)
            }
            // d2i_X509 reads any version, but only v1-v3 exist; checking here also keeps
            // `version + 1` from overflowing on a version of Int.max.
            guard (0...2).contains(version) else {
                throw X509Error.malformedDER("version \(version) is not v1, v2 or v3 (0, 1 or 2)")
            }
            guard let serial = nodes.next() else { throw X509Error.malformedDER("missing serial number") }
            next = serial
        } else {
            version = 0
        }
        guard next.identifier == .integer else { throw X509Error.malformedDER("serial number is not an INTEGER") }
        serialNumber = try X509Certificate.SerialNumber(derEncoded: next)
        signature = try X509Certificate.SignatureAlgorithm(derEncoded: &nodes)
        issuer = try Self.require(&nodes, .sequence, "issuer")
        let validity = try Self.require(&nodes, .sequence, "validity")
        (notBefore, notAfter) = try DER.sequence(validity, identifier: .sequence) { times in
            guard let start = times.next(), let end = times.next(), times.next() == nil else {
                throw X509Error.malformedDER("validity does not hold exactly two times")
            }
            return (start, end)
        }
        subject = try Self.require(&nodes, .sequence, "subject")
        subjectPublicKeyInfo = try Self.require(&nodes, .sequence, "subjectPublicKeyInfo")

        var extensions: ASN1Node?
        var expected = [Self.issuerUniqueIDTag, Self.subjectUniqueIDTag, Self.extensionsTag][...]
        while let optional = nodes.next() {
            while let tag = expected.first, tag != optional.identifier { expected.removeFirst() }
            guard let tag = expected.popFirst() else {
                throw X509Error.malformedDER("unexpected field \(optional.identifier) in tbsCertificate")
            }
            if tag == Self.extensionsTag {
                extensions = try DER.explicitlyTagged(optional, tagNumber: 3, tagClass: .contextSpecific) { $0 }
                guard extensions?.identifier == .sequence else {
                    throw X509Error.malformedDER("extensions are not a SEQUENCE")
                }
            } else {
                _ = try ASN1BitString(derEncoded: optional, withIdentifier: tag)
            }
        }
        self.extensions = extensions
    }

    private static func require(
        _ nodes: inout ASN1NodeCollection.Iterator, _ identifier: ASN1Identifier, _ field: String
    ) throws -> ASN1Node {
        guard let node = nodes.next() else { throw X509Error.malformedDER("missing \(field)") }
        guard node.identifier == identifier else { throw X509Error.malformedDER("\(field) is not a SEQUENCE") }
        return node
    }
}

extension X509Certificate.SerialNumber {
    /// Reads a DER INTEGER (two's complement, minimally encoded) into its magnitude and
    /// sign. Negative serials break RFC 5280 but old CAs issued them, and OpenSSL reads them.
    init(derEncoded node: ASN1Node) throws {
        guard node.identifier == .integer, case .primitive(let bytes) = node.content, let first = bytes.first else {
            throw X509Error.malformedDER("serial number is not an INTEGER")
        }
        if bytes.count > 1 {
            let second = bytes[bytes.startIndex + 1]
            guard !(first == 0x00 && second & 0x80 == 0), !(first == 0xFF && second & 0x80 != 0) else {
                throw X509Error.malformedDER("serial number is not minimally encoded")
            }
        }
        guard first & 0x80 != 0 else {
            self.init(bytes: Array(bytes))
            return
        }
        // Negative: the magnitude is the two's complement of the encoding.
        var magnitude = bytes.map { ~$0 }
        for index in magnitude.indices.reversed() {
            let (sum, overflow) = magnitude[index].addingReportingOverflow(1)
            magnitude[index] = sum
            if !overflow { break }
        }
        self.init(bytes: magnitude, isNegative: true)
    }
}
