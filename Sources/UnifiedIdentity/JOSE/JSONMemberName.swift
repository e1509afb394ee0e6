/// A member name as `JSONReader.visitObject` reads it: the bytes in the text when they are
/// plain ASCII (no `String` built), otherwise its text. Matched against literals in a `switch`
/// (`case "iss":`) byte by byte, which costs a length check for most names.
enum JSONMemberName {
    /// Valid only inside the `visitObject` call that produced it.
    case bytes(UnsafeBufferPointer<UInt8>)
    case text(String)

    var string: String {
        switch self {
        case .bytes(let utf8): return String(decoding: utf8, as: UTF8.self)
        case .text(let text): return text
        }
    }

    @inline(__always)
    static func ~= (literal: StaticString, name: JSONMemberName) -> Bool {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        switch name {
        case .bytes(let utf8):
            // A plain loop: names are a few bytes, and most differ in length or in their first.
            guard utf8.count == expected.count else { return false }
            for index in 0..<utf8.count where utf8[index] != expected[index] { return false }
            return true
        case .text(let text): return text.utf8.elementsEqual(expected)
        }
    }
}
