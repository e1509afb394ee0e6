/// The forms an SM2 signature value takes in real files.
enum SignatureValueForm {
    /// Raw r‖s (32 bytes each) from DER `SEQUENCE { INTEGER r, INTEGER s }` whose integers carry
    /// redundant leading zero bytes (some vendors pad them to 33 bytes or more). `nil` when the
    /// value is not such DER, or is already minimal.
    static func rawFromNonMinimalDER(_ value: [UInt8]) -> [UInt8]? {
        guard value.count >= 8, value[0] == 0x30 else { return nil }
        var index = 1
        guard let length = readLength(value, &index), index + length == value.count else { return nil }
        var raw: [UInt8] = []
        var padded = false
        for _ in 0..<2 {
            guard index < value.count, value[index] == 0x02 else { return nil }
            index += 1
            guard let count = readLength(value, &index), count > 0, index + count <= value.count else { return nil }
            var integer = Array(value[index..<(index + count)])
            index += count
            if integer.count > 1, integer[0] == 0, integer[1] < 0x80 { padded = true }
            while integer.count > 1, integer[0] == 0 { integer.removeFirst() }
            guard integer.count <= 32, integer[0] < 0x80 || integer.count <= 32 else { return nil }
            raw += Array(repeating: 0, count: 32 - integer.count) + integer
        }
        guard index == value.count, padded else { return nil }
        return raw
    }

    private static func readLength(_ bytes: [UInt8], _ index: inout Int) -> Int? {
        guard index < bytes.count else { return nil }
        let first = bytes[index]
        index += 1
        if first < 0x80 { return Int(first) }
        let octets = Int(first & 0x7F)
        guard (1...2).contains(octets), index + octets <= bytes.count else { return nil }
        var length = 0
        for _ in 0..<octets {
            length = length << 8 | Int(bytes[index])
            index += 1
        }
        return length
    }
}

/// Recognises a seal picture's format from its first bytes.
enum PictureFormat {
    static func sniff(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "jpeg" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "gif" }
        if bytes.starts(with: Array("BM".utf8)) { return "bmp" }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "ofd" }
        return nil
    }
}
