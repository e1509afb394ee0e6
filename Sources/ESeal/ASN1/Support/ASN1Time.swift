import Foundation
import SwiftASN1

/// Conversions between the ASN.1 time types and `Date`, done by arithmetic on the civil
/// calendar so parsing a seal never builds a `Calendar`.
enum ASN1Time {
    static func date(_ time: GeneralizedTime) -> Date {
        date(
            year: time.year, month: time.month, day: time.day, hours: time.hours, minutes: time.minutes,
            seconds: time.seconds, fraction: time.fractionalSeconds)
    }

    static func date(_ time: UTCTime) -> Date {
        date(
            year: time.year, month: time.month, day: time.day, hours: time.hours, minutes: time.minutes,
            seconds: time.seconds, fraction: 0)
    }

    static func generalizedTime(_ date: Date) throws -> GeneralizedTime {
        let parts = components(of: date)
        return try GeneralizedTime(
            year: parts.year, month: parts.month, day: parts.day, hours: parts.hours, minutes: parts.minutes,
            seconds: parts.seconds, fractionalSeconds: 0)
    }

    static func utcTime(_ date: Date) throws -> UTCTime {
        let parts = components(of: date)
        return try UTCTime(
            year: parts.year, month: parts.month, day: parts.day, hours: parts.hours, minutes: parts.minutes,
            seconds: parts.seconds)
    }

    private static func date(
        year: Int, month: Int, day: Int, hours: Int, minutes: Int, seconds: Int, fraction: Double
    ) -> Date {
        let days = daysFromCivil(year: year, month: month, day: day)
        let total = Double(days * 86_400 + hours * 3_600 + minutes * 60 + seconds) + fraction
        return Date(timeIntervalSince1970: total)
    }

    private struct Parts {
        var year, month, day, hours, minutes, seconds: Int
    }

    private static func components(of date: Date) -> Parts {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondsOfDay = total - days * 86_400
        let civil = civilFromDays(days)
        return Parts(
            year: civil.year, month: civil.month, day: civil.day, hours: secondsOfDay / 3_600,
            minutes: secondsOfDay % 3_600 / 60, seconds: secondsOfDay % 60)
    }

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
