import SwiftASN1

/// Which of a SignedData's certificates is the signer's: the one whose issuer `Name` (as
/// encoded) and serial number are those of the SignerInfo's `issuerAndSerialNumber`.
enum CMSCertificateMatch {
    /// The issuer `Name` DER and serial magnitude of a DER certificate, `nil` when unreadable.
    static func issuerAndSerial(of certificate: [UInt8]) -> (issuer: [UInt8], serial: [UInt8])? {
        guard let root = try? DER.parse(certificate), case .constructed(let top) = root.content,
            let tbs = top.first(where: { _ in true }), case .constructed(let fields) = tbs.content
        else { return nil }
        var nodes = Array(fields)
        if let first = nodes.first, first.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
            nodes.removeFirst()
        }
        guard nodes.count >= 3, nodes[0].identifier == .integer, case .primitive(let serial) = nodes[0].content,
            nodes[2].identifier == .sequence
        else { return nil }
        return (Array(nodes[2].encodedBytes), CMSSignerInfo.magnitude(serial))
    }
}
