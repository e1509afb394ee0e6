/// The character sets of GB 32100 and GB 11714, mapped without tables so the hot path
/// touches no lazily initialised global.
enum CodeAlphabet {
    /// GB 32100's 31 characters `0-9A-HJ-NPQRTUWXY` (no I, O, S, V, Z), upper or lower case,
    /// → 0...30, or nil. A 256-entry table (0x7F = not in the alphabet) in a static string:
    /// no branches per character and no lazily initialised global.
    @inline(__always)
    static func creditValue(_ byte: UInt8) -> Int? {
        let value = creditValues.utf8Start[Int(byte)]
        return value == 0x7F ? nil : Int(value)
    }

    // swift-format-ignore
    private static var creditValues: StaticString { "\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{00}\u{01}\u{02}\u{03}\u{04}\u{05}\u{06}\u{07}\u{08}\u{09}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{0A}\u{0B}\u{0C}\u{0D}\u{0E}\u{0F}\u{10}\u{11}\u{7F}\u{12}\u{13}\u{14}\u{15}\u{16}\u{7F}\u{17}\u{18}\u{19}\u{7F}\u{1A}\u{1B}\u{7F}\u{1C}\u{1D}\u{1E}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{0A}\u{0B}\u{0C}\u{0D}\u{0E}\u{0F}\u{10}\u{11}\u{7F}\u{12}\u{13}\u{14}\u{15}\u{16}\u{7F}\u{17}\u{18}\u{19}\u{7F}\u{1A}\u{1B}\u{7F}\u{1C}\u{1D}\u{1E}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}" }

    /// The GB 32100 character of `value` (0...30).
    @inline(__always)
    static func creditCharacter(_ value: Int) -> UInt8 {
        let characters: StaticString = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        return characters.utf8Start[value]
    }

    /// GB 32100's weight of position `index + 1`: 3^index mod 31, spelled out because a
    /// division per character costs more than the rest of the check.
    @inline(__always)
    static func creditWeight(_ index: Int) -> Int {
        let weights: StaticString =
            "\u{01}\u{03}\u{09}\u{1B}\u{13}\u{1A}\u{10}\u{11}\u{14}\u{1D}\u{19}\u{0D}\u{08}\u{18}\u{0A}\u{1E}\u{1C}"
        return Int(weights.utf8Start[index])
    }

    /// GB 11714's value (0...35) of the character whose GB 32100 value is `value` (0...30).
    @inline(__always)
    static func organizationValue(creditValue value: Int) -> Int {
        // 0-9, then A-H, J-N, P-R, T-U, W-Y at their GB 11714 values (I, O, S, V, Z are absent).
        // swift-format-ignore
        let values: StaticString = "\u{00}\u{01}\u{02}\u{03}\u{04}\u{05}\u{06}\u{07}\u{08}\u{09}\u{0A}\u{0B}\u{0C}\u{0D}\u{0E}\u{0F}\u{10}\u{11}\u{13}\u{14}\u{15}\u{16}\u{17}\u{19}\u{1A}\u{1B}\u{1D}\u{1E}\u{20}\u{21}\u{22}"
        return Int(values.utf8Start[value])
    }

    /// GB 11714's weight of body position `index + 1`: 3, 7, 9, 10, 5, 8, 4, 2.
    @inline(__always)
    static func organizationWeight(_ index: Int) -> Int {
        let weights: StaticString = "\u{03}\u{07}\u{09}\u{0A}\u{05}\u{08}\u{04}\u{02}"
        return Int(weights.utf8Start[index])
    }

    /// GB 11714's digits and capital letters → 0...35, or nil.
    @inline(__always)
    static func organizationValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte &- UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte &- UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// Upper-cases an ASCII letter; anything else is returned as is.
    @inline(__always)
    static func upper(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte &- 32 : byte
    }

    /// Whether `byte` is a separator `compact` removes (space, hyphen).
    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "\t")
    }
}

extension CodeAlphabet {
    /// The 1-based character position of the first non-ASCII character, if any: such input is
    /// reported as a bad character rather than by its UTF-8 length.
    static func firstNonASCIIPosition(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var position = 0
        for byte in bytes where byte & 0xC0 != 0x80 {
            position += 1
            if byte >= 0x80 { return position }
        }
        return nil
    }
}
