/// Why a JSON text was refused.
public enum JSONReaderError: Error, Sendable, Equatable {
    case unexpectedEnd
    case unexpectedByte(UInt8, offset: Int)
    case tooDeep(limit: Int)
    case duplicateMember(String)
    case invalidString(offset: Int)
    case invalidNumber(offset: Int)
    case trailingBytes(offset: Int)
}

extension JSONReaderError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unexpectedEnd: return "the JSON text ends too early"
        case .unexpectedByte(let byte, let offset): return "unexpected byte 0x\(String(byte, radix: 16)) at \(offset)"
        case .tooDeep(let limit): return "nested deeper than \(limit) levels"
        case .duplicateMember(let name): return "member \"\(name)\" appears twice"
        case .invalidString(let offset): return "invalid string at \(offset)"
        case .invalidNumber(let offset): return "invalid number at \(offset)"
        case .trailingBytes(let offset): return "bytes after the JSON value at \(offset)"
        }
    }
}

/// A strict RFC 8259 reader: UTF-8 only, no comments, no trailing commas, no duplicate
/// member names, bounded nesting. Iterative over the input bytes; recursion depth is
/// bounded by `maximumDepth`, so hostile input cannot exhaust the stack.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private let maximumDepth: Int

    static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes, maximumDepth: Int = 16) throws(JSONReaderError)
        -> JSONValue
    {
        let array = Array(bytes)
        let result = array.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONReaderError) in
                var reader = JSONReader(bytes: buffer, maximumDepth: maximumDepth)
                reader.skipWhitespace()
                let value = try reader.readValue(depth: 0)
                reader.skipWhitespace()
                if reader.offset != reader.bytes.count { throw .trailingBytes(offset: reader.offset) }
                return value
            }
        }
        return try result.get()
    }

    /// The members of a text that must be one JSON object, in order, without building a
    /// dictionary. `nil` when the text is valid JSON but not an object.
    static func parseObjectMembers<Bytes: Collection<UInt8>>(_ bytes: Bytes, maximumDepth: Int = 16)
        throws(JSONReaderError) -> [(key: String, value: JSONValue)]?
    {
        var members: [(key: String, value: JSONValue)] = []
        let isObject = try Array(bytes).withUnsafeBufferPointer { buffer in
            Result { () throws(JSONReaderError) in
                try visitObject(buffer, maximumDepth: maximumDepth) { name, value in
                    members.append((name.string, value))
                }
            }
        }.get()
        return isObject ? members : nil
    }

    /// Hands each member of a text that must be one JSON object to `body`, in order, with the
    /// reader's every rule, but without a member list or a `String` per name: headers and
    /// claims are read this way on every verification. Returns false, having called `body`
    /// for nothing, when the text is valid JSON but not an object.
    static func visitObject(
        _ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int, _ body: (JSONMemberName, JSONValue) -> Void
    ) throws(JSONReaderError) -> Bool {
        var reader = JSONReader(bytes: bytes, maximumDepth: maximumDepth)
        reader.skipWhitespace()
        let isObject = reader.offset < bytes.count && bytes[reader.offset] == UInt8(ascii: "{")
        if isObject {
            try reader.visitMembers(depth: 1, body)
        } else {
            _ = try reader.readValue(depth: 0)
        }
        reader.skipWhitespace()
        if reader.offset != bytes.count { throw .trailingBytes(offset: reader.offset) }
        return isObject
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    private func peek() throws(JSONReaderError) -> UInt8 {
        guard offset < bytes.count else { throw .unexpectedEnd }
        return bytes[offset]
    }

    private mutating func expect(_ literal: StaticString, value: JSONValue) throws(JSONReaderError) -> JSONValue {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in expected {
            guard offset < bytes.count else { throw .unexpectedEnd }
            guard bytes[offset] == byte else { throw .unexpectedByte(bytes[offset], offset: offset) }
            offset += 1
        }
        return value
    }

    private mutating func readValue(depth: Int) throws(JSONReaderError) -> JSONValue {
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "{"): return try readObject(depth: depth + 1)
        case UInt8(ascii: "["): return try readArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): return try expect("true", value: .bool(true))
        case UInt8(ascii: "f"): return try expect("false", value: .bool(false))
        case UInt8(ascii: "n"): return try expect("null", value: .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw .unexpectedByte(byte, offset: offset)
        }
    }

    private mutating func readObject(depth: Int) throws(JSONReaderError) -> JSONValue {
        let members = try readMembers(depth: depth)
        return .object(Dictionary(members, uniquingKeysWith: { first, _ in first }))
    }

    /// An object's members in order.
    private mutating func readMembers(depth: Int) throws(JSONReaderError) -> [(key: String, value: JSONValue)] {
        var members: [(key: String, value: JSONValue)] = []
        try visitMembers(depth: depth) { name, value in members.append((name.string, value)) }
        return members
    }

    /// Hands each member of the object at `offset` to `body`, in order, without collecting
    /// them. Repeated names are refused: by comparing bytes while the names are few and plain
    /// ASCII (cheaper than hashing), through a set of texts beyond 16 names (so a hostile
    /// object with thousands of members costs linear time) or once a name is not plain ASCII:
    /// an escaped name's bytes are not its text, and Unicode names can be canonically
    /// equivalent (`é` and `e` + U+0301), which the set, like every dictionary the members
    /// end up in, counts as one name.
    private mutating func visitMembers(depth: Int, _ body: (JSONMemberName, JSONValue) -> Void) throws(JSONReaderError)
    {
        guard depth <= maximumDepth else { throw .tooDeep(limit: maximumDepth) }
        offset += 1
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            offset += 1
            return
        }
        // Where the first names are, and a one-word filter over them (length, first and last
        // byte): a name whose bit is new cannot repeat an earlier one, so most are never compared.
        var spans = InlineArray<16, (start: Int, count: Int)>(repeating: (0, 0))
        var spanCount = 0
        var seenNames: UInt64 = 0
        var names: Set<String> = []
        var namesAreInSet = false
        while true {
            skipWhitespace()
            guard try peek() == UInt8(ascii: "\"") else { throw .unexpectedByte(bytes[offset], offset: offset) }
            let nameStart = offset + 1
            let name = try readMemberName()
            skipWhitespace()
            guard try peek() == UInt8(ascii: ":") else { throw .unexpectedByte(bytes[offset], offset: offset) }
            offset += 1
            skipWhitespace()
            let value = try readValue(depth: depth)
            if !namesAreInSet, case .bytes(let utf8) = name, spanCount < Self.linearDuplicateCheckLimit {
                let nameBit = Self.filterBit(utf8)
                if seenNames & nameBit != 0 {
                    for index in 0..<spanCount where spans[index].count == utf8.count {
                        let earlier = UnsafeBufferPointer(rebasing: bytes[spans[index].start...].prefix(utf8.count))
                        if sameBytes(earlier, utf8) { throw .duplicateMember(name.string) }
                    }
                }
                seenNames |= nameBit
                spans[spanCount] = (nameStart, utf8.count)
                spanCount += 1
            } else {
                if !namesAreInSet {
                    namesAreInSet = true
                    for index in 0..<spanCount {
                        let span = spans[index]
                        names.insert(String(decoding: bytes[span.start..<(span.start + span.count)], as: UTF8.self))
                    }
                }
                if !names.insert(name.string).inserted { throw .duplicateMember(name.string) }
            }
            body(name, value)
            skipWhitespace()
            let separator = try peek()
            offset += 1
            if separator == UInt8(ascii: "}") { return }
            guard separator == UInt8(ascii: ",") else { throw .unexpectedByte(separator, offset: offset - 1) }
        }
    }

    /// A member name at `offset`: its bytes in the text when they are plain ASCII, otherwise
    /// (an escape or a non-ASCII byte) its text, read and checked as any string is.
    private mutating func readMemberName() throws(JSONReaderError) -> JSONMemberName {
        var end = offset + 1
        while end < bytes.count, !Self.isSpecialInString(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return .text(try readString()) }
        let name = UnsafeBufferPointer(rebasing: bytes[(offset + 1)..<end])
        offset = end + 1
        return .bytes(name)
    }

    private static let linearDuplicateCheckLimit = 16

    /// One of 64 bits for a member name's bytes.
    @inline(__always)
    private static func filterBit(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let first = name.first, let last = name.last else { return 1 }
        return 1 << UInt64((name.count &* 31 &+ Int(first) &* 7 &+ Int(last)) & 63)
    }

    private mutating func readArray(depth: Int) throws(JSONReaderError) -> JSONValue {
        guard depth <= maximumDepth else { throw .tooDeep(limit: maximumDepth) }
        offset += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            offset += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try readValue(depth: depth))
            skipWhitespace()
            let separator = try peek()
            offset += 1
            if separator == UInt8(ascii: "]") { return .array(elements) }
            guard separator == UInt8(ascii: ",") else { throw .unexpectedByte(separator, offset: offset - 1) }
        }
    }

    private mutating func readString() throws(JSONReaderError) -> String {
        let start = offset
        offset += 1
        // Fast path: no escapes. ASCII needs no validation; anything else is checked below.
        var isASCII = true
        while offset < bytes.count {
            let byte = bytes[offset]
            // One table load decides for the common byte: printable ASCII other than " and \.
            guard Self.isSpecialInString(byte) else {
                offset += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<offset])
                offset += 1
                return try Self.text(run, isASCII: isASCII, at: start)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw .invalidString(offset: offset) }
            isASCII = false
            offset += 1
        }
        guard offset < bytes.count else { throw .unexpectedEnd }
        // Slow path: at least one escape.
        var scalars = Array(bytes[(start + 1)..<offset])
        var runStart = offset
        while true {
            guard offset < bytes.count else { throw .unexpectedEnd }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                scalars.append(contentsOf: bytes[runStart..<offset])
                offset += 1
                break
            }
            if byte < 0x20 { throw .invalidString(offset: offset) }
            if byte == UInt8(ascii: "\\") {
                scalars.append(contentsOf: bytes[runStart..<offset])
                try readEscape(into: &scalars)
                runStart = offset
                continue
            }
            offset += 1
        }
        return try scalars.withUnsafeBufferPointer { buffer throws(JSONReaderError) in
            try Self.text(buffer, isASCII: false, at: start)
        }
    }

    /// Whether `byte` ends the fast path of a string: a quote, a backslash, a control
    /// character or a non-ASCII byte. A table in a static string: no lazily initialised global.
    @inline(__always)
    private static func isSpecialInString(_ byte: UInt8) -> Bool {
        // swift-format-ignore
        let table: StaticString = "\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}  \u{01}                                                         \u{01}                                   "
        return byte >= 0x80 || table.utf8Start[Int(byte)] == 1
    }

    /// Refuses invalid UTF-8 rather than repairing it: a repaired claim is not what was signed.
    private static func text(_ utf8: UnsafeBufferPointer<UInt8>, isASCII: Bool, at offset: Int) throws(JSONReaderError)
        -> String
    {
        let text = String(decoding: utf8, as: UTF8.self)
        if !isASCII, !text.utf8.elementsEqual(utf8) { throw .invalidString(offset: offset) }
        return text
    }

    private mutating func readEscape(into output: inout [UInt8]) throws(JSONReaderError) {
        offset += 1
        guard offset < bytes.count else { throw .unexpectedEnd }
        let escaped = bytes[offset]
        offset += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escaped)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                    bytes[offset + 1] == UInt8(ascii: "u")
                else { throw .invalidString(offset: offset) }
                offset += 2
                let low = try readHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw .invalidString(offset: offset) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw .invalidString(offset: offset)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw .invalidString(offset: offset) }
            output.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            throw .invalidString(offset: offset - 1)
        }
    }

    private mutating func readHex4() throws(JSONReaderError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw .unexpectedEnd }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw .invalidString(offset: offset)
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    private mutating func readNumber() throws(JSONReaderError) -> JSONValue {
        let start = offset
        var isInteger = true
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count else { throw .unexpectedEnd }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else {
            guard skipDigits() > 0 else { throw .invalidNumber(offset: start) }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            guard skipDigits() > 0 else { throw .invalidNumber(offset: start) }
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard skipDigits() > 0 else { throw .invalidNumber(offset: start) }
        }
        if isInteger, let integer = Self.integer(UnsafeBufferPointer(rebasing: bytes[start..<offset])) {
            return .integer(integer)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        guard let double = Double(text), double.isFinite else { throw .invalidNumber(offset: start) }
        return .double(double)
    }

    /// An optional sign and digits as Int64, or nil on overflow.
    private static func integer(_ digits: UnsafeBufferPointer<UInt8>) -> Int64? {
        let negative = digits.first == UInt8(ascii: "-")
        var value: Int64 = 0
        for digit in digits.dropFirst(negative ? 1 : 0) {
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) =
                negative
                ? shifted.subtractingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
                : shifted.addingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
            if overflowA || overflowB { return nil }
            value = next
        }
        return value
    }

    private mutating func skipDigits() -> Int {
        let start = offset
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
        return offset - start
    }
}
