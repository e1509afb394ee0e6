import Foundation
import GMCrypto
internal import ZhengwuKitSupport

/// An X.509 v3 certificate (RFC 5280) with an SM2, P-256 or Ed25519 subject key, as
/// issued in Chinese e-government PKIs (GM/T 0015) and by GMCrypto's own
/// ``X509CertificateBuilder``.
///
/// ```swift
/// let certificate = try X509Certificate(pemRepresentation: pem)
/// print(certificate.subject)            // CN=某某市人民政府,O=…,C=CN
/// print(certificate.signatureAlgorithm) // SM3withSM2
/// let ok = certificate.isValidSignature(issuedBy: root)
/// ```
///
/// Every field is read when the value is created, so a certificate that exists is one
/// whose structure, names, extensions and key were all understood. Reading is done in
/// Swift with swift-asn1; OpenSSL only imports the key and judges the extensions.
public struct X509Certificate: Sendable {
    /// The certificate's version: 1, 2 or 3.
    public let version: Int
    public let serialNumber: SerialNumber
    public let subject: DistinguishedName
    public let issuer: DistinguishedName
    /// The start of the validity period (`notBefore`).
    public let notBefore: Date
    /// The end of the validity period (`notAfter`), inclusive.
    public let notAfter: Date
    public let publicKey: PublicKey
    /// The algorithm the issuer signed this certificate with.
    public let signatureAlgorithm: SignatureAlgorithm
    /// The key usage extension, or `nil` when the certificate has none.
    public let keyUsage: KeyUsage?
    /// The extended key usage extension, or `nil` when the certificate has none.
    public let extendedKeyUsage: [ExtendedKeyUsage]?
    /// The basic constraints extension, or `nil` when the certificate has none.
    public let basicConstraints: BasicConstraints?
    public let subjectKeyIdentifier: [UInt8]?
    /// The `keyIdentifier` of the authority key identifier extension.
    public let authorityKeyIdentifier: [UInt8]?
    /// Every extension, in the order of the certificate.
    public let extensions: [Extension]

    let envelope: X509Envelope
    let openSSLHandle: LazyX509Handle
    let der: [UInt8]

    /// The certificate's DER encoding, exactly as it was read or issued.
    public var derRepresentation: Data { Data(der) }

    /// The certificate as one PEM `CERTIFICATE` block.
    public var pemRepresentation: String { PEMBlock(label: "CERTIFICATE", derBytes: Data(der)).pemString }

    /// Whether the certificate may issue certificates (basic constraints `cA` is true).
    public var isCertificateAuthority: Bool { basicConstraints?.isCertificateAuthority ?? false }

    /// Whether subject and issuer are the same name, as in a root.
    public var isSelfIssued: Bool { subject == issuer }
}

extension X509Certificate: Hashable {
    public static func == (lhs: X509Certificate, rhs: X509Certificate) -> Bool { lhs.der == rhs.der }
    public func hash(into hasher: inout Hasher) { hasher.combine(der) }
}

extension X509Certificate: CustomStringConvertible {
    public var description: String {
        "X509Certificate(subject: \(subject), issuer: \(issuer), serial: \(serialNumber))"
    }
}
