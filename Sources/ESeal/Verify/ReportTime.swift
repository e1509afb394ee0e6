import Foundation
internal import ZhengwuKitSupport

/// Dates in reports as `2026-11-21T06:12:42Z`, formatted from their calendar parts: a verification
/// writes several, and Foundation's formatters would cost more than the checks themselves.
enum ReportTime {
    static func format(_ date: Date) -> String {
        guard let seconds = try? ASN1Time.wholeSeconds(date) else {
            return "\(date.timeIntervalSince1970) s after 1970"
        }
        var text: [UInt8] = []
        text.reserveCapacity(24)
        CivilTime(secondsSince1970: seconds).write(to: &text)
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }
}

extension DefaultStringInterpolation {
    /// `"\(report: date)"`: a date as reports print it.
    mutating func appendInterpolation(report date: Date) {
        appendLiteral(ReportTime.format(date))
    }
}
