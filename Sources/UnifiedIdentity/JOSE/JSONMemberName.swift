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
        case .bytes(let utf8): return sameBytes(utf8, expected)
        case .text(let text): return text.utf8.elementsEqual(expected)
        }
    }
}

/// What reads a JSON object member by member: a JOSE header or a claims set.
protocol JSONMemberReading {
    mutating func read(_ value: JSONValue, named name: JSONMemberName) throws(TokenError)
}

/// Whether two short byte runs are equal: a plain loop, as names are a few bytes and most
/// differ in length or in their first byte.
@inline(__always)
func sameBytes(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
    guard lhs.count == rhs.count else { return false }
    for index in 0..<lhs.count where lhs[index] != rhs[index] { return false }
    return true
}
