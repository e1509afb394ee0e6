/// Why a division lookup found nothing: the text is no code, the code is in no list, or the
/// code was not in force in the year asked (with the periods it was).
public enum DivisionError: ZhengwuKitError, Hashable {
    /// Not six decimal digits with a non-zero province (`"44030"`, `"44O305"`).
    case malformedCode(String)
    /// Six digits in none of the GB/T 2260 lists the table was built from.
    case unknownCode(DivisionCode)
    /// The code exists but was not in force in `year`; `validPeriods` say when it was.
    case notValidInYear(DivisionCode, year: Int, validPeriods: [DivisionPeriod])

    public var code: String {
        switch self {
        case .malformedCode: return "admindivision.malformed_code"
        case .unknownCode: return "admindivision.unknown_code"
        case .notValidInYear: return "admindivision.not_valid_in_year"
        }
    }

    public var message: String {
        switch self {
        case .malformedCode(let text):
            return "\"\(text)\" is not a division code: six digits are expected, the first two a province"
        case .unknownCode(let code):
            return
                "division code \(code) is in no GB/T 2260 list from \(Division.firstListYear) to \(Division.lastListYear)"
        case .notValidInYear(let code, let year, let periods):
            return
                "division code \(code) was not in force in \(year) (in force: \(periods.map(\.description).joined(separator: ", ")))"
        }
    }

    public var chineseTerm: String {
        switch self {
        case .malformedCode: return "行政区划代码格式错误"
        case .unknownCode: return "行政区划代码不存在"
        case .notValidInYear: return "行政区划代码在该年份无效"
        }
    }

    /// Every case once, for tests that hold the codes to the house rules.
    package static let examples: [DivisionError] = [
        .malformedCode("44030"), .unknownCode(DivisionCode(unchecked: 990_000)),
        .notValidInYear(DivisionCode(unchecked: 110_103), year: 2015, validPeriods: []),
    ]
}
