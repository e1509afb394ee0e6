import Foundation
import SwiftASN1

/// The one conversion between the ASN.1 time types (UTCTime, GeneralizedTime, the X.509
/// `Time` choice) and `Date`, for certificates, CRLs, seals and status lists alike.
///
/// swift-asn1 has already refused what DER forbids (a zone other than `Z`, an impossible day,
/// a trailing zero in the fraction) and read UTCTime's two-digit year with RFC 5280's pivot
/// (50–99 are 1950–1999, 00–49 are 2000–2049); this only does the calendar arithmetic, in
/// the proleptic Gregorian calendar of ``CivilDay``, without `Calendar` or the C library.
package enum ASN1Time {
    /// 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z in seconds since 1970: what a
    /// GeneralizedTime's four-digit year holds.
    package static let writableSeconds: ClosedRange<Double> = -62_167_219_200...253_402_300_799

    /// The instant a GeneralizedTime names, its fraction of a second included.
    package static func date(_ time: GeneralizedTime) -> Date {
        instant(
            year: time.year, month: time.month, day: time.day, hours: time.hours, minutes: time.minutes,
            seconds: time.seconds, fraction: time.fractionalSeconds)
    }

    /// The instant a UTCTime names.
    package static func date(_ time: UTCTime) -> Date {
        instant(
            year: time.year, month: time.month, day: time.day, hours: time.hours, minutes: time.minutes,
            seconds: time.seconds, fraction: 0)
    }

    /// `Time ::= CHOICE { utcTime UTCTime, generalTime GeneralizedTime }` (RFC 5280 §4.1.2.5), in DER.
    package static func date(_ node: ASN1Node) throws(ASN1TimeError) -> Date {
        do {
            switch node.identifier {
            case UTCTime.defaultIdentifier: return date(try UTCTime(derEncoded: node))
            case GeneralizedTime.defaultIdentifier: return date(try GeneralizedTime(derEncoded: node))
            default: throw ASN1TimeError("not a UTCTime or GeneralizedTime")
            }
        } catch let error as ASN1TimeError {
            throw error
        } catch {
            throw ASN1TimeError("not a valid time: \(error)")
        }
    }

    /// The instant of calendar parts another decoder has read (OpenSSL's `tm`), or nil when
    /// the day does not exist or a field is out of its range (a 60th second is allowed).
    package static func date(
        year: Int, month: Int, day: Int, hours: Int, minutes: Int, seconds: Int, fraction: Double = 0
    ) -> Date? {
        guard CivilDay(year: year, month: month, day: day) != nil, (0..<24).contains(hours),
            (0..<60).contains(minutes), (0...60).contains(seconds), (0..<1).contains(fraction)
        else { return nil }
        return instant(
            year: year, month: month, day: day, hours: hours, minutes: minutes, seconds: seconds, fraction: fraction)
    }

    /// `date` rounded down to the whole second, for `ASN1_TIME_set`; throws outside the years
    /// 0000–9999 (NaN and the infinities included), where converting to `time_t` would trap or
    /// OpenSSL would write a time no reader accepts.
    package static func wholeSeconds(_ date: Date) throws(ASN1TimeError) -> Int64 {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard writableSeconds.contains(seconds) else {
            throw ASN1TimeError(
                "\(date.timeIntervalSince1970) s after 1970 is outside the years 0000–9999 an ASN.1 time can hold")
        }
        return Int64(seconds)
    }

    /// `date` as a GeneralizedTime in whole seconds (a fraction is dropped, as DER signers write).
    package static func generalizedTime(_ date: Date) throws(ASN1TimeError) -> GeneralizedTime {
        let time = CivilTime(secondsSince1970: try wholeSeconds(date))
        do {
            return try GeneralizedTime(
                year: time.day.year, month: time.day.month, day: time.day.day, hours: time.hours,
                minutes: time.minutes, seconds: time.seconds, fractionalSeconds: 0)
        } catch {
            throw ASN1TimeError("\(date.timeIntervalSince1970) s after 1970 cannot be a GeneralizedTime: \(error)")
        }
    }

    /// `date` as a UTCTime in whole seconds; throws outside 1950–2049, the years it can write.
    package static func utcTime(_ date: Date) throws(ASN1TimeError) -> UTCTime {
        let time = CivilTime(secondsSince1970: try wholeSeconds(date))
        guard (1950...2049).contains(time.day.year) else {
            throw ASN1TimeError("the year \(time.day.year) is outside 1950–2049, the years a UTCTime can hold")
        }
        do {
            return try UTCTime(
                year: time.day.year, month: time.day.month, day: time.day.day, hours: time.hours,
                minutes: time.minutes, seconds: time.seconds)
        } catch {
            throw ASN1TimeError("\(date.timeIntervalSince1970) s after 1970 cannot be a UTCTime: \(error)")
        }
    }

    /// The fields are in range here (checked by swift-asn1 or by ``date(year:month:day:hours:minutes:seconds:fraction:)``).
    private static func instant(
        year: Int, month: Int, day: Int, hours: Int, minutes: Int, seconds: Int, fraction: Double
    ) -> Date {
        let days = CivilDay.daysSince1970(year: year, month: month, day: day)
        let secondOfDay = Int64(hours * 3600 + minutes * 60 + seconds)
        return Date(timeIntervalSince1970: Double(days * 86_400 + secondOfDay) + fraction)
    }
}

/// Why a time could not be read or written; the callers wrap it in their own module's error.
package struct ASN1TimeError: Error, Hashable, Sendable, CustomStringConvertible {
    package let reason: String

    package init(_ reason: String) {
        self.reason = reason
    }

    package var description: String { reason }
}
