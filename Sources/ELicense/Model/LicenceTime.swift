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
        let local = CivilTime(secondsSince1970: seconds + Int64(offsetSeconds))
        let zone: String
        if offsetSeconds == 0 {
            zone = "Z"
        } else {
            let minutes = abs(offsetSeconds) / 60
            zone =
                (offsetSeconds < 0 ? "-" : "+") + ZeroPadding.decimal(minutes / 60, width: 2) + ":"
                + ZeroPadding.decimal(minutes % 60, width: 2)
        }
        return local.day.description + "T" + local.timeOfDay + zone
    }

    /// Reads `YYYY-MM-DDThh:mm:ss` followed by `Z` or `±hh:mm` (the schemas' form, no
    /// fraction) through the house parser; nil for anything else.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 25, bytes[10] == UInt8(ascii: "T") else { return nil }
        return try? Timestamp.parse(text)
    }
}
