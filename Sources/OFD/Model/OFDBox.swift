/// A rectangle in millimetres (GB/T 33190 `ST_Box`: x, y, width, height; y grows downwards).
public struct OFDBox: Sendable, Hashable, Codable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Reads "x y w h" (separated by spaces or commas); `nil` unless four finite numbers.
    public init?(parsing text: String) {
        let numbers = text.split(whereSeparator: { $0 == " " || $0 == "," || $0.isNewline || $0 == "\t" })
            .compactMap { Double($0) }
        guard numbers.count == 4, numbers.allSatisfy(\.isFinite) else { return nil }
        self.init(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3])
    }

    /// The "x y w h" form written into OFD parts.
    public var description: String {
        [x, y, width, height].map(Self.format).joined(separator: " ")
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
