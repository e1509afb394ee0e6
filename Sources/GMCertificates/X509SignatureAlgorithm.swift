import GMCrypto
import SwiftASN1

extension X509Certificate {
    /// The algorithm an issuer signed a certificate with, identified by its OID.
    ///
    /// ```asn1
    /// AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }
    /// ```
    /// Parameters must be absent or NULL: every algorithm GMCrypto verifies defines none,
    /// and real SM2 seals are found with both encodings.
    public struct SignatureAlgorithm: Hashable, Sendable, CustomStringConvertible {
        /// The dotted OID, e.g. `1.2.156.10197.1.501`.
        public let oid: String

        public init(oid: String) { self.oid = oid }

        /// SM3withSM2, GM/T 0006 / GB/T 35276 (`1.2.156.10197.1.501`).
        public static let sm3WithSM2 = Self(oid: "1.2.156.10197.1.501")
        /// ecdsa-with-SHA256, RFC 5758.
        public static let ecdsaWithSHA256 = Self(oid: "1.2.840.10045.4.3.2")
        /// ecdsa-with-SHA384, RFC 5758.
        public static let ecdsaWithSHA384 = Self(oid: "1.2.840.10045.4.3.3")
        /// ecdsa-with-SHA512, RFC 5758.
        public static let ecdsaWithSHA512 = Self(oid: "1.2.840.10045.4.3.4")
        /// Ed25519, RFC 8410.
        public static let ed25519 = Self(oid: "1.3.101.112")
        /// sha256WithRSAEncryption, RFC 4055 (named so it displays; GMCrypto verifies no RSA).
        public static let sha256WithRSAEncryption = Self(oid: "1.2.840.113549.1.1.11")

        private static let names: [String: String] = [
            sm3WithSM2.oid: "SM3withSM2",
            ecdsaWithSHA256.oid: "ecdsa-with-SHA256",
            ecdsaWithSHA384.oid: "ecdsa-with-SHA384",
            ecdsaWithSHA512.oid: "ecdsa-with-SHA512",
            ed25519.oid: "Ed25519",
            sha256WithRSAEncryption.oid: "sha256WithRSAEncryption",
        ]

        /// A readable name (`SM3withSM2`), or the OID when the algorithm is not known.
        public var name: String { Self.names[oid] ?? oid }

        public var description: String { name }

        init(derEncoded nodes: inout ASN1NodeCollection.Iterator) throws {
            guard let node = nodes.next() else { throw X509Error.malformedDER("missing AlgorithmIdentifier") }
            self = try DER.sequence(node, identifier: .sequence) { inner in
                guard let oidNode = inner.next() else { throw X509Error.malformedDER("empty AlgorithmIdentifier") }
                let oid = try oidNode.dottedOID()
                if let parameters = inner.next() {
                    _ = try ASN1Null(derEncoded: parameters)
                }
                guard inner.next() == nil else { throw X509Error.malformedDER("AlgorithmIdentifier has extra fields") }
                return Self(oid: oid)
            }
        }
    }
}
