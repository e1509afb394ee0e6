import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore
import ZhengwuKitSupport

/// What `zwkit cert crl show` prints about one list, as text lines or one JSON object.
struct RevocationListReport: Encodable {
    struct Entry: Encodable {
        let serialNumber: String
        let revocationDate: String
        let reason: String?
        let reasonChineseTerm: String?
        let invalidityDate: String?
    }

    let issuer: String
    let version: Int
    let thisUpdate: String
    let nextUpdate: String?
    let crlNumber: String?
    let authorityKeyIdentifier: String?
    let signatureAlgorithm: String
    let signatureAlgorithmOID: String
    let extensions: [String]
    let entries: [Entry]

    init(_ list: X509RevocationList) {
        issuer = list.issuer.description
        version = list.version
        thisUpdate = Timestamp.format(list.thisUpdate)
        nextUpdate = list.nextUpdate.map(Timestamp.format)
        crlNumber = list.crlNumberDescription
        authorityKeyIdentifier = list.authorityKeyIdentifier.map(Hex.encode)
        signatureAlgorithm = list.signatureAlgorithm.name
        signatureAlgorithmOID = list.signatureAlgorithm.oid
        extensions = list.extensions.map { $0.oid + ($0.isCritical ? " (critical)" : "") }
        entries = list.entries.map { entry in
            Entry(
                serialNumber: entry.serialNumber.description, revocationDate: Timestamp.format(entry.revocationDate),
                reason: entry.reason?.name, reasonChineseTerm: entry.reason?.chineseTerm,
                invalidityDate: entry.invalidityDate.map(Timestamp.format))
        }
    }

    var lines: [String] {
        var lines = [
            "Issuer:              \(issuer)",
            "Version:             \(version)",
            "This update:         \(thisUpdate)",
            "Next update:         \(nextUpdate ?? "(none)")",
        ]
        if let crlNumber { lines.append("CRL number:          \(crlNumber)") }
        if let authorityKeyIdentifier { lines.append("Authority key ID:    \(authorityKeyIdentifier)") }
        lines.append("Signature algorithm: \(signatureAlgorithm) (\(signatureAlgorithmOID))")
        lines.append("Revoked:             \(entries.count) certificate(s)")
        for entry in entries {
            var line = "  \(entry.serialNumber)  \(entry.revocationDate)"
            if let reason = entry.reason, let term = entry.reasonChineseTerm { line += "  \(reason) (\(term))" }
            if let invalidityDate = entry.invalidityDate { line += "  invalid since \(invalidityDate)" }
            lines.append(line)
        }
        return lines
    }
}
