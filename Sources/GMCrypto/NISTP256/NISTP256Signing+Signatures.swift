import Foundation

extension NISTP256.Signing {
    /// An ECDSA P-256 signature: DER for X.509 and OpenSSL, 64-byte r‖s for JOSE (ES256).
    public struct ECDSASignature: Sendable, Hashable {
        /// r‖s, 32 bytes each (the JWS ES256 encoding).
        public let rawRepresentation: Data

        public init<D: DataProtocol>(rawRepresentation: D) throws(GMCryptoError) {
            // One copy, straight into the Data (tokens build one of these per verification).
            guard rawRepresentation.count == 64 else {
                throw .invalidLength(
                    what: "a raw P-256 signature (r‖s)", expected: "64", actual: rawRepresentation.count)
            }
            self.rawRepresentation = Data(rawRepresentation)
        }

        public init<D: DataProtocol>(derRepresentation: D) throws(GMCryptoError) {
            let raw = try ECDSASignatureCoding.raw(fromDER: [UInt8](derRepresentation), width: 32, algorithm: "P-256")
            self.rawRepresentation = Data(raw)
        }

        public var derRepresentation: Data {
            Data(
                (try? ECDSASignatureCoding.der(fromRaw: [UInt8](rawRepresentation), width: 32, algorithm: "P-256"))
                    ?? [])
        }
    }
}

extension NISTP256.Signing.PrivateKey {
    /// ECDSA with SHA-256 over `data` (ES256).
    public func signature<D: DataProtocol>(for data: D) throws(GMCryptoError) -> NISTP256.Signing.ECDSASignature {
        let der = try data.withContiguousBuffer { message in
            Result { () throws(GMCryptoError) in
                try EVPSigning.sign(key: evpKey, digest: FetchedAlgorithms.sha256, sm2ID: nil, message: message)
            }
        }.get()
        return try NISTP256.Signing.ECDSASignature(derRepresentation: der)
    }
}

extension NISTP256.Signing.PublicKey {
    public func isValidSignature<D: DataProtocol>(_ signature: NISTP256.Signing.ECDSASignature, for data: D) -> Bool {
        let der = [UInt8](signature.derRepresentation)
        return data.withContiguousBuffer { message in
            EVPSigning.verify(
                key: evpKey, digest: FetchedAlgorithms.sha256, sm2ID: nil, signature: der, message: message)
        }
    }
}
