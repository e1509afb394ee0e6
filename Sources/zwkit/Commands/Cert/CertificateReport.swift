import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore
import ZhengwuKitSupport

/// What `zwkit cert show` prints about one certificate, as text lines or one JSON object.
struct CertificateReport: Encodable {
    struct Attribute: Encodable {
        let type: String
        let oid: String
        let value: String
    }

    let subject: String
    let subjectAttributes: [Attribute]
    let issuer: String
    let issuerAttributes: [Attribute]
    let version: Int
    let serialNumber: String
    let notBefore: String
    let notAfter: String
    let publicKeyAlgorithm: String
    let signatureAlgorithm: String
    let signatureAlgorithmOID: String
    let isCertificateAuthority: Bool?
    let pathLengthConstraint: Int?
    let keyUsage: [String]?
    let extendedKeyUsage: [String]?
    let subjectKeyIdentifier: String?
    let authorityKeyIdentifier: String?
    let sha256Fingerprint: String
    let sm3Fingerprint: String

    init(_ certificate: X509Certificate) {
        subject = certificate.subject.description
        subjectAttributes = Self.attributes(certificate.subject)
        issuer = certificate.issuer.description
        issuerAttributes = Self.attributes(certificate.issuer)
        version = certificate.version
        serialNumber = certificate.serialNumber.description
        notBefore = Timestamp.format(certificate.notBefore)
        notAfter = Timestamp.format(certificate.notAfter)
        publicKeyAlgorithm = certificate.publicKey.algorithmName
        signatureAlgorithm = certificate.signatureAlgorithm.name
        signatureAlgorithmOID = certificate.signatureAlgorithm.oid
        isCertificateAuthority = certificate.basicConstraints?.isCertificateAuthority
        pathLengthConstraint = certificate.basicConstraints?.pathLengthConstraint
        keyUsage = certificate.keyUsage?.names
        extendedKeyUsage = certificate.extendedKeyUsage?.map(\.name)
        subjectKeyIdentifier = certificate.subjectKeyIdentifier.map(Hex.encode)
        authorityKeyIdentifier = certificate.authorityKeyIdentifier.map(Hex.encode)
        sha256Fingerprint = Hex.encode(certificate.sha256Fingerprint)
        sm3Fingerprint = Hex.encode(certificate.sm3Fingerprint)
    }

    var lines: [String] {
        var lines = [
            "Subject:             \(subject)",
            "Issuer:              \(issuer)",
            "Version:             \(version)",
            "Serial number:       \(serialNumber)",
            "Not before:          \(notBefore)",
            "Not after:           \(notAfter)",
            "Public key:          \(publicKeyAlgorithm)",
            "Signature algorithm: \(signatureAlgorithm) (\(signatureAlgorithmOID))",
        ]
        if let isCertificateAuthority {
            let pathLength = pathLengthConstraint.map { ", pathLen:\($0)" } ?? ""
            lines.append("Basic constraints:   CA:\(isCertificateAuthority ? "TRUE" : "FALSE")\(pathLength)")
        }
        if let keyUsage { lines.append("Key usage:           \(keyUsage.joined(separator: ", "))") }
        if let extendedKeyUsage { lines.append("Extended key usage:  \(extendedKeyUsage.joined(separator: ", "))") }
        if let subjectKeyIdentifier { lines.append("Subject key ID:      \(subjectKeyIdentifier)") }
        if let authorityKeyIdentifier { lines.append("Authority key ID:    \(authorityKeyIdentifier)") }
        lines.append("SHA-256 fingerprint: \(sha256Fingerprint)")
        lines.append("SM3 fingerprint:     \(sm3Fingerprint)")
        return lines
    }

    private static func attributes(_ name: X509Certificate.DistinguishedName) -> [Attribute] {
        name.attributes.map { Attribute(type: $0.type.shortName, oid: $0.type.oid, value: $0.value) }
    }
}
