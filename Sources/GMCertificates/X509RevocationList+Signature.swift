import Foundation
import GMCrypto

extension X509RevocationList {
    /// Whether `issuer` issued this list: the names agree, the authority key identifier
    /// (when both sides carry one) names `issuer`'s key, its key usage (when present)
    /// includes `cRLSign`, and its key verifies the signature.
    ///
    /// The signature is checked by GMCrypto over the exact `tbsCertList` bytes, under the
    /// same rules as certificates: the algorithm must belong to the key, and SM2 uses the ID
    /// `1234567812345678`. OpenSSL's own `X509_CRL_verify` cannot be used: in 3.0 it
    /// verifies SM2 with an empty ID, and a CRL has no place to set another.
    public func isValidSignature(issuedBy issuer: X509Certificate) -> Bool {
        (try? validateSignature(issuedBy: issuer)) != nil
    }

    /// ``isValidSignature(issuedBy:)`` that says why the list was not accepted.
    public func validateSignature(issuedBy issuer: X509Certificate) throws(X509RevocationListError) {
        guard self.issuer == issuer.subject else {
            throw .wrongIssuer(expected: issuer.subject, found: self.issuer)
        }
        if let authority = authorityKeyIdentifier, let subject = issuer.subjectKeyIdentifier, authority != subject {
            throw .badSignature
        }
        if let usage = issuer.keyUsage, !usage.contains(.cRLSign) {
            throw .issuerMayNotSignLists
        }
        if verifiedIssuers.contains(issuer) { return }
        switch X509Certificate.checkSignature(
            signature, algorithm: signatureAlgorithm, over: tbsBytes, with: issuer.publicKey)
        {
        case .valid: verifiedIssuers.insert(issuer)
        case .invalid: throw .badSignature
        case .unsupported(let detail): throw .unsupportedSignatureAlgorithm(detail)
        }
    }
}

/// The issuers whose key has verified one list's signature. A service checks the same
/// list for every document it verifies; checking a large list's signature costs SM3 over
/// its whole `tbsCertList` (about 14 ms for 50 000 entries), so it is done once per issuer.
/// A list is immutable, so what verified once verifies forever.
final class VerifiedIssuers: @unchecked Sendable {
    private let lock = NSLock()
    private var issuers: [X509Certificate] = []

    func contains(_ issuer: X509Certificate) -> Bool {
        lock.withLock { issuers.contains(issuer) }
    }

    func insert(_ issuer: X509Certificate) {
        lock.withLock {
            // A list has one issuer, maybe under a few certificates (re-keyed, cross-certified).
            if issuers.count >= 4 { issuers.removeFirst() }
            issuers.append(issuer)
        }
    }
}
