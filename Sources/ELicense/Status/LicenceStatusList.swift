import Foundation
import GMCertificates
import GMCrypto
import SwiftASN1
internal import ZhengwuKitSupport

/// An issuer-signed list of licence statuses (证照状态列表): like an X.509 CRL for licences,
/// keyed by licence identifier. The format is ZhengwuKit's own (no national format is public):
/// DER per `Specs/elicense/licence-status-list.asn`, signed with SM2 over SM3.
///
/// ```swift
/// let list = try LicenceStatusList.issue(
///     issuerName: "北京市市场监督管理局", issuerCode: "11110000000012343B",
///     entries: [.init(identifier: id, status: .revoked, changedAt: now)],
///     thisUpdate: now, nextUpdate: now + 86_400, key: key, certificate: certificate)
/// let read = try LicenceStatusList(derEncoded: list.derRepresentation)
/// read.hasValidSignature       // true
/// read.entry(for: id)?.status  // .revoked
/// ```
public struct LicenceStatusList: Sendable, Hashable {
    /// The OID of SM3withSM2, the only signature algorithm accepted.
    public static let signatureAlgorithm = "1.2.156.10197.1.501"

    /// 颁发机构 and its code ("" when the list covers several issuers).
    public let issuerName: String
    public let issuerCode: String
    /// When the list was made, and when the next one is due: after `nextUpdate` it is stale.
    public let thisUpdate: Date
    public let nextUpdate: Date
    public let entries: [Entry]
    /// The signer's DER certificate.
    public let issuerCertificate: [UInt8]
    /// The list's encoding, exactly as read or made.
    public let derRepresentation: [UInt8]
    /// The bytes signed: DER of `tbsList` as encoded.
    let signedBytes: [UInt8]
    let signatureValue: [UInt8]

    /// One licence's status.
    public struct Entry: Sendable, Hashable, Codable {
        /// The licence identifier (canonical form).
        public let identifier: String
        public let status: LicenceStatus
        /// When the status took effect.
        public let changedAt: Date
        public let reason: String?

        public init(identifier: LicenceIdentifier, status: LicenceStatus, changedAt: Date, reason: String? = nil) {
            self.identifier = identifier.rawValue
            self.status = status
            self.changedAt = changedAt
            self.reason = reason
        }

        init(unchecked identifier: String, status: LicenceStatus, changedAt: Date, reason: String?) {
            self.identifier = identifier
            self.status = status
            self.changedAt = changedAt
            self.reason = reason
        }
    }

    /// The entry for `identifier`, or nil when the list does not name it (not listed means in force).
    public func entry(for identifier: LicenceIdentifier) -> Entry? {
        entries.first { $0.identifier == identifier.rawValue }
    }

    /// Whether the list's signature verifies with the public key of its own certificate.
    /// (Whether that certificate is one to trust is the caller's question: see ``LicenceVerifier``.)
    public var hasValidSignature: Bool {
        guard let certificate = try? X509Certificate(derRepresentation: issuerCertificate),
            case .sm2(let key) = certificate.publicKey,
            let signature = try? SM2.Signing.Signature(derRepresentation: signatureValue)
        else { return false }
        return key.isValidSignature(signature, for: signedBytes)
    }

    /// Whether the list is current at `time`: thisUpdate ≤ time < nextUpdate.
    public func isCurrent(at time: Date) -> Bool { thisUpdate <= time && time < nextUpdate }

    /// Makes and signs a list. Entries are sorted by identifier, one per licence.
    public static func issue(
        issuerName: String, issuerCode: String, entries: [Entry], thisUpdate: Date = Date(), nextUpdate: Date,
        key: SM2.Signing.PrivateKey, certificate: X509Certificate
    ) throws(ELicenseError) -> LicenceStatusList {
        guard nextUpdate > thisUpdate else {
            throw .invalidParameter("nextUpdate must be after thisUpdate")
        }
        guard case .sm2(let certified) = certificate.publicKey,
            certified.rawRepresentation == key.publicKey.rawRepresentation
        else {
            throw .signing("the key is not the key of the certificate \(certificate.subject)")
        }
        let sorted = entries.sorted { $0.identifier < $1.identifier }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous.identifier == next.identifier {
            throw .invalidParameter("the licence \(next.identifier) is listed twice")
        }
        do {
            let tbs = TBSStatusList(
                issuerName: issuerName, issuerCode: issuerCode, thisUpdate: try ASN1Time.generalizedTime(thisUpdate),
                nextUpdate: try ASN1Time.generalizedTime(nextUpdate), entries: try sorted.map(StatusEntryDER.init),
                issuerCertificate: Array(certificate.derRepresentation))
            var serializer = DER.Serializer()
            try serializer.serialize(tbs)
            let signedBytes = serializer.serializedBytes
            let signature = try key.signature(for: signedBytes)
            let list = StatusListDER(
                tbsBytes: signedBytes, algorithm: try ASN1ObjectIdentifier(dotRepresentation: signatureAlgorithm),
                signature: Array(signature.derRepresentation))
            var outer = DER.Serializer()
            try outer.serialize(list)
            return try LicenceStatusList(derEncoded: outer.serializedBytes)
        } catch let error as ELicenseError {
            throw error
        } catch {
            throw .invalidStatusList("could not encode: \(error)")
        }
    }

    /// Reads a list (DER). Refuses any other
    /// signature algorithm, malformed identifiers and unknown status codes.
    public init(derEncoded bytes: some Collection<UInt8>) throws(ELicenseError) {
        let encoding = Array(bytes)
        do {
            let list = try StatusListDER(derEncoded: encoding)
            guard list.algorithm.description == Self.signatureAlgorithm else {
                throw ELicenseError.invalidStatusList(
                    "signature algorithm \(list.algorithm) is not SM3withSM2 (\(Self.signatureAlgorithm))")
            }
            let tbs = try TBSStatusList(derEncoded: list.tbsBytes)
            self.issuerName = tbs.issuerName
            self.issuerCode = tbs.issuerCode
            self.thisUpdate = ASN1Time.date(tbs.thisUpdate)
            self.nextUpdate = ASN1Time.date(tbs.nextUpdate)
            self.entries = try tbs.entries.map { entry throws(ELicenseError) in try entry.entry() }
            self.issuerCertificate = tbs.issuerCertificate
            self.signedBytes = list.tbsBytes
            self.signatureValue = list.signature
            self.derRepresentation = encoding
        } catch let error as ELicenseError {
            throw error
        } catch {
            throw .invalidStatusList(
                "not a licence status list (DER per Specs/elicense/licence-status-list.asn): "
                    + ASN1FailureText.describe(error))
        }
    }
}
