/// A day of the proleptic Gregorian calendar and its distance from 1970-01-01, the one
/// conversion between calendar days and instants the package makes (no `Calendar`, no time zone,
/// no C library), so that every year from 0000 to 9999 converts the same way everywhere.
package struct CivilDay: Hashable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    /// A day of the years 0000–9999, or nil when the month lacks it (30 February, month 13).
    package init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.numberOfDays(inMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    package static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before).
    package var daysSince1970: Int64 { Self.daysSince1970(year: year, month: month, day: day) }

    /// Days since 1970-01-01 of fields already range-checked, by H. Hinnant's days_from_civil.
    package static func daysSince1970(year: Int, month: Int, day: Int) -> Int64 {
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse, civil_from_days; years outside 0–9999 are kept as they are.
    package init(daysSince1970 days: Int64) {
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

    /// `2024-02-29`; years outside 0000–9999 with as many digits as they need and their sign.
    package var description: String {
        var text: [UInt8] = []
        text.reserveCapacity(10)
        write(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends ``description`` in ASCII.
    package func write(to text: inout [UInt8]) {
        ZeroPadding.append(year, width: 4, to: &text)
        text.append(UInt8(ascii: "-"))
        ZeroPadding.append(month, width: 2, to: &text)
        text.append(UInt8(ascii: "-"))
        ZeroPadding.append(day, width: 2, to: &text)
    }
}

/// An instant split into its UTC calendar day and time of day, whole seconds.
package struct CivilTime: Hashable, Sendable, CustomStringConvertible {
    package let day: CivilDay
    package let hours: Int
    package let minutes: Int
    package let seconds: Int

    /// The UTC day and time of `secondsSince1970` (rounded down to the whole second).
    package init(secondsSince1970: Int64) {
        let (days, secondOfDay) = Self.floorDivision(secondsSince1970, 86_400)
        day = CivilDay(daysSince1970: days)
        hours = Int(secondOfDay / 3600)
        minutes = Int(secondOfDay / 60 % 60)
        seconds = Int(secondOfDay % 60)
    }

    /// `09:05:00`.
    package var timeOfDay: String {
        var text: [UInt8] = []
        text.reserveCapacity(8)
        writeTimeOfDay(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// `2024-02-29T09:05:00`, the day and time every timestamp writer of the package starts from.
    package var description: String {
        var text: [UInt8] = []
        text.reserveCapacity(24)
        write(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends ``description`` in ASCII, for writers that add a fraction or a zone to it. A seal
    /// verification's report writes several times; joined from strings each cost about 10,000
    /// instructions, written into one text about 1,000.
    package func write(to text: inout [UInt8]) {
        day.write(to: &text)
        text.append(UInt8(ascii: "T"))
        writeTimeOfDay(to: &text)
    }

    private func writeTimeOfDay(to text: inout [UInt8]) {
        ZeroPadding.append(hours, width: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        ZeroPadding.append(minutes, width: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        ZeroPadding.append(seconds, width: 2, to: &text)
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }
}
