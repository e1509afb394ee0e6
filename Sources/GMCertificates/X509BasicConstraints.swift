import GMCrypto

extension X509Certificate {
    /// The basic constraints extension (RFC 5280 §4.2.1.9).
    ///
    /// ```asn1
    /// BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }
    /// ```
    public struct BasicConstraints: Hashable, Sendable {
        /// Whether the subject is a certification authority.
        public let isCertificateAuthority: Bool
        /// How many intermediate CA certificates may follow this one in a path; `nil` for no limit.
        public let pathLengthConstraint: Int?

        public init(isCertificateAuthority: Bool, pathLengthConstraint: Int? = nil) {
            self.isCertificateAuthority = isCertificateAuthority
            self.pathLengthConstraint = pathLengthConstraint
        }
    }
}
