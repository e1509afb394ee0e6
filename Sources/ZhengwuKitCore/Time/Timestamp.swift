import Foundation
internal import ZhengwuKitSupport

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
        var text: [UInt8] = []
        text.reserveCapacity(28)
        CivilTime(secondsSince1970: seconds).write(to: &text)
        if fraction != 0 {
            text.append(UInt8(ascii: "."))
            ZeroPadding.append(fraction, width: 3, to: &text)
        }
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// The instant of midnight UTC starting `year-month-day`, or `nil` for a day that does not exist.
    public static func midnightUTC(year: Int, month: Int, day: Int) -> Date? {
        guard let civil = CivilDay(year: year, month: month, day: day) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(civil.daysSince1970) * 86_400)
    }
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
