import AdminDivision
internal import ZhengwuKitSupport

/// Why a string is not a valid identity number. Each case names the rule it breaks.
public enum CitizenIDError: ZhengwuKitError, Hashable {
    /// Neither 18 characters nor (where accepted) 15 digits.
    case invalidLength(Int)
    /// A non-digit where a digit belongs, or a check character other than `0-9X`; 1-based.
    case invalidCharacter(position: Int)
    /// The check character does not match; `expected` is the right one.
    case wrongCheckCharacter(expected: Character, found: Character)
    /// Positions 7–14 are no calendar date (`19990231`).
    case impossibleBirthDate(String)
    /// The birth date lies after the reference date (today by default).
    case futureBirthDate(CalendarDate)
    /// The birth date lies before 1800.
    case birthDateBefore1800(CalendarDate)
    /// The address code is in none of the GB/T 2260 lists.
    case unknownRegion(code: Int)
    /// The address code exists but was not valid in the birth year (strict parsing; lenient
    /// parsing lists it in ``CitizenID/toleratedErrors``); the periods say when it was.
    case regionNotValidInYear(code: Int, year: Int, validPeriods: [DivisionPeriod])
    /// The number is of a document kind ``CitizenID/Options/acceptedKinds`` leaves out.
    case documentKindNotAccepted(DocumentKind)

    /// A stable machine code (`citizenid.check_character`), `--json`'s "error".
    public var code: String {
        switch self {
        case .invalidLength: return "citizenid.length"
        case .invalidCharacter: return "citizenid.character"
        case .wrongCheckCharacter: return "citizenid.check_character"
        case .impossibleBirthDate: return "citizenid.birth_date_impossible"
        case .futureBirthDate: return "citizenid.birth_date_future"
        case .birthDateBefore1800: return "citizenid.birth_date_before_1800"
        case .unknownRegion: return "citizenid.region_unknown"
        case .regionNotValidInYear: return "citizenid.region_not_valid_in_year"
        case .documentKindNotAccepted: return "citizenid.document_kind_not_accepted"
        }
    }

    /// The term of the standard, for people reading Chinese.
    public var chineseTerm: String {
        switch self {
        case .invalidLength: return "号码长度错误"
        case .invalidCharacter: return "号码字符错误"
        case .wrongCheckCharacter: return "校验码错误"
        case .impossibleBirthDate: return "出生日期码错误"
        case .futureBirthDate: return "出生日期晚于当前日期"
        case .birthDateBefore1800: return "出生日期早于1800年"
        case .unknownRegion: return "地址码不存在"
        case .regionNotValidInYear: return "地址码在出生年份无效"
        case .documentKindNotAccepted: return "证件类型不受理"
        }
    }

    /// A sentence in English.
    public var message: String {
        switch self {
        case .invalidLength(let length):
            return "an identity number has 18 characters (or 15 digits for the legacy form), not \(length)"
        case .invalidCharacter(let position):
            return position == 18
                ? "character 18 must be a digit or X" : "character \(position) must be a digit"
        case .wrongCheckCharacter(let expected, let found):
            return "check character is \(found) but should be \(expected)"
        case .impossibleBirthDate(let digits):
            return "birth date \(digits) is not a calendar date"
        case .futureBirthDate(let date):
            return "birth date \(date) is in the future"
        case .birthDateBefore1800(let date):
            return "birth date \(date) is before 1800"
        case .unknownRegion(let code):
            return "address code \(Self.sixDigits(code)) is in no GB/T 2260 list"
        case .regionNotValidInYear(let code, let year, let periods):
            let valid = periods.map { "\($0.name) \($0.years)" }.joined(separator: ", ")
            return "address code \(Self.sixDigits(code)) was not valid in \(year) (valid: \(valid))"
        case .documentKindNotAccepted(let kind):
            return "\(kind.chineseName) numbers are not accepted here"
        }
    }

    private static func sixDigits(_ code: Int) -> String {
        ZeroPadding.decimal(code, width: 6)
    }
}

extension CitizenIDError {
    /// Every case once, for tests that hold the codes to the house rules.
    package static let examples: [CitizenIDError] = [
        .invalidLength(17), .invalidCharacter(position: 3), .wrongCheckCharacter(expected: "X", found: "1"),
        .impossibleBirthDate("19990231"), .futureBirthDate(CalendarDate(unchecked: 2999, month: 1, day: 1)),
        .birthDateBefore1800(CalendarDate(unchecked: 1799, month: 1, day: 1)), .unknownRegion(code: 999_999),
        .regionNotValidInYear(code: 110_118, year: 2010, validPeriods: []),
        .documentKindNotAccepted(.taiwanResidencePermit),
    ]
}
