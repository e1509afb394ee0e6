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
        switch X509Certificate.checkSignature(
            signature, algorithm: signatureAlgorithm, over: tbsBytes, with: issuer.publicKey)
        {
        case .valid: return
        case .invalid: throw .badSignature
        case .unsupported(let detail): throw .unsupportedSignatureAlgorithm(detail)
        }
    }
}
