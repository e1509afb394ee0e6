/// 组织机构代码 (GB 11714-1997): eight characters of `0-9A-Z` and a check character
/// (`0-9` or `X`), written `D2143569-X` or `D2143569X`. It lives on as positions 9–17 of
/// every unified social credit code.
///
/// ```swift
/// let code = try OrganizationCode(parsing: "D2143569-X")
/// code.body            // "D2143569"
/// code.checkCharacter  // "X"
/// code.compactForm     // "D2143569X"
/// code.hyphenated      // "D2143569-X"
/// ```
public struct OrganizationCode: CheckCharacterCode {
    public typealias ParseError = OrganizationCodeError

    /// The eight characters before the check character, packed six bits each.
    private let packedBody: UInt64
    /// The check character (`0-9` or `X`).
    public let checkCharacter: Character

    /// GB 11714 knows no tolerated departures: both strictnesses apply every rule.
    public static var defaultStrictness: Strictness { .strict }

    /// Parses and validates `text` (upper or lower case, with or without the hyphen, after
    /// ``compact(_:)``). `strictness` changes nothing: the standard has no known departures.
    public init(parsing text: some StringProtocol, strictness: Strictness) throws(OrganizationCodeError) {
        var bytes: [UInt8] = Array(text.utf8)
        if bytes.count == 10, bytes[8] == UInt8(ascii: "-") { bytes.remove(at: 8) }
        var result = bytes.withUnsafeBufferPointer { Self.parse($0) }
        if case .failure(.invalidLength) = result {
            let compacted = Array(Self.compact(text).utf8)
            if compacted.count != bytes.count { result = compacted.withUnsafeBufferPointer { Self.parse($0) } }
        }
        self = try result.get()
    }

    /// Parses and validates UTF-8 bytes in memory (a hyphen before the check character allowed,
    /// nothing else removed): the entry for bulk validation, without building a string.
    public init(utf8 buffer: UnsafeBufferPointer<UInt8>, strictness: Strictness = OrganizationCode.defaultStrictness)
        throws(OrganizationCodeError)
    {
        if buffer.count == 10, buffer[8] == UInt8(ascii: "-") {
            var bytes = (0..<9).map { buffer[$0 < 8 ? $0 : 9] }
            self = try bytes.withUnsafeMutableBufferPointer { Self.parse(UnsafeBufferPointer($0)) }.get()
        } else {
            self = try Self.parse(buffer).get()
        }
    }

    /// Removes spaces, tabs and hyphens and upper-cases.
    public static func compact(_ text: some StringProtocol) -> String {
        String(decoding: text.utf8.filter { !CodeAlphabet.isSeparator($0) }.map(CodeAlphabet.upper), as: UTF8.self)
    }

    /// Validates nine bytes already stripped of the hyphen; no allocation.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<OrganizationCode, OrganizationCodeError> {
        guard bytes.count == 9 else {
            if let position = CodeAlphabet.firstNonASCIIPosition(bytes) {
                return .failure(.invalidCharacter(position: position))
            }
            return .failure(.invalidLength(bytes.count))
        }
        var packed: UInt64 = 0
        for index in 0..<8 {
            guard let value = CodeAlphabet.organizationValue(CodeAlphabet.upper(bytes[index])) else {
                return .failure(.invalidCharacter(position: index + 1))
            }
            packed = packed << 6 | UInt64(value)
        }
        let expected = checkByte(ofBody: UnsafeBufferPointer(rebasing: bytes[0..<8]))
        let found = CodeAlphabet.upper(bytes[8])
        guard found == expected else {
            guard found == UInt8(ascii: "X") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(found) else {
                return .failure(.invalidCharacter(position: 9))
            }
            return .failure(
                .wrongCheckCharacter(
                    expected: Character(Unicode.Scalar(expected)), found: Character(Unicode.Scalar(found))))
        }
        return .success(OrganizationCode(packedBody: packed, check: expected))
    }

    fileprivate init(packedBody: UInt64, check: UInt8) {
        self.packedBody = packedBody
        self.checkCharacter = Character(Unicode.Scalar(check))
    }

    /// The check character of an eight-character body, or an error naming the bad character.
    public static func checkCharacter(for body: some StringProtocol) throws(OrganizationCodeError) -> Character {
        let bytes = Array(body.utf8)
        guard bytes.count == 8 else { throw .invalidLength(bytes.count) }
        var sum = 0
        for (index, byte) in bytes.enumerated() {
            guard let value = CodeAlphabet.organizationValue(CodeAlphabet.upper(byte)) else {
                throw .invalidCharacter(position: index + 1)
            }
            sum += value * CodeAlphabet.organizationWeight(index)
        }
        return Character(Unicode.Scalar(checkByte(sum: sum)))
    }

    /// The eight body characters.
    public var body: String {
        var characters = [UInt8](repeating: 0, count: 8)
        var packed = packedBody
        for index in stride(from: 7, through: 0, by: -1) {
            let value = Int(packed & 0x3F)
            packed >>= 6
            characters[index] = value < 10 ? UInt8(ascii: "0") + UInt8(value) : UInt8(ascii: "A") + UInt8(value - 10)
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// The nine characters without the hyphen (`D2143569X`).
    public var compactForm: String { body + String(checkCharacter) }

    /// The customary printed form, with a hyphen before the check character (`D2143569-X`).
    public var hyphenated: String { body + "-" + String(checkCharacter) }

    /// The whole code: an organisation's code is public.
    public var masked: String { compactForm }

    /// The check character of eight body bytes, or 0 when one is outside `0-9A-Z`.
    @inline(__always)
    static func checkByte(ofBody body: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var sum = 0
        for index in 0..<8 {
            guard let value = CodeAlphabet.organizationValue(CodeAlphabet.upper(body[index])) else { return 0 }
            sum += value * CodeAlphabet.organizationWeight(index)
        }
        return checkByte(sum: sum)
    }

    /// C9 = 11 − (Σ mod 11), where 10 is written `X` and 11 is written `0`.
    @inline(__always)
    static func checkByte(sum: Int) -> UInt8 {
        switch 11 - sum % 11 {
        case 10: return UInt8(ascii: "X")
        case 11: return UInt8(ascii: "0")
        case let digit: return UInt8(ascii: "0") + UInt8(digit)
        }
    }
}

extension OrganizationCode {
    /// The body and check character of a legacy code's positions 9–17 as written, for codes the
    /// lenient policy admitted although their organisation-code check fails.
    static func lenientlyParsed(_ bytes: [UInt8]) -> OrganizationCode {
        var packed: UInt64 = 0
        for byte in bytes.prefix(8) {
            packed = packed << 6 | UInt64(CodeAlphabet.organizationValue(CodeAlphabet.upper(byte)) ?? 0)
        }
        return OrganizationCode(
            packedBody: packed, check: bytes.count == 9 ? CodeAlphabet.upper(bytes[8]) : UInt8(ascii: "0"))
    }
}
