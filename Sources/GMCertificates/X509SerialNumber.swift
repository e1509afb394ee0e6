import GMCrypto
internal import ZhengwuKitSupport

extension X509Certificate {
    /// A certificate serial number: a positive integer of up to 20 bytes (RFC 5280
    /// §4.1.2.2), kept as its big-endian bytes because it is an identifier, not a number
    /// to compute with.
    public struct SerialNumber: Hashable, Sendable, CustomStringConvertible {
        /// The magnitude, big-endian, without leading zero bytes.
        public let bytes: [UInt8]
        /// Set only for the non-conforming negative serials some old CAs issued.
        public let isNegative: Bool

        public init(bytes: [UInt8], isNegative: Bool = false) {
            let trimmed = Array(bytes.drop { $0 == 0 })
            self.bytes = trimmed.isEmpty ? [0] : trimmed
            self.isNegative = isNegative
        }

        /// Lower-case hexadecimal, as `openssl x509 -serial` prints it (without the label).
        public var description: String {
            (isNegative ? "-" : "") + Hex.encode(bytes)
        }
    }
}
