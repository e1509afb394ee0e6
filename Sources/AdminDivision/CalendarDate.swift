internal import ZhengwuKitSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A day of the proleptic Gregorian calendar, without time or time zone, as identity numbers,
/// case numbers and division histories write it (`yyyyMMdd`).
///
/// A plain value rather than `Date`: these codes name a calendar day in China, and converting
/// one through a time zone could move it to the day before. It lives in AdminDivision, the
/// bottom of the codes layer, so every code module shares one type.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date, or `nil` when no such day exists (month 13, 30 February, 29 February 1900) or
    /// the year does not fit four digits.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Self.numberOfDays(inMonth: month, year: year)
        else { return nil }
        self.init(unchecked: year, month: month, day: day)
    }

    /// Reads `yyyyMMdd` (exactly eight ASCII digits).
    public init?(compact text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 8, utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int {
            utf8[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        self.init(year: number(0..<4), month: number(4..<6), day: number(6..<8))
    }

    /// Today in UTC+8, the time zone of the codes these modules validate.
    public static var today: CalendarDate {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return CalendarDate(daysSince1970: (Int(now.tv_sec) + 8 * 3600) / 86_400)
    }

    /// `20240229`.
    public var compact: String {
        ZeroPadding.decimal(year, width: 4) + ZeroPadding.decimal(month, width: 2) + ZeroPadding.decimal(day, width: 2)
    }

    /// `2024-02-29`.
    public var description: String {
        ZeroPadding.decimal(year, width: 4) + "-" + ZeroPadding.decimal(month, width: 2) + "-"
            + ZeroPadding.decimal(day, width: 2)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.packed < rhs.packed
    }

    /// The number of days in `month` (1–12) of `year`.
    @inlinable
    public static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `yyyyMMdd` as an integer: ordered like the dates, cheap to compare on hot paths.
    @inlinable
    package var packed: Int { year &* 10_000 &+ month &* 100 &+ day }

    /// For parsers that have already range-checked the fields on their hot path.
    @inlinable
    package init(unchecked year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The civil date `days` days after 1970-01-01.
    init(daysSince1970 days: Int) {
        let civil = CivilDay(daysSince1970: Int64(days))
        self.init(unchecked: civil.year, month: civil.month, day: civil.day)
    }
}

/// Encoded as the ISO 8601 calendar date `yyyy-MM-dd`, the form JSON readers expect.
extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let date = CalendarDate(compact: parts.joined())
        else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a calendar date yyyy-MM-dd, found \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
