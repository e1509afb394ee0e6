import Foundation
import GMCrypto

/// Issues certificate revocation lists (v2, RFC 5280 §5) for a CA whose key is at hand: a
/// department's test CA, a seal maker's small private PKI, and tests.
///
/// ```swift
/// var builder = X509RevocationListBuilder(crlNumber: 7, validFor: 7 * 86_400)
/// builder.revoke(leaf, at: Date(), reason: .keyCompromise)
/// let list = try builder.issue(issuer: caCertificate, issuerKey: .sm2(caKey))
/// try list.pemRepresentation.write(toFile: "ca.crl", atomically: true, encoding: .utf8)
/// ```
///
/// Every list carries a CRL number and an authority key identifier naming the issuer's
/// key. SM2 lists are signed with SM3withSM2 and the ID `1234567812345678`, as the CA's
/// certificates are.
public struct X509RevocationListBuilder: Sendable {
    public var thisUpdate: Date
    /// RFC 5280 requires it; a list without one is never stale, which few verifiers accept.
    public var nextUpdate: Date?
    /// The CRL number, big-endian; increase it with every list the CA issues.
    public var crlNumber: [UInt8]
    /// The certificates revoked. Only the serial number, date, reason and invalidity date
    /// of each are written.
    public var entries: [X509RevocationList.Entry]

    public init(
        thisUpdate: Date, nextUpdate: Date?, crlNumber: [UInt8], entries: [X509RevocationList.Entry] = []
    ) {
        self.thisUpdate = thisUpdate
        self.nextUpdate = nextUpdate
        self.crlNumber = crlNumber
        self.entries = entries
    }

    /// A list issued at `start` (now by default) whose next update is `duration` seconds later.
    public init(crlNumber: UInt64, validFor duration: TimeInterval, from start: Date = Date()) {
        let bytes = withUnsafeBytes(of: crlNumber.bigEndian) { Array($0) }
        self.init(
            thisUpdate: start, nextUpdate: start.addingTimeInterval(duration), crlNumber: Array(bytes.drop { $0 == 0 }))
    }

    /// Adds the certificate with `serialNumber` to the list.
    public mutating func revoke(
        _ serialNumber: X509Certificate.SerialNumber, at date: Date, reason: X509RevocationList.ReasonCode? = nil,
        invalidityDate: Date? = nil
    ) {
        entries.append(
            .init(serialNumber: serialNumber, revocationDate: date, reason: reason, invalidityDate: invalidityDate))
    }

    /// Adds `certificate` to the list.
    public mutating func revoke(
        _ certificate: X509Certificate, at date: Date, reason: X509RevocationList.ReasonCode? = nil,
        invalidityDate: Date? = nil
    ) {
        revoke(certificate.serialNumber, at: date, reason: reason, invalidityDate: invalidityDate)
    }

    /// The list, signed with `issuerKey`, which must be the private key of `issuer`.
    public func issue(issuer: X509Certificate, issuerKey: X509Certificate.PrivateKey) throws(X509RevocationListError)
        -> X509RevocationList
    {
        guard issuerKey.evpKey.matches(issuer.publicKey.evpKey) else {
            throw .invalidIssuanceRequest("the issuer key is not the private key of the issuer certificate")
        }
        if let usage = issuer.keyUsage, !usage.contains(.cRLSign) {
            throw .invalidIssuanceRequest("the issuer's key usage lacks cRLSign, so no verifier would accept its lists")
        }
        if let nextUpdate, nextUpdate <= thisUpdate {
            throw .invalidIssuanceRequest("nextUpdate is not after thisUpdate")
        }
        guard crlNumber.drop(while: { $0 == 0 }).count <= 20 else {
            throw .invalidIssuanceRequest("the CRL number is longer than 20 bytes (RFC 5280 §5.2.3)")
        }
        var seen: Set<X509Certificate.SerialNumber> = []
        for entry in entries {
            guard seen.insert(entry.serialNumber).inserted else {
                throw .invalidIssuanceRequest("serial number \(entry.serialNumber) is listed twice")
            }
            guard entry.reason != .removeFromCRL else {
                throw .invalidIssuanceRequest("removeFromCRL belongs in delta lists, which GMCrypto does not issue")
            }
        }
        return try X509RevocationListIssuance(builder: self).issue(issuer: issuer, issuerKey: issuerKey)
    }
}
