/// Hexadecimal for test vectors and cross-checks with tools that speak hex (gmssl, openssl).
public enum Hex {
    /// The bytes of `text`, two hex digits a byte; throws on an odd length or a non-hex pair.
    public static func bytes(_ text: String) throws -> [UInt8] {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { throw HexError.malformed(text) }
        return try stride(from: 0, to: digits.count, by: 2).map { index in
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
                throw HexError.malformed(text)
            }
            return byte
        }
    }

    /// Lower-case hex of `bytes`.
    public static func string<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}

public enum HexError: Error, CustomStringConvertible {
    case malformed(String)
    public var description: String {
        switch self {
        case .malformed(let text): return "not hexadecimal: \(text)"
        }
    }
}
