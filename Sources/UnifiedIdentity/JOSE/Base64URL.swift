import Foundation

/// Base64url without padding (RFC 7515 §2, RFC 4648 §5): the only encoding JWS compact
/// serialisation allows. Decoding is strict: padding, whitespace, characters outside the
/// URL-safe alphabet and non-canonical trailing bits are refused, so one token has exactly
/// one spelling and a tampered encoding cannot verify.
public enum Base64URL {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// 0xFF marks bytes outside the alphabet.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }
        return table
    }()

    /// The unpadded base64url text of `bytes`.
    public static func encode<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        if let text = bytes.withContiguousStorageIfAvailable({ encode(buffer: $0) }) { return text }
        return Array(bytes).withUnsafeBufferPointer { encode(buffer: $0) }
    }

    private static func encode(buffer input: UnsafeBufferPointer<UInt8>) -> String {
        let fullGroups = input.count / 3
        let remainder = input.count % 3
        let outputCount = fullGroups * 4 + (remainder == 0 ? 0 : remainder + 1)
        return alphabet.withUnsafeBufferPointer { alphabet in
            String(unsafeUninitializedCapacity: outputCount) { output in
                var written = 0
                func emit(_ chunk: UInt32, _ characters: Int) {
                    for shift in stride(from: 18, to: 18 - 6 * characters, by: -6) {
                        output[written] = alphabet[Int(chunk >> UInt32(shift) & 63)]
                        written += 1
                    }
                }
                for group in 0..<fullGroups {
                    let index = group * 3
                    emit(UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2]), 4)
                }
                let index = fullGroups * 3
                if remainder == 1 { emit(UInt32(input[index]) << 16, 2) }
                if remainder == 2 { emit(UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8, 3) }
                return written
            }
        }
    }

    /// The bytes `text` encodes, or `nil` when it is not canonical unpadded base64url.
    public static func decode<Text: Collection<UInt8>>(_ text: Text) -> [UInt8]? {
        if let decoded = text.withContiguousStorageIfAvailable({ decode(buffer: $0) }) { return decoded }
        return Array(text).withUnsafeBufferPointer { decode(buffer: $0) }
    }

    private static func decode(buffer text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let count = text.count
        if count % 4 == 1 { return nil }
        let outputCount = count / 4 * 3 + max(0, count % 4 - 1)
        var valid = true
        let output = decodeTable.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: outputCount) { output, initialized in
                var input = 0
                var written = 0
                // Four characters make three bytes; 0xFF in the table marks a byte outside the alphabet.
                while input + 4 <= count {
                    let a = table[Int(text[input])]
                    let b = table[Int(text[input + 1])]
                    let c = table[Int(text[input + 2])]
                    let d = table[Int(text[input + 3])]
                    if (a | b | c | d) & 0xC0 != 0 {
                        valid = false
                        break
                    }
                    output[written] = a << 2 | b >> 4
                    output[written + 1] = b << 4 | c >> 2
                    output[written + 2] = c << 6 | d
                    input += 4
                    written += 3
                }
                if valid, count - input >= 2 {
                    let a = table[Int(text[input])]
                    let b = table[Int(text[input + 1])]
                    let c = count - input == 3 ? table[Int(text[input + 2])] : 0
                    // Leftover bits must be zero, otherwise two texts would decode to the same bytes.
                    let leftover = count - input == 3 ? c & 0x03 : b & 0x0F
                    if (a | b | c) & 0xC0 != 0 || leftover != 0 {
                        valid = false
                    } else {
                        output[written] = a << 2 | b >> 4
                        written += 1
                        if count - input == 3 {
                            output[written] = b << 4 | c >> 2
                            written += 1
                        }
                    }
                }
                initialized = valid ? written : 0
            }
        }
        return valid ? output : nil
    }

    /// The bytes of a base64url string.
    public static func decode(_ text: String) -> [UInt8]? {
        decode(Array(text.utf8))
    }
}
