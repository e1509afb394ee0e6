import ZhengwuKitCore

/// Why a text is not a valid licence identifier 证照标识 (GB/T 36904). Each case names its rule.
public enum LicenceIdentifierError: ZhengwuKitError, Hashable {
    /// The identifier does not start with the licence root OID `1.2.156.3005.2`.
    case notUnderLicenceRoot
    /// After the root there must be five dotted parts (type code, issuer code, serial, version,
    /// check character); `count` were found.
    case wrongPartCount(Int)
    /// A part has the wrong length or shape; `expected` says what it should be.
    case invalidPart(Part, expected: String)
    /// A character outside `0-9A-Z` (strict: upper case only); `position` is 1-based in the part.
    case invalidCharacter(Part, position: Int)
    /// The check character does not match; `expected` is the right one.
    case wrongCheckCharacter(expected: Character, found: Character)

    /// The parts of an identifier after the root OID.
    public enum Part: String, Sendable, Hashable, CaseIterable {
        case typeCode = "type code"
        case issuerCode = "issuer code"
        case serial
        case version
        case checkCharacter = "check character"

        /// The standard's term.
        public var chineseTerm: String {
            switch self {
            case .typeCode: return "证照类型代码"
            case .issuerCode: return "颁发机构代码"
            case .serial: return "顺序号"
            case .version: return "版本号"
            case .checkCharacter: return "校验位"
            }
        }
    }

    /// A stable dotted code (`licenceid.rule`).
    public var code: String {
        switch self {
        case .notUnderLicenceRoot: return "licenceid.root"
        case .wrongPartCount: return "licenceid.part_count"
        case .invalidPart(let part, _): return "licenceid.\(part.codeName)"
        case .invalidCharacter: return "licenceid.character"
        case .wrongCheckCharacter: return "licenceid.check_character"
        }
    }

    /// The standard's term for what is wrong.
    public var chineseTerm: String {
        switch self {
        case .notUnderLicenceRoot: return "证照标识根节点错误"
        case .wrongPartCount: return "证照标识结构错误"
        case .invalidPart(let part, _): return part.chineseTerm + "错误"
        case .invalidCharacter(let part, _): return part.chineseTerm + "字符错误"
        case .wrongCheckCharacter: return "校验位错误"
        }
    }

    /// What is wrong, where, and what is expected, in English.
    public var message: String {
        switch self {
        case .notUnderLicenceRoot:
            return "a licence identifier starts with the root OID 1.2.156.3005.2"
        case .wrongPartCount(let count):
            return
                "a licence identifier has five parts after 1.2.156.3005.2 (type code, issuer code, serial, version, check character), not \(count)"
        case .invalidPart(let part, let expected):
            return "the \(part.rawValue) must be \(expected)"
        case .invalidCharacter(let part, let position):
            return "character \(position) of the \(part.rawValue) is not in the alphabet 0-9A-Z"
        case .wrongCheckCharacter(let expected, let found):
            return "check character is \(found) but should be \(expected) (ISO 7064 MOD 37,36)"
        }
    }
}

extension LicenceIdentifierError.Part {
    var codeName: String {
        switch self {
        case .typeCode: return "type_code"
        case .issuerCode: return "issuer_code"
        case .serial: return "serial"
        case .version: return "version"
        case .checkCharacter: return "check_format"
        }
    }
}
