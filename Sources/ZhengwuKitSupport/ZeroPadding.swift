/// Decimal numbers written with leading zeros to a fixed width (`2024-03-01`, `09:05:00`), the
/// one helper every date and time writer of the package uses.
package enum ZeroPadding {
    /// `value` in decimal with at least `width` digits, zeros in front; a negative value keeps
    /// its sign before the zeros (`-0042`), and a wider value is written whole, never cut.
    package static func decimal<Value: BinaryInteger>(_ value: Value, width: Int) -> String {
        let digits = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + zeros + digits
    }

    /// Appends `value` as ``decimal(_:width:)`` writes it, in ASCII: a writer of several numbers
    /// into one text then allocates once, not once for each number and each concatenation.
    package static func append(_ value: Int, width: Int, to text: inout [UInt8]) {
        if value < 0 { text.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var power: UInt = 1
        var digits = 1
        while magnitude / power >= 10 {
            power *= 10
            digits += 1
        }
        for _ in digits..<max(width, digits) { text.append(UInt8(ascii: "0")) }
        while power > 0 {
            text.append(UInt8(ascii: "0") + UInt8(magnitude / power % 10))
            power /= 10
        }
    }
}
