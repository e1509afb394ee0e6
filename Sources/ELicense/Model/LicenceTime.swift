import Foundation
import ZhengwuKitCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `xs:dateTime` form the schemas allow (`2024-03-01T09:30:00+08:00`, seconds and a zone
/// required), read and written without a formatter so that both directions are exact.
enum LicenceTime {
    /// China Standard Time, the zone licences are written in.
    static let chinaOffsetSeconds = 8 * 3600

    static func format(_ date: Date, offsetSeconds: Int = chinaOffsetSeconds) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offsetSeconds
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let zone: String
        if offsetSeconds == 0 {
            zone = "Z"
        } else {
            let minutes = abs(offsetSeconds) / 60
            zone = (offsetSeconds < 0 ? "-" : "+") + pad(Int32(minutes / 60), 2) + ":" + pad(Int32(minutes % 60), 2)
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))\(zone)"
    }

    /// Reads `YYYY-MM-DDThh:mm:ss` followed by `Z` or `±hh:mm` (the schemas' form, no
    /// fraction) through the house parser; nil for anything else.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 25, bytes[10] == UInt8(ascii: "T") else { return nil }
        return try? Timestamp.parse(text)
    }
}
