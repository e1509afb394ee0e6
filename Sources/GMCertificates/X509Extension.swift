import GMCrypto

extension X509Certificate {
    /// One extension as it appears in the certificate, whether or not GMCrypto interprets it.
    public struct Extension: Hashable, Sendable {
        /// The dotted OID of `extnID`.
        public let oid: String
        public let isCritical: Bool
        /// The DER inside `extnValue`.
        public let value: [UInt8]

        public init(oid: String, isCritical: Bool, value: [UInt8]) {
            self.oid = oid
            self.isCritical = isCritical
            self.value = value
        }
    }
}

extension X509Certificate.Extension {
    static let subjectKeyIdentifier = "2.5.29.14"
    static let keyUsage = "2.5.29.15"
    static let subjectAltName = "2.5.29.17"
    static let basicConstraints = "2.5.29.19"
    static let certificatePolicies = "2.5.29.32"
    static let authorityKeyIdentifier = "2.5.29.35"
    static let extendedKeyUsage = "2.5.29.37"
}
