import Foundation
internal import ZhengwuKitSupport

/// Reads the forms `Timestamp.parse` accepts, byte by byte, naming the first character that
/// breaks them.
struct TimestampReader {
    private let text: String
    private let bytes: [UInt8]
    private var index = 0

    init(text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    mutating func read() throws(TimestampError) -> Date {
        let year = try digits(4, "the year (four digits)")
        try expect(UInt8(ascii: "-"), "'-' after the year")
        let month = try digits(2, "the month (two digits)")
        try expect(UInt8(ascii: "-"), "'-' after the month")
        let day = try digits(2, "the day (two digits)")
        guard (1...12).contains(month) else { throw fail(.outOfRange, "month \(month) is not 01–12") }
        guard let civil = CivilDay(year: year, month: month, day: day) else {
            throw fail(.outOfRange, "day \(day) does not exist in \(year)-\(ZeroPadding.decimal(month, width: 2))")
        }
        let midnight = TimeInterval(civil.daysSince1970) * 86_400
        if index == bytes.count { return Date(timeIntervalSince1970: midnight) }
        guard bytes[index] == UInt8(ascii: "T") else {
            if bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "t") {
                throw fail(.format, "character \(index + 1) must be an upper-case 'T' between date and time")
            }
            throw fail(.trailingCharacters, "unexpected characters after the date at character \(index + 1)")
        }
        index += 1
        let hour = try digits(2, "the hour (two digits)")
        try expect(UInt8(ascii: ":"), "':' after the hour")
        let minute = try digits(2, "the minute (two digits)")
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw fail(.format, "seconds are required (HH:MM:SS) at character \(index + 1)")
        }
        index += 1
        let second = try digits(2, "the second (two digits)")
        guard hour < 24 else { throw fail(.outOfRange, "hour \(hour) is not 00–23") }
        guard minute < 60 else { throw fail(.outOfRange, "minute \(minute) is not 00–59") }
        guard second < 60 else {
            throw fail(.outOfRange, "second \(second) is not 00–59 (leap seconds cannot be represented)")
        }
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            var scale = 0.1
            while index < bytes.count, let digit = Self.digit(bytes[index]) {
                fraction += Double(digit) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { throw fail(.format, "a fraction needs digits after '.'") }
            guard index - start <= 9 else { throw fail(.format, "a fraction has at most nine digits") }
        }
        guard index < bytes.count else {
            throw fail(.missingZone, "a time needs a zone: 'Z' for UTC or an offset such as +08:00")
        }
        let offset: Int
        switch bytes[index] {
        case UInt8(ascii: "Z"):
            index += 1
            offset = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            let hours = try digits(2, "the offset's hours")
            try expect(UInt8(ascii: ":"), "':' in the offset (±HH:MM)")
            let minutes = try digits(2, "the offset's minutes")
            guard hours < 24, minutes < 60 else {
                throw fail(.outOfRange, "offset \(hours):\(minutes) is out of range")
            }
            offset = sign * (hours * 3600 + minutes * 60)
        case UInt8(ascii: "z"):
            throw fail(.format, "the zone must be an upper-case 'Z'")
        default:
            throw fail(.missingZone, "a time needs a zone at character \(index + 1): 'Z' or an offset such as +08:00")
        }
        guard index == bytes.count else {
            throw fail(.trailingCharacters, "unexpected characters after the time at character \(index + 1)")
        }
        let seconds = midnight + TimeInterval(hour * 3600 + minute * 60 + second - offset)
        return Date(timeIntervalSince1970: seconds + fraction)
    }

    private mutating func digits(_ count: Int, _ what: String) throws(TimestampError) -> Int {
        var value = 0
        for _ in 0..<count {
            guard index < bytes.count, let digit = Self.digit(bytes[index]) else {
                throw fail(.format, "expected \(what) at character \(index + 1)")
            }
            value = value * 10 + digit
            index += 1
        }
        return value
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(TimestampError) {
        guard index < bytes.count, bytes[index] == byte else {
            throw fail(.format, "expected \(what) at character \(index + 1)")
        }
        index += 1
    }

    private func fail(_ rule: TimestampError.Rule, _ reason: String) -> TimestampError {
        TimestampError(rule, text: text, reason: reason)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
