/// A day of the Gregorian calendar, without time or time zone, as case numbers write it
/// (`yyyyMMdd`).
///
/// A plain value rather than `Date`: a case number names a calendar day in China, and
/// converting it through a time zone could move it to the day before.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The date, if it exists (years 1000–9999, so it fits eight digits).
    public init?(year: Int, month: Int, day: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `yyyyMMdd` (eight digits).
    public init?(compact text: some StringProtocol) {
        guard text.count == 8, text.allSatisfy(CharacterRule.digit.allows),
            let year = Int(text.prefix(4)), let month = Int(text.dropFirst(4).prefix(2)),
            let day = Int(text.suffix(2))
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `yyyyMMdd`.
    public var compact: String {
        Self.padded(year, 4) + Self.padded(month, 2) + Self.padded(day, 2)
    }

    /// `yyyy-MM-dd`.
    public var description: String {
        "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
