import Foundation

extension SM2 {
    /// The distinguishing identifier (ID_A) hashed into Z_A before every SM2 signature.
    ///
    /// GB/T 32918.5 and GM/T 0009 fix the default `1234567812345678`, which GmSSL,
    /// BouncyCastle and real seals use. OpenSSL 3.0 defaults to an empty ID instead, so
    /// GMCrypto always passes the ID explicitly and never relies on either library default.
    public struct UserID: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The ID's bytes, as hashed into Z_A.
        public let bytes: [UInt8]

        /// `1234567812345678`, the default of GB/T 32918 and GM/T 0009.
        public static let `default` = UserID("1234567812345678")

        /// The ID whose bytes are `string` in UTF-8.
        public init(_ string: String) {
            bytes = Array(string.utf8)
        }

        /// An ID of arbitrary bytes (at most 8191: its bit length must fit ENTL's 16 bits).
        public init<D: DataProtocol>(bytes: D) throws(GMCryptoError) {
            guard bytes.count <= UserID.maximumByteCount else {
                throw .invalidLength(
                    what: "an SM2 user ID", expected: "at most \(UserID.maximumByteCount)", actual: bytes.count)
            }
            self.bytes = [UInt8](bytes)
        }

        public init(stringLiteral value: String) {
            self.init(value)
        }

        /// 2^16 - 1 bits, rounded down to whole bytes.
        public static let maximumByteCount = 8191

        public var description: String { String(decoding: bytes, as: UTF8.self) }

        /// ENTL: the ID's length in bits, two bytes big-endian; nil when it does not fit.
        var entl: [UInt8]? {
            guard bytes.count <= UserID.maximumByteCount else { return nil }
            let bits = bytes.count * 8
            return [UInt8(bits >> 8), UInt8(bits & 0xff)]
        }
    }
}
