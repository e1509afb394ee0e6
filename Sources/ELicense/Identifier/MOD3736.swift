/// ISO 7064 MOD 37,36 (hybrid system, alphabet `0-9A-Z`), the check of GB/T 36904's identifier.
enum MOD3736 {
    /// The value 0…35 of an upper- or lower-case ASCII letter or digit, or nil.
    @inline(__always)
    static func value(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a")) + 10
        default: return nil
        }
    }

    /// The character for a value 0…35.
    static func character(_ value: Int) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + UInt8(value) : UInt8(ascii: "A") + UInt8(value - 10)
    }

    /// The running state after `bytes`, starting from `state` (36 at the start). Bytes must
    /// already be known to be in the alphabet.
    static func absorb(_ bytes: some Sequence<UInt8>, into state: inout Int) {
        for byte in bytes {
            var sum = (state + (value(byte) ?? 0)) % 36
            if sum == 0 { sum = 36 }
            state = sum * 2 % 37
        }
    }

    /// The check character that closes a state: the value c with (state + c) mod 36 = 1.
    static func checkCharacter(closing state: Int) -> UInt8 {
        character((37 - state) % 36)
    }
}
