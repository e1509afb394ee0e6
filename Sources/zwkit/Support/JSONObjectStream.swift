import Foundation

/// The objects of a JSON file that holds one object or an array of objects, handed over one
/// at a time as the file streams past: a catalogue of any length is read in the memory of its
/// largest item, and each item stops at `itemLimit` before more is read.
///
/// The scan finds where each top-level object starts and ends (tracking strings, escapes and
/// nesting); the caller parses each object's bytes, which checks everything inside it. On the
/// way it notes whether an object holds only plain JSON (`isPlain`).
struct JSONObjectStream {
    /// Far beyond any catalogue item (the example item is 7 KB), small enough that parsing
    /// one never needs more than a few hundred MiB.
    static let defaultItemLimit = 4 << 20

    let path: String
    let itemLimit: Int

    init(_ path: String, itemLimit: Int = defaultItemLimit) {
        self.path = path
        self.itemLimit = itemLimit
    }

    /// Calls `body` with each object's bytes, its position (0 for a lone object), the byte
    /// offset where it starts and whether it is plain, in order.
    ///
    /// An object is plain when none of its strings holds a control character or an escape
    /// other than the one-letter ones, every number follows JSON's grammar in at most 16
    /// characters with at most one exponent digit, and nothing outside its strings is a byte
    /// JSON does not use. JSONDecoder reads only the values a model asks for, so it may pass
    /// over a broken value that JSONSerialization refuses; in a plain object of valid UTF-8
    /// there is none to pass over.
    ///
    /// Text that is not one object or an array of objects throws at the byte where it goes
    /// wrong, after the objects before it were handed over.
    func readObjects(
        _ body: (_ object: Data, _ index: Int, _ offset: Int, _ isPlain: Bool) throws -> Void
    ) throws {
        var scanner = Scanner(stream: self)
        try InputFiles.stream(path) { chunk in try scanner.scan(chunk, body) }
        try scanner.finish()
    }

    private struct Scanner {
        enum Phase {
            /// Before the first value; `byteOrderMark` counts the UTF-8 BOM bytes seen.
            case start(byteOrderMark: Int)
            /// Just after the array's `[`.
            case arrayOpened
            /// After a `,` between objects.
            case separated
            case inObject
            /// After an object inside the array: `,` or `]` comes next.
            case afterObject
            /// After the whole value: only white space may follow.
            case finished
        }

        let stream: JSONObjectStream
        var phase = Phase.start(byteOrderMark: 0)
        var isArray = false
        var index = 0
        /// Where the file has been read to, for messages.
        var offset = 0
        var objectOffset = 0
        var object = Data()
        var depth = 0
        var inString = false
        var escaped = false
        var isPlain = true
        var number = NumberScan.outside
        /// 0 outside numbers.
        var numberLength = 0

        init(stream: JSONObjectStream) {
            self.stream = stream
        }

        mutating func scan(_ chunk: UnsafeRawBufferPointer, _ body: (Data, Int, Int, Bool) throws -> Void) throws {
            var position = 0
            // Where the object being read starts within this chunk.
            var objectStart = 0
            while position < chunk.count {
                let byte = chunk[position]
                if case .inObject = phase {
                    if inString {
                        if escaped {
                            escaped = false
                            if !Self.isOneLetterEscape(byte) { isPlain = false }
                        } else if byte == UInt8(ascii: "\\") {
                            escaped = true
                        } else if byte == UInt8(ascii: "\"") {
                            inString = false
                        } else if byte < 0x20 {
                            isPlain = false
                        }
                    } else if (byte == 0x20 || byte == 0x0A) && numberLength == 0 {
                        // Indentation, the commonest byte between values: nothing to follow.
                    } else {
                        if !readNumber(byte), !Self.isStructural(byte) { isPlain = false }
                        switch byte {
                        case UInt8(ascii: "\""): inString = true
                        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                        case UInt8(ascii: "}"), UInt8(ascii: "]"):
                            depth -= 1
                            if depth == 0 {
                                try append(UnsafeRawBufferPointer(rebasing: chunk[objectStart...position]))
                                try body(object, index, objectOffset, isPlain)
                                object.removeAll(keepingCapacity: true)
                                index += 1
                                phase = isArray ? .afterObject : .finished
                            }
                        default: break
                        }
                    }
                } else if !Self.isWhiteSpace(byte) {
                    try between(byte)
                    if case .inObject = phase { objectStart = position }
                }
                position += 1
                offset += 1
            }
            if case .inObject = phase {
                try append(UnsafeRawBufferPointer(rebasing: chunk[objectStart...]))
            }
        }

        /// A byte outside every object: the array's punctuation, or the start of an object.
        private mutating func between(_ byte: UInt8) throws {
            switch phase {
            case .start(let byteOrderMark):
                let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
                if offset == byteOrderMark, byteOrderMark < 3, byte == mark[byteOrderMark] {
                    phase = .start(byteOrderMark: byteOrderMark + 1)
                } else if byteOrderMark == 1 || byteOrderMark == 2 {
                    throw notJSON("an incomplete UTF-8 byte order mark")
                } else if byte == UInt8(ascii: "[") {
                    isArray = true
                    phase = .arrayOpened
                } else if byte == UInt8(ascii: "{") {
                    beginObject()
                } else if Self.beginsValue(byte) {
                    throw CLIError(
                        "\(display) does not hold a JSON object or an array of objects: it begins with "
                            + "\(Self.describe(byte)) at byte offset \(offset) (事项要素格式错误); give one catalogue item "
                            + "or an array of them")
                } else {
                    throw notJSON("unexpected \(Self.describe(byte))")
                }
            case .arrayOpened where byte == UInt8(ascii: "]"):
                throw CLIError("\(display) holds an empty array: no item to validate (无事项要素)")
            case .arrayOpened, .separated:
                guard byte == UInt8(ascii: "{") else {
                    guard Self.beginsValue(byte) else { throw notJSON("expected a value") }
                    throw CLIError(
                        "\(display): item \(index) at byte offset \(offset) is not a JSON object; the file must "
                            + "hold a JSON object or an array of objects (事项要素格式错误)")
                }
                beginObject()
            case .afterObject where byte == UInt8(ascii: ","):
                phase = .separated
            case .afterObject where byte == UInt8(ascii: "]"):
                phase = .finished
            case .afterObject:
                throw notJSON("expected ',' or ']' after item \(index - 1)")
            case .finished:
                throw notJSON("unexpected text after the end of the JSON value")
            case .inObject:
                break
            }
        }

        private mutating func beginObject() {
            phase = .inObject
            objectOffset = offset
            // The opening brace, which the scan of the object's own bytes does not see.
            depth = 1
            inString = false
            escaped = false
            isPlain = true
            number = .outside
            numberLength = 0
        }

        /// Follows a number outside strings through JSON's grammar; whether `byte` was part of
        /// one. A number that breaks the grammar or runs long makes the object not plain.
        private mutating func readNumber(_ byte: UInt8) -> Bool {
            if numberLength == 0 {
                guard let start = NumberScan.outside.after(byte) else { return false }
                number = start
                numberLength = 1
                return true
            }
            if let next = number.after(byte) {
                // Long numbers and exponents of two digits or more may not fit a Double (1e999),
                // which the strict parse refuses.
                if number == .exponent || numberLength == 16 { isPlain = false }
                number = next
                numberLength += 1
                return true
            }
            if !number.isComplete || !(Self.isWhiteSpace(byte) || Self.endsValue(byte)) { isPlain = false }
            number = .outside
            numberLength = 0
            return false
        }

        /// Keeps `bytes` of the object being read, refusing one larger than the limit.
        private mutating func append(_ bytes: UnsafeRawBufferPointer) throws {
            guard object.count + bytes.count <= stream.itemLimit else {
                throw CLIError(
                    "\(display): item \(index) at byte offset \(objectOffset) is larger than the "
                        + "\(stream.itemLimit >> 20) MiB an item may have (输入过大); check the file or split the item")
            }
            object.append(contentsOf: bytes)
        }

        func finish() throws {
            switch phase {
            case .finished: return
            case .start: throw notJSON("no value before the end of the file")
            default: throw notJSON("it ends before the JSON value is complete")
            }
        }

        private var display: String { InputFiles.display(stream.path) }

        private func notJSON(_ reason: String) -> CLIError {
            CLIError("\(display) is not JSON: \(reason) at byte offset \(offset) (JSON格式错误); give a UTF-8 JSON file")
        }

        /// A byte as a message shows it: the character when printable ASCII, else its value.
        private static func describe(_ byte: UInt8) -> String {
            (0x21...0x7E).contains(byte)
                ? "'\(Character(UnicodeScalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }

        /// `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`: not `\u`, whose hex digits and
        /// surrogate pairs are left to the strict parse.
        private static func isOneLetterEscape(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                return true
            default:
                return false
            }
        }

        /// What may stand outside strings and numbers: white space, punctuation, the quote
        /// that opens a string and the letters of `true`, `false` and `null`.
        private static func isStructural(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: "t"), UInt8(ascii: "r"),
                UInt8(ascii: "u"), UInt8(ascii: "e"), UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"),
                UInt8(ascii: "s"), UInt8(ascii: "n"):
                return true
            default:
                return false
            }
        }

        private static func endsValue(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
        }

        private static func isWhiteSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
        }

        /// Whether `byte` can start a JSON value other than an object or an array.
        private static func beginsValue(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"),
                UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "["):
                return true
            default:
                return false
            }
        }
    }
}

/// Where a JSON number stands after the bytes read so far: `-? (0 | [1-9][0-9]*) (. [0-9]+)?
/// ([eE] [+-]? [0-9]+)?`.
private enum NumberScan {
    case outside, sign, zero, integer, point, fraction, exponentMark, exponentSign, exponent

    /// Where `byte` leads, or nil when it does not continue the number.
    func after(_ byte: UInt8) -> NumberScan? {
        let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        let isExponentMark = byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        switch self {
        case .outside:
            if byte == UInt8(ascii: "-") { return .sign }
            if byte == UInt8(ascii: "0") { return .zero }
            return isDigit ? .integer : nil
        case .sign:
            if byte == UInt8(ascii: "0") { return .zero }
            return isDigit ? .integer : nil
        case .zero, .integer, .fraction:
            if isDigit { return self == .zero ? nil : self }
            if byte == UInt8(ascii: "."), self != .fraction { return .point }
            return isExponentMark ? .exponentMark : nil
        case .point:
            return isDigit ? .fraction : nil
        case .exponentMark:
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { return .exponentSign }
            return isDigit ? .exponent : nil
        case .exponentSign, .exponent:
            return isDigit ? .exponent : nil
        }
    }

    /// Whether the number may end here.
    var isComplete: Bool {
        switch self {
        case .zero, .integer, .fraction, .exponent: return true
        default: return false
        }
    }
}
