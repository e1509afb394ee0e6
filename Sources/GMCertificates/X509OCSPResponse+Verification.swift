internal import CZhengwuKitOpenSSL
import Foundation
import GMCrypto
import SwiftASN1

extension X509OCSPResponse {
    /// The status of `certificate` at `time`, from a response whose signature and
    /// responder are verified: the issuer itself, or a certificate the issuer signed with
    /// the `OCSPSigning` extended key usage, valid at `time` (RFC 6960 §4.2.2.2).
    ///
    /// The answer must be current at `time`: `thisUpdate` at or before it (unless
    /// `acceptsLaterResponses`, for checking a past time with a later answer) and
    /// `nextUpdate`, when present, not before it. SM2 signatures use the ID `1234567812345678`.
    public func status(
        of certificate: X509Certificate, issuedBy issuer: X509Certificate, at time: Date,
        clockSkew: TimeInterval = 0, acceptsLaterResponses: Bool = false
    ) throws(X509OCSPError) -> CertificateStatus {
        // A CertID names the issuer and a serial, so the certificate must really be the
        // issuer's: another CA's certificate with the same serial would otherwise get its answer.
        guard certificate.issuer == issuer.subject else { throw .certificateNotIssuedBy }
        try validateSignature(issuedBy: issuer, at: time)
        guard let answer = response(for: certificate, issuedBy: issuer) else { throw .noResponseForCertificate }
        guard certificate.isValidSignature(issuedBy: issuer) else { throw .certificateNotIssuedBy }
        if !acceptsLaterResponses, answer.thisUpdate > time.addingTimeInterval(clockSkew) {
            throw .notYetValid(thisUpdate: answer.thisUpdate)
        }
        if let nextUpdate = answer.nextUpdate, nextUpdate < time.addingTimeInterval(-clockSkew) {
            throw .expired(nextUpdate: nextUpdate)
        }
        // A revocation after the time asked about did not affect the certificate then.
        if case .revoked(let date, _) = answer.status, date > time { return .good }
        return answer.status
    }

    /// The single response whose `CertID` names `certificate` as issued by `issuer`; nil too
    /// when `certificate` names another issuer. Only ``status(of:issuedBy:at:clockSkew:acceptsLaterResponses:)``
    /// also checks the signatures. Of several answers about the certificate, a revocation (the
    /// earliest) comes before "unknown", which comes before "good": none may hide a worse one.
    public func response(for certificate: X509Certificate, issuedBy issuer: X509Certificate) -> SingleResponse? {
        guard certificate.issuer == issuer.subject, let parts = try? X509IssuerParts(issuer) else { return nil }
        let answers = responses.filter { answer in
            let id = answer.certID
            guard id.serialNumber == certificate.serialNumber,
                let nameHash = X509OCSPHash.digest(id.hashAlgorithm, parts.subject),
                let keyHash = X509OCSPHash.digest(id.hashAlgorithm, parts.publicKey)
            else { return false }
            return nameHash == id.issuerNameHash && keyHash == id.issuerKeyHash
        }
        return answers.min { Self.precedes($0.status, $1.status) }
    }

    /// Whether `lhs` is the worse answer: revoked (earlier first), then unknown, then good.
    private static func precedes(_ lhs: CertificateStatus, _ rhs: CertificateStatus) -> Bool {
        switch (lhs, rhs) {
        case (.revoked(let left, _), .revoked(let right, _)): return left < right
        case (.revoked, _): return true
        case (.unknown, .good): return true
        default: return false
        }
    }

    /// Checks that the issuer or a responder it authorised signed the response.
    public func validateSignature(issuedBy issuer: X509Certificate, at time: Date) throws(X509OCSPError) {
        let responder = try self.responder(for: issuer, at: time)
        switch X509Certificate.checkSignature(
            signature, algorithm: signatureAlgorithm, over: tbsBytes, with: responder.publicKey)
        {
        case .valid: return
        case .invalid: throw .badSignature
        case .unsupported(let detail): throw .unsupportedSignatureAlgorithm(detail)
        }
    }

    private func responder(for issuer: X509Certificate, at time: Date) throws(X509OCSPError) -> X509Certificate {
        if identifies(issuer) { return issuer }
        for candidate in certificates where identifies(candidate) {
            guard candidate.isValidSignature(issuedBy: issuer),
                candidate.extendedKeyUsage?.contains(.ocspSigning) == true,
                candidate.notBefore <= time, time <= candidate.notAfter
            else { continue }
            return candidate
        }
        throw .responderNotAuthorized
    }

    private func identifies(_ certificate: X509Certificate) -> Bool {
        switch responderID {
        case .byName(let name): return name == certificate.subject
        case .byKey(let hash):
            guard let parts = try? X509IssuerParts(certificate) else { return false }
            return X509OCSPHash.digest(X509OCSPHash.sha1, parts.publicKey) == hash
        }
    }
}

/// The DER of a certificate's subject and the bits of its public key, which a `CertID`
/// and a `ResponderID` hash.
struct X509IssuerParts {
    let subject: [UInt8]
    let publicKey: [UInt8]

    init(_ certificate: X509Certificate) throws {
        let tbs = try X509TBSCertificate(
            DER.sequence(DER.parse(certificate.der), identifier: .sequence) { nodes in
                guard let tbs = nodes.next() else { throw X509OCSPError.malformed("no tbsCertificate") }
                while nodes.next() != nil {}
                return tbs
            })
        subject = Array(tbs.subject.encodedBytes)
        publicKey = try DER.sequence(tbs.subjectPublicKeyInfo, identifier: .sequence) { nodes in
            _ = nodes.next()
            return Array(try ASN1BitString(derEncoded: &nodes).bytes)
        }
    }
}

enum X509OCSPHash {
    static let sha1 = "1.3.14.3.2.26"
    static let sha256 = "2.16.840.1.101.3.4.2.1"
    static let sm3 = "1.2.156.10197.1.401"

    /// The `CertID` hash of `bytes`, or nil for an algorithm GMCrypto does not use for CertIDs.
    static func digest(_ algorithm: String, _ bytes: [UInt8]) -> [UInt8]? {
        let md: OpaquePointer?
        switch algorithm {
        case sha1: md = EVP_sha1()
        case sha256: md = FetchedAlgorithms.sha256
        case sm3: md = FetchedAlgorithms.sm3
        default: return nil
        }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_Digest(bytes, bytes.count, &output, &length, md, nil) == 1 else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        return Array(output.prefix(Int(length)))
    }
}
