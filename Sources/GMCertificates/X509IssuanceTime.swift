import Foundation
import GMCrypto

/// The dates GMCrypto can write into a certificate or list it issues.
enum X509IssuanceTime {
    /// 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z: what a GeneralizedTime's four-digit
    /// year holds. Outside it `time_t(_:)` traps (beyond ±2^63 seconds) or OpenSSL writes a
    /// time no reader accepts.
    static let range = -62_167_219_200.0...253_402_300_799.0

    /// Whole seconds since 1970 for `ASN1_TIME_set`, or nil when `date` is out of ``range``.
    static func seconds(_ date: Date) -> time_t? {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        return range.contains(seconds) ? time_t(seconds) : nil
    }

    static let rangeDescription = "between the years 0000 and 9999"
}
