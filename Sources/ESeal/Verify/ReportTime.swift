import Foundation

/// Dates in reports as `2026-11-21T06:12:42Z`, formatted from their calendar parts: a verification
/// writes several, and Foundation's formatters would cost more than the checks themselves.
enum ReportTime {
    static func format(_ date: Date) -> String {
        guard let time = try? ASN1Time.generalizedTime(date) else {
            return "\(date.timeIntervalSince1970) s after 1970"
        }
        return
            "\(time.year)-\(pad(time.month))-\(pad(time.day))T\(pad(time.hours)):\(pad(time.minutes)):\(pad(time.seconds))Z"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

extension DefaultStringInterpolation {
    /// `"\(report: date)"`: a date as reports print it.
    mutating func appendInterpolation(report date: Date) {
        appendLiteral(ReportTime.format(date))
    }
}
