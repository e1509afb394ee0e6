import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore

/// The four status-list lines: signature, signer, freshness, and the licence's status.
/// A stale or wrongly signed list fails; it is never silently ignored.
struct StatusChecks {
    let list: LicenceStatusList
    let trustAnchors: [X509Certificate]
    let intermediates: [X509Certificate]
    let authorities: [X509Certificate]
    let mode: VerificationMode
    let time: Date

    func run(identifier: String, issuerCode: String, licenceSigner: [UInt8]?) -> [CheckResult<LicenceCheck>] {
        [signature(), issuer(licenceSigner: licenceSigner), freshness(), status(identifier)]
    }

    func signature() -> CheckResult<LicenceCheck> {
        list.hasValidSignature
            ? CheckResult(.statusListSignature, .passed, "SM2 signature of \(list.issuerName) verifies")
            : CheckResult(
                .statusListSignature, .failed,
                "the list's SM2 signature does not verify with its certificate: altered, or signed by another key")
    }

    func issuer(licenceSigner: [UInt8]?) -> CheckResult<LicenceCheck> {
        // A list speaks for a licence only when the licence's own signer signed it (same key),
        // or a status authority the caller named: a certificate from the same CA is not enough,
        // or any holder of one could revoke, or reinstate, another office's licences.
        guard let certificate = try? X509Certificate(derRepresentation: list.issuerCertificate) else {
            return CheckResult(.statusListIssuer, .failed, "the list's certificate cannot be read")
        }
        let signerKey = licenceSigner.flatMap { try? X509Certificate(derRepresentation: $0) }.map(Self.keyBytes)
        let authorised =
            (signerKey != nil && signerKey == Self.keyBytes(certificate))
            || authorities.contains { Self.keyBytes($0) == Self.keyBytes(certificate) }
        guard authorised else {
            return CheckResult(
                .statusListIssuer, .failed,
                "the list is signed by \(certificate.subject), which neither sealed this licence nor is a status authority given to the verifier"
            )
        }
        if mode == .integrityOnly {
            return CheckResult(.statusListIssuer, .notChecked, "integrity-only verification: signer not checked")
        }
        guard !trustAnchors.isEmpty else {
            return CheckResult(.statusListIssuer, .notChecked, "no trust anchors given (未验证信任链)")
        }
        switch X509Verifier(trustRoots: trustAnchors).verify(certificate, intermediates: intermediates, at: time) {
        case .valid:
            return CheckResult(.statusListIssuer, .passed, "\(certificate.subject) chains to a trust anchor")
        case .invalid(let failure):
            return CheckResult(.statusListIssuer, .failed, "the list's signer is not trusted: \(failure)")
        }
    }

    static func keyBytes(_ certificate: X509Certificate) -> [UInt8] {
        guard case .sm2(let key) = certificate.publicKey else { return Array(certificate.derRepresentation) }
        return Array(key.rawRepresentation)
    }

    func freshness() -> CheckResult<LicenceCheck> {
        let window = "\(LicenceTime.format(list.thisUpdate)) to \(LicenceTime.format(list.nextUpdate))"
        if time < list.thisUpdate {
            return CheckResult(
                .statusListFreshness, .failed, "the list is not yet in force at the verification time (\(window))")
        }
        if time >= list.nextUpdate {
            return CheckResult(
                .statusListFreshness, .failed,
                "the list is stale: its next update was due \(LicenceTime.format(list.nextUpdate))")
        }
        return CheckResult(.statusListFreshness, .passed, "current (\(window))")
    }

    func status(_ identifier: String) -> CheckResult<LicenceCheck> {
        guard let entry = list.entries.first(where: { $0.identifier == identifier }) else {
            return CheckResult(.status, .passed, "not listed: \(LicenceStatus.valid)")
        }
        let since = "since \(LicenceTime.format(entry.changedAt))" + (entry.reason.map { ", \($0)" } ?? "")
        guard entry.status.isInForce else {
            return CheckResult(.status, .failed, "\(entry.status) \(since)")
        }
        return CheckResult(.status, .passed, "\(entry.status) \(since)")
    }
}
