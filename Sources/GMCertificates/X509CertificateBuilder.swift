import Foundation
import GMCrypto

/// Issues SM2 (and P-256, Ed25519) certificates: self-signed roots, intermediate CAs and
/// leaves, for tests, examples, seal makers and private e-government PKIs.
///
/// ```swift
/// let rootKey = SM2.Signing.PrivateKey()
/// let root = try X509CertificateBuilder.certificateAuthority(
///     subject: [.country("CN"), .organization("某某市人民政府"), .commonName("某某市测试根 CA")],
///     validFor: 3650 * 86_400
/// ).selfSigned(with: .sm2(rootKey))
/// let leaf = try X509CertificateBuilder.endEntity(subject: [.country("CN"), .commonName("经办人")], validFor: 365 * 86_400)
///     .issue(for: .sm2(leafKey.publicKey), issuer: root, issuerKey: .sm2(rootKey))
/// ```
///
/// SM2 certificates are signed with SM3withSM2 and the ID `1234567812345678`, so
/// `openssl verify -vfyopt distid:1234567812345678`, GmSSL and BouncyCastle accept them.
/// Every certificate carries a subject key identifier, and an authority key identifier
/// naming the issuer's key.
public struct X509CertificateBuilder: Sendable {
    public var subject: X509Certificate.DistinguishedName
    /// `nil` issues a random positive 16-byte serial, as RFC 5280 §4.1.2.2 recommends.
    public var serialNumber: X509Certificate.SerialNumber?
    public var notBefore: Date
    public var notAfter: Date
    /// Written as a critical extension when the subject is a CA; `nil` omits the extension.
    public var basicConstraints: X509Certificate.BasicConstraints?
    /// Written as a critical extension; `nil` omits it.
    public var keyUsage: X509Certificate.KeyUsage?
    /// Written as a non-critical extension when not empty.
    public var extendedKeyUsage: [X509Certificate.ExtendedKeyUsage]

    public init(
        subject: X509Certificate.DistinguishedName,
        serialNumber: X509Certificate.SerialNumber? = nil,
        notBefore: Date,
        notAfter: Date,
        basicConstraints: X509Certificate.BasicConstraints? = nil,
        keyUsage: X509Certificate.KeyUsage? = nil,
        extendedKeyUsage: [X509Certificate.ExtendedKeyUsage] = []
    ) {
        self.subject = subject
        self.serialNumber = serialNumber
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.basicConstraints = basicConstraints
        self.keyUsage = keyUsage
        self.extendedKeyUsage = extendedKeyUsage
    }

    /// A CA certificate (root or intermediate): `cA` true, the given path length, and the
    /// key usages `keyCertSign` and `cRLSign`; valid from now for `duration` seconds.
    public static func certificateAuthority(
        subject: X509Certificate.DistinguishedName,
        pathLengthConstraint: Int? = nil,
        validFor duration: TimeInterval,
        from start: Date = Date()
    ) -> Self {
        Self(
            subject: subject, notBefore: start, notAfter: start.addingTimeInterval(duration),
            basicConstraints: .init(isCertificateAuthority: true, pathLengthConstraint: pathLengthConstraint),
            keyUsage: [.keyCertSign, .cRLSign]
        )
    }

    /// A leaf for signing (a seal holder, an official, a system): `cA` false and the key
    /// usages `digitalSignature` and `nonRepudiation`; valid from now for `duration` seconds.
    public static func endEntity(
        subject: X509Certificate.DistinguishedName,
        validFor duration: TimeInterval,
        from start: Date = Date()
    ) -> Self {
        Self(
            subject: subject, notBefore: start, notAfter: start.addingTimeInterval(duration),
            basicConstraints: .init(isCertificateAuthority: false), keyUsage: [.digitalSignature, .nonRepudiation]
        )
    }

    /// A certificate for `key`'s own public key, signed by `key`, with issuer = subject.
    public func selfSigned(with key: X509Certificate.PrivateKey) throws(X509Error) -> X509Certificate {
        try validate()
        return try X509Issuance(builder: self).issue(subjectKey: key.evpKey, issuer: nil, issuerKey: key)
    }

    /// A certificate for `subjectKey`, issued by `issuer` and signed with `issuerKey`,
    /// which must be the private key of `issuer`'s public key.
    public func issue(
        for subjectKey: X509Certificate.PublicKey,
        issuer: X509Certificate,
        issuerKey: X509Certificate.PrivateKey
    ) throws(X509Error) -> X509Certificate {
        try validate()
        guard issuerKey.evpKey.matches(issuer.publicKey.evpKey) else {
            throw .invalidIssuanceRequest("the issuer key is not the private key of the issuer certificate")
        }
        return try X509Issuance(builder: self).issue(
            subjectKey: subjectKey.evpKey, issuer: issuer, issuerKey: issuerKey)
    }

    private func validate() throws(X509Error) {
        guard !subject.isEmpty else { throw .invalidIssuanceRequest("the subject name is empty") }
        guard notBefore < notAfter else { throw .invalidIssuanceRequest("notBefore is not before notAfter") }
        if let serialNumber, serialNumber.isNegative || serialNumber.bytes.count > 20 || serialNumber.bytes == [0] {
            throw .invalidIssuanceRequest("the serial number must be positive and at most 20 bytes (RFC 5280)")
        }
        if let constraints = basicConstraints, let length = constraints.pathLengthConstraint {
            guard constraints.isCertificateAuthority, length >= 0 else {
                throw .invalidIssuanceRequest("a path length constraint needs a CA and a non-negative value")
            }
        }
    }
}
