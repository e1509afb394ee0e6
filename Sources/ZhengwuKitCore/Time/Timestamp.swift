import Foundation

/// The one way ZhengwuKit reads and writes a point in time given as text: every CLI option and
/// every file format that carries a time goes through it.
///
/// Accepted, and nothing else:
/// - a date-time with seconds and a zone, `2022-04-22T03:00:00Z`, `2022-04-22T11:00:00+08:00`,
///   optionally with a fraction of a second, `2022-04-22T03:00:00.250Z` (RFC 3339 §5.6, with
///   the upper-case `T` and `Z` of ISO 8601);
/// - a plain date, `2022-04-22`, meaning midnight UTC of that day.
///
/// Dates are proleptic Gregorian in every year (0000–9999), unlike Foundation's calendar, which
/// turns Julian before 1582. A time without a zone, a space for `T`, a missing seconds field, an
/// impossible day (`2025-02-30`), an hour of 24 or more and trailing characters are refused with a
/// message that says which, rather than read as something else.
public enum Timestamp {
    /// Reads `text`; see the type's documentation for the forms accepted.
    public static func parse(_ text: some StringProtocol) throws(TimestampError) -> Date {
        var reader = TimestampReader(text: String(text))
        return try reader.read()
    }

    /// `2022-04-22T03:00:00Z`, with milliseconds only when the time has a fraction of a second
    /// (`2022-04-22T03:00:00.250Z`). Always UTC; times outside the years 0000–9999 are written
    /// with as many year digits as they need and a sign when negative, so nothing is lost.
    public static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite else { return interval.isNaN ? "NaN" : (interval < 0 ? "-inf" : "+inf") }
        let milliseconds = (interval * 1000).rounded()
        guard abs(milliseconds) < 9.0e15 else { return "\(interval)" }
        let totalMilliseconds = Int64(milliseconds)
        let seconds = Int64((Double(totalMilliseconds) / 1000).rounded(.down))
        let fraction = Int(totalMilliseconds - seconds * 1000)
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let civil = CivilDay(daysSince1970: days)
        var text = civil.description + "T"
        text += twoDigits(Int(secondOfDay / 3600)) + ":" + twoDigits(Int(secondOfDay / 60 % 60)) + ":"
        text += twoDigits(Int(secondOfDay % 60))
        if fraction != 0 {
            text += "." + String(String(fraction + 1000).dropFirst())
        }
        return text + "Z"
    }

    /// The instant of midnight UTC starting `year-month-day`, or `nil` for a day that does not exist.
    public static func midnightUTC(year: Int, month: Int, day: Int) -> Date? {
        guard let civil = CivilDay(year: year, month: month, day: day) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(civil.daysSince1970) * 86_400)
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// Why a text is not a time ZhengwuKit accepts.
public struct TimestampError: ZhengwuKitError, Hashable {
    public enum Rule: String, Sendable, Hashable {
        /// The text does not have the shape `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS[.f](Z|±HH:MM)`.
        case format
        /// A date-time without `Z` or an offset.
        case missingZone = "missing_zone"
        /// A month, day, hour, minute, second or offset out of its range, or a day the month lacks.
        case outOfRange = "out_of_range"
        /// Characters after a complete time.
        case trailingCharacters = "trailing_characters"
    }

    public let rule: Rule
    /// The text, cut to 64 characters.
    public let text: String
    /// What was wrong, at which character (1-based).
    public let reason: String

    init(_ rule: Rule, text: String, reason: String) {
        self.rule = rule
        self.text = text.count > 64 ? String(text.prefix(64)) + "…" : text
        self.reason = reason
    }

    public var code: String { "time.\(rule.rawValue)" }

    public var message: String {
        "\"\(text)\" is not a time: \(reason); write 2025-01-31 (midnight UTC) or 2025-01-31T08:00:00Z "
            + "(seconds required, optional .fraction, zone Z or ±HH:MM)"
    }

    public var chineseTerm: String { "时间格式错误" }
}

/// A day of the proleptic Gregorian calendar, for the conversions `Timestamp` makes.
struct CivilDay: CustomStringConvertible {
    let year: Int
    let month: Int
    let day: Int

    init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.numberOfDays(inMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before), by H. Hinnant's days_from_civil.
    var daysSince1970: Int64 {
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse, civil_from_days; years outside 0–9999 are kept as they are.
    init(daysSince1970 days: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
    }

    var description: String {
        let digits = String(abs(year))
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return (year < 0 ? "-" : "") + padded + "-" + (month < 10 ? "0" : "") + "\(month)-"
            + (day < 10 ? "0" : "") + "\(day)"
    }
}
