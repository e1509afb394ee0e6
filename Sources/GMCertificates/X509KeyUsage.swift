import GMCrypto

extension X509Certificate {
    /// The key usage extension (RFC 5280 §4.2.1.3): what the subject key may be used for.
    public struct KeyUsage: OptionSet, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }

        public static let digitalSignature = Self(rawValue: 1 << 0)
        /// Also called contentCommitment; what seals and signed documents rely on (不可否认).
        public static let nonRepudiation = Self(rawValue: 1 << 1)
        public static let keyEncipherment = Self(rawValue: 1 << 2)
        public static let dataEncipherment = Self(rawValue: 1 << 3)
        public static let keyAgreement = Self(rawValue: 1 << 4)
        /// The subject may sign certificates: required of every issuer in a chain.
        public static let keyCertSign = Self(rawValue: 1 << 5)
        public static let cRLSign = Self(rawValue: 1 << 6)
        public static let encipherOnly = Self(rawValue: 1 << 7)
        public static let decipherOnly = Self(rawValue: 1 << 8)

        /// Each usage with its RFC 5280 name, in the order of the ASN.1 bit string.
        static let named: [(Self, String)] = [
            (.digitalSignature, "digitalSignature"), (.nonRepudiation, "nonRepudiation"),
            (.keyEncipherment, "keyEncipherment"), (.dataEncipherment, "dataEncipherment"),
            (.keyAgreement, "keyAgreement"), (.keyCertSign, "keyCertSign"), (.cRLSign, "cRLSign"),
            (.encipherOnly, "encipherOnly"), (.decipherOnly, "decipherOnly"),
        ]

        /// The RFC 5280 names of the usages set, in bit order.
        public var names: [String] { Self.named.filter { contains($0.0) }.map(\.1) }

        public var description: String { names.joined(separator: ", ") }
    }

    /// One purpose of the extended key usage extension (RFC 5280 §4.2.1.12), by OID.
    public struct ExtendedKeyUsage: Hashable, Sendable, CustomStringConvertible {
        public let oid: String
        public init(oid: String) { self.oid = oid }

        public static let serverAuth = Self(oid: "1.3.6.1.5.5.7.3.1")
        public static let clientAuth = Self(oid: "1.3.6.1.5.5.7.3.2")
        public static let codeSigning = Self(oid: "1.3.6.1.5.5.7.3.3")
        public static let emailProtection = Self(oid: "1.3.6.1.5.5.7.3.4")
        public static let timeStamping = Self(oid: "1.3.6.1.5.5.7.3.8")
        public static let ocspSigning = Self(oid: "1.3.6.1.5.5.7.3.9")

        private static let names: [String: String] = [
            serverAuth.oid: "serverAuth", clientAuth.oid: "clientAuth", codeSigning.oid: "codeSigning",
            emailProtection.oid: "emailProtection", timeStamping.oid: "timeStamping", ocspSigning.oid: "OCSPSigning",
        ]

        /// The RFC 5280 name, or the OID for purposes GMCrypto does not name.
        public var name: String { Self.names[oid] ?? oid }
        public var description: String { name }
    }
}
