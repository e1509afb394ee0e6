/// A code's characters, read once, with checks that report 1-based positions.
///
/// `offset` shifts reported positions when the text is part of a longer code, so an error
/// in the basic code inside a case number points at the right character of the case number.
struct CodeText {
    /// The code's bytes when it is ASCII (every valid code is), one per character.
    private let ascii: [UInt8]?
    /// The code's characters otherwise, so an error can show the stray character itself.
    private let characters: [Character]
    let kind: CodeKind
    let offset: Int
    let count: Int

    init(_ text: some StringProtocol, kind: CodeKind, offset: Int = 0) {
        let bytes = Array(text.utf8)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            ascii = bytes
            characters = []
            count = bytes.count
        } else {
            ascii = nil
            characters = Array(text)
            count = characters.count
        }
        self.kind = kind
        self.offset = offset
    }

    func requireLength(_ allowed: [Int]) throws(ServiceItemError) {
        guard allowed.contains(count) else {
            throw .invalidLength(kind: kind, expected: allowed, actual: count)
        }
    }

    /// The characters in `range` (0-based, half-open) after checking each against `rule`.
    func part(_ range: Range<Int>, _ rule: CharacterRule) throws(ServiceItemError) -> String {
        if let ascii {
            for index in range where !rule.allows(byte: ascii[index]) {
                throw .invalidCharacter(
                    kind: kind, position: offset + index + 1, found: Character(Unicode.Scalar(ascii[index])),
                    allowed: rule)
            }
        } else {
            for index in range where !rule.allows(characters[index]) {
                throw .invalidCharacter(
                    kind: kind, position: offset + index + 1, found: characters[index], allowed: rule)
            }
        }
        return raw(range)
    }

    /// Checks every position against its layout before any part is interpreted, so a stray
    /// character is reported as such rather than as, say, an unknown item type.
    func checkCharacters(_ layout: [CodeLayoutSlot], shiftedBy shift: Int = 0) throws(ServiceItemError) {
        for slot in layout {
            _ = try part(slot.range.lowerBound + shift..<slot.range.upperBound + shift, slot.rule)
        }
    }

    /// The characters in `range` without checking them.
    func raw(_ range: Range<Int>) -> String {
        if let ascii { return String(decoding: ascii[range], as: UTF8.self) }
        return String(characters[range])
    }
}

/// A run of positions (0-based, half-open) and what they may hold.
struct CodeLayoutSlot {
    let range: Range<Int>
    let rule: CharacterRule

    init(_ range: Range<Int>, _ rule: CharacterRule) {
        self.range = range
        self.rule = rule
    }
}

extension Array where Element == CodeLayoutSlot {
    func shifted(by offset: Int) -> [CodeLayoutSlot] {
        map { CodeLayoutSlot($0.range.lowerBound + offset..<$0.range.upperBound + offset, $0.rule) }
    }
}

extension CharacterRule {
    /// Checks a part handed to a builder: exactly `length` characters, each allowed.
    func checkPart(_ value: String, name: String, length: Int) throws(ServiceItemError) {
        guard value.count == length, value.allSatisfy(allows) else {
            throw .invalidPart(name: name, value: value, expected: "\(length) characters, each \(englishName)")
        }
    }
}
