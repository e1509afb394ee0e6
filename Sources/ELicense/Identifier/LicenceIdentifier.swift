import ZhengwuKitCore

/// 证照标识 (GB/T 36904-2018): `1.2.156.3005.2.<type code>.<issuer code>.<serial>.<version>.<check>`.
///
/// ```swift
/// let id = try LicenceIdentifier(parsing: "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U")
/// id.typeCode        // "11100000000013338W011"
/// id.issuerCode      // "11430000006122244L"
/// let made = try LicenceIdentifier(typeCode: t, issuerCode: i, serial: "20240001", version: "001")
/// made.checkCharacter  // computed with ISO 7064 MOD 37,36
/// ```
///
/// The check character runs over type code, issuer code, serial and version concatenated
/// without dots, upper case (standards note §5); python-stdnum's `iso7064.mod_37_36` agrees.
public struct LicenceIdentifier: CheckCharacterCode {
    /// The licence root OID 电子证照根节点.
    public static let rootOID = "1.2.156.3005.2"

    /// 证照类型代码: the defining authority's USCC and a three-digit sequence (21 characters).
    public let typeCode: String
    /// 颁发机构代码: normally the issuer's USCC.
    public let issuerCode: String
    /// 顺序号, chosen by the issuer.
    public let serial: String
    /// 版本号, three digits, raised when a new file is made for the same licence.
    public let version: String
    /// 校验位.
    public let checkCharacter: Character

    /// Builds an identifier from its parts and computes the check character.
    public init(typeCode: String, issuerCode: String, serial: String, version: String = "001")
        throws(LicenceIdentifierError)
    {
        let parts = [typeCode, issuerCode, serial, version].map { Array($0.utf8) }
        try Self.checkParts(parts, strictness: .strict)
        var state = 36
        for part in parts { MOD3736.absorb(part, into: &state) }
        self.init(
            unchecked: typeCode, issuerCode: issuerCode, serial: serial, version: version,
            check: MOD3736.checkCharacter(closing: state))
    }

    /// Parses and checks an identifier. `.lenient` also takes lower case and surrounding white
    /// space and a wider range of issuer-code and serial lengths; the check character is always
    /// checked, and a wrong one is reported with the expected one.
    public init(parsing text: some StringProtocol, strictness: Strictness) throws(LicenceIdentifierError) {
        var bytes = Array(text.utf8)
        if strictness == .lenient {
            while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D {
                bytes.removeLast()
            }
            let leading = bytes.prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.count
            bytes.removeFirst(leading)
            bytes = bytes.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") ? $0 - 32 : $0 }
        }
        let root = Array(Self.rootOID.utf8) + [UInt8(ascii: ".")]
        guard bytes.count > root.count, bytes.starts(with: root) else { throw .notUnderLicenceRoot }
        let parts = bytes[root.count...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .map(Array.init)
        guard parts.count == 5 else { throw .wrongPartCount(parts.count) }
        try Self.checkParts(Array(parts[0..<4]), strictness: strictness)
        guard parts[4].count == 1 else { throw .invalidPart(.checkCharacter, expected: "one character of 0-9A-Z") }
        let found = parts[4][0]
        guard MOD3736.value(found) != nil, strictness == .lenient || !Self.isLower(found) else {
            throw .invalidCharacter(.checkCharacter, position: 1)
        }
        var state = 36
        for part in parts[0..<4] { MOD3736.absorb(part, into: &state) }
        let expected = MOD3736.checkCharacter(closing: state)
        guard expected == found else {
            throw .wrongCheckCharacter(
                expected: Character(Unicode.Scalar(expected)), found: Character(Unicode.Scalar(found)))
        }
        self.init(
            unchecked: String(decoding: parts[0], as: UTF8.self), issuerCode: String(decoding: parts[1], as: UTF8.self),
            serial: String(decoding: parts[2], as: UTF8.self), version: String(decoding: parts[3], as: UTF8.self),
            check: expected)
    }

    /// The check character for an identifier written without it
    /// (`1.2.156.3005.2.<type>.<issuer>.<serial>.<version>`): ISO 7064 MOD 37,36 over the four
    /// parts written together without dots, which is what python-stdnum's
    /// `mod_37_36.calc_check_digit` takes.
    public static func checkCharacter(for body: some StringProtocol) throws(LicenceIdentifierError) -> Character {
        let bytes = Array(body.utf8)
        let root = Array(rootOID.utf8) + [UInt8(ascii: ".")]
        guard bytes.count > root.count, bytes.starts(with: root) else { throw .notUnderLicenceRoot }
        let parts = bytes[root.count...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .map(Array.init)
        guard parts.count == 4 else { throw .wrongPartCount(parts.count + 1) }
        try checkParts(parts, strictness: .strict)
        var state = 36
        for part in parts { MOD3736.absorb(part, into: &state) }
        return Character(Unicode.Scalar(MOD3736.checkCharacter(closing: state)))
    }

    /// White space removed and letters upper-cased; no validation.
    public static func compact(_ text: some StringProtocol) -> String {
        String(String(text).unicodeScalars.filter { !$0.properties.isWhitespace }).uppercased()
    }

    /// The identifier in its canonical form (upper case, dotted): what is written into licences.
    public var rawValue: String {
        "\(Self.rootOID).\(typeCode).\(issuerCode).\(serial).\(version).\(checkCharacter)"
    }

    /// The canonical form (the identifier has no separators to drop; the dots are part of it).
    public var compactForm: String { rawValue }

    /// For logs: the serial's middle hidden (`2023****403`), since a serial can carry a
    /// holder's personal number.
    public var masked: String {
        let characters = Array(serial)
        let shown = characters.count >= 8 ? 4 : characters.count / 3
        let tail = characters.count >= 8 ? 3 : characters.count / 3
        let hidden =
            String(characters.prefix(shown)) + String(repeating: "*", count: characters.count - shown - tail)
            + String(characters.suffix(tail))
        return "\(Self.rootOID).\(typeCode).\(issuerCode).\(hidden).\(version).\(checkCharacter)"
    }

    /// The defining authority's code: the type code's first 18 characters.
    public var definingAuthorityCode: String { String(typeCode.prefix(18)) }

    private init(unchecked typeCode: String, issuerCode: String, serial: String, version: String, check: UInt8) {
        self.typeCode = typeCode
        self.issuerCode = issuerCode
        self.serial = serial
        self.version = version
        self.checkCharacter = Character(Unicode.Scalar(check))
    }

    private static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }

    /// Type code, issuer code, serial and version, in that order.
    private static func checkParts(_ parts: [[UInt8]], strictness: Strictness) throws(LicenceIdentifierError) {
        let kinds: [LicenceIdentifierError.Part] = [.typeCode, .issuerCode, .serial, .version]
        for (part, kind) in zip(parts, kinds) {
            for (index, byte) in part.enumerated() {
                guard MOD3736.value(byte) != nil, !isLower(byte) else {
                    throw .invalidCharacter(kind, position: index + 1)
                }
            }
        }
        let lenient = strictness == .lenient
        guard parts[0].count == 21, parts[0][18...].allSatisfy(isDigit) else {
            throw .invalidPart(.typeCode, expected: "21 characters: a USCC (18) and a three-digit sequence")
        }
        let issuer = parts[1]
        guard
            issuer.count == 18 || (issuer.count == 6 && issuer.allSatisfy(isDigit))
                || (lenient && (1...32).contains(issuer.count))
        else {
            throw .invalidPart(.issuerCode, expected: "a USCC (18 characters) or a six-digit division code")
        }
        guard (1...(lenient ? 64 : 32)).contains(parts[2].count) else {
            throw .invalidPart(.serial, expected: "1 to \(lenient ? 64 : 32) characters of 0-9A-Z")
        }
        guard parts[3].count == 3, parts[3].allSatisfy(isDigit) else {
            throw .invalidPart(.version, expected: "three digits")
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
