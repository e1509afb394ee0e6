import Foundation

extension SM2.Signing {
    /// An SM2 signature (r, s): DER `SEQUENCE { r INTEGER, s INTEGER }` in certificates and
    /// seals, 64-byte r‖s in tokens and some vendors' seals. Either converts to the other.
    public struct Signature: Sendable, Hashable {
        /// r‖s, 32 bytes each.
        public let rawRepresentation: Data

        /// From 64-byte r‖s.
        public init<D: DataProtocol>(rawRepresentation: D) throws(GMCryptoError) {
            // One copy, straight into the Data (tokens build one of these per verification).
            guard rawRepresentation.count == 64 else {
                throw .invalidLength(what: "a raw SM2 signature (r‖s)", expected: "64", actual: rawRepresentation.count)
            }
            self.rawRepresentation = Data(rawRepresentation)
        }

        /// From the DER `SEQUENCE { r, s }`.
        public init<D: DataProtocol>(derRepresentation: D) throws(GMCryptoError) {
            let raw = try ECDSASignatureCoding.raw(fromDER: [UInt8](derRepresentation), width: 32, algorithm: "SM2")
            self.rawRepresentation = Data(raw)
        }

        /// The DER `SEQUENCE { r INTEGER, s INTEGER }` (70–72 bytes).
        public var derRepresentation: Data {
            // rawRepresentation is always 64 bytes here, the one thing `der(fromRaw:)` checks.
            Data(
                (try? ECDSASignatureCoding.der(fromRaw: [UInt8](rawRepresentation), width: 32, algorithm: "SM2")) ?? [])
        }
    }
}
