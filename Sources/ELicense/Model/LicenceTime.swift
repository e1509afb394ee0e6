import Foundation
import ZhengwuKitCore
internal import ZhengwuKitSupport

/// The `xs:dateTime` form the schemas allow (`2024-03-01T09:30:00+08:00`, seconds and a zone
/// required), read and written without a formatter so that both directions are exact.
enum LicenceTime {
    /// China Standard Time, the zone licences are written in.
    static let chinaOffsetSeconds = 8 * 3600

    static func format(_ date: Date, offsetSeconds: Int = chinaOffsetSeconds) -> String {
        // Outside the years 0000–9999 no schema reader takes the time anyway; say it in seconds.
        guard let seconds = try? ASN1Time.wholeSeconds(date) else {
            return "\(date.timeIntervalSince1970) s after 1970"
        }
        var text: [UInt8] = []
        text.reserveCapacity(28)
        CivilTime(secondsSince1970: seconds + Int64(offsetSeconds)).write(to: &text)
        if offsetSeconds == 0 {
            text.append(UInt8(ascii: "Z"))
        } else {
            let minutes = abs(offsetSeconds) / 60
            text.append(UInt8(ascii: offsetSeconds < 0 ? "-" : "+"))
            ZeroPadding.append(minutes / 60, width: 2, to: &text)
            text.append(UInt8(ascii: ":"))
            ZeroPadding.append(minutes % 60, width: 2, to: &text)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Reads `YYYY-MM-DDThh:mm:ss` followed by `Z` or `±hh:mm` (the schemas' form, no
    /// fraction) through the house parser; nil for anything else.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 25, bytes[10] == UInt8(ascii: "T") else { return nil }
        return try? Timestamp.parse(text)
    }
}
