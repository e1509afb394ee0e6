import Foundation
import SwiftASN1

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Conversions between the ASN.1 time types and `Date`, through the C library's UTC
/// calendar (`timegm`, `gmtime_r`), so parsing a seal never builds a `Calendar`.
enum ASN1Time {
    /// The instants GeneralizedTime can write: 0000-01-01T00:00:00Z up to, not including,
    /// the year 10000, in seconds since 1970.
    private static let writable: Range<Double> = -62_167_219_200..<253_402_300_800

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
        let parts = try components(of: date)
        return try GeneralizedTime(
            year: parts.year, month: parts.month, day: parts.day, hours: parts.hours, minutes: parts.minutes,
            seconds: parts.seconds, fractionalSeconds: 0)
    }

    static func utcTime(_ date: Date) throws -> UTCTime {
        let parts = try components(of: date)
        return try UTCTime(
            year: parts.year, month: parts.month, day: parts.day, hours: parts.hours, minutes: parts.minutes,
            seconds: parts.seconds)
    }

    private static func date(
        year: Int, month: Int, day: Int, hours: Int, minutes: Int, seconds: Int, fraction: Double
    ) -> Date {
        // swift-asn1 has checked every field's range (years 0–9999), so each fits an Int32.
        var parts = tm()
        parts.tm_year = Int32(clamping: year - 1_900)
        parts.tm_mon = Int32(clamping: month - 1)
        parts.tm_mday = Int32(clamping: day)
        parts.tm_hour = Int32(clamping: hours)
        parts.tm_min = Int32(clamping: minutes)
        parts.tm_sec = Int32(clamping: seconds)
        return Date(timeIntervalSince1970: Double(timegm(&parts)) + fraction)
    }

    private struct Parts {
        var year, month, day, hours, minutes, seconds: Int
    }

    /// Throws for a date GeneralizedTime cannot write (NaN and infinities included), which
    /// would otherwise trap converting to `time_t`.
    private static func components(of date: Date) throws -> Parts {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard writable.contains(seconds) else {
            throw ESealError.invalidParameter(
                "\(date.timeIntervalSince1970) s after 1970 is outside the years 0000–9999 an ASN.1 time can hold")
        }
        var time = time_t(seconds)
        var parts = tm()
        guard gmtime_r(&time, &parts) != nil else {
            throw ESealError.invalidParameter("\(seconds) s after 1970 cannot be converted to a calendar date")
        }
        return Parts(
            year: Int(parts.tm_year) + 1_900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
            hours: Int(parts.tm_hour), minutes: Int(parts.tm_min), seconds: Int(parts.tm_sec))
    }
}
