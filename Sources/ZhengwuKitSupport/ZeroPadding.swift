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
}
