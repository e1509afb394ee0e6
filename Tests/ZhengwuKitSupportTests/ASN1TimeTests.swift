import Foundation
import SwiftASN1
import Testing
import ZhengwuKitSupport

/// The one ASN.1 time conversion, checked against Foundation's Gregorian calendar (an
/// independent implementation of the same arithmetic) and against DER texts written by hand.
@Suite struct ASN1TimeTests {
    private static let utc = TimeZone(identifier: "UTC")!

    /// `text` as the DER of a UTCTime (tag 0x17) or GeneralizedTime (tag 0x18).
    private static func node(tag: UInt8, _ text: String) throws -> ASN1Node {
        let bytes = Array(text.utf8)
        return try DER.parse([tag, UInt8(bytes.count)] + bytes)
    }

    private static func foundationDate(_ year: Int, _ month: Int, _ day: Int, _ h: Int, _ m: Int, _ s: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let components = DateComponents(year: year, month: month, day: day, hour: h, minute: m, second: s)
        return calendar.date(from: components)!
    }

    @Test func utcTimeReadsTheRFC5280PivotBetween2049And1950() throws {
        #expect(
            try ASN1Time.date(Self.node(tag: 0x17, "491231235959Z")) == Self.foundationDate(2049, 12, 31, 23, 59, 59))
        #expect(try ASN1Time.date(Self.node(tag: 0x17, "500101000000Z")) == Self.foundationDate(1950, 1, 1, 0, 0, 0))
        #expect(try ASN1Time.date(Self.node(tag: 0x17, "000229120000Z")) == Self.foundationDate(2000, 2, 29, 12, 0, 0))
    }

    @Test func generalizedTimeReadsEveryYearTheCalendarHas() throws {
        #expect(
            try ASN1Time.date(Self.node(tag: 0x18, "20500101000000Z")) == Self.foundationDate(2050, 1, 1, 0, 0, 0))
        #expect(
            try ASN1Time.date(Self.node(tag: 0x18, "99991231235959Z"))
                == Date(timeIntervalSince1970: ASN1Time.writableSeconds.upperBound))
        // Foundation turns Julian before 1582; the proleptic Gregorian year 0000 is fixed by RFC 5280's arithmetic.
        #expect(
            try ASN1Time.date(Self.node(tag: 0x18, "00000101000000Z"))
                == Date(timeIntervalSince1970: ASN1Time.writableSeconds.lowerBound))
    }

    @Test func generalizedTimeKeepsTheFractionOfASecond() throws {
        let date = try ASN1Time.date(Self.node(tag: 0x18, "20240229123045.25Z"))
        #expect(date == Self.foundationDate(2024, 2, 29, 12, 30, 45).addingTimeInterval(0.25))
    }

    @Test(arguments: [
        (UInt8(0x18), "20240101000000+0800"),  // a zone other than Z
        (UInt8(0x18), "20240101000000"),  // no zone at all
        (UInt8(0x17), "240101000000+0800"),
        (UInt8(0x18), "20240101000000.50Z"),  // DER forbids a trailing zero in the fraction
        (UInt8(0x18), "20230229000000Z"),  // 2023 is not a leap year
        (UInt8(0x18), "21000229000000Z"),  // nor is 2100
        (UInt8(0x18), "20240431000000Z"),
        (UInt8(0x18), "20241301000000Z"),
        (UInt8(0x18), "20240101240000Z"),
        (UInt8(0x17), "230229000000Z"),
        (UInt8(0x17), "2401010000Z"),  // UTCTime without seconds is not DER
    ])
    func nonDERAndImpossibleTimesAreRefused(tag: UInt8, text: String) throws {
        let node = try Self.node(tag: tag, text)
        #expect(throws: ASN1TimeError.self) { try ASN1Time.date(node) }
    }

    @Test func aNodeThatIsNoTimeIsRefusedWithTheReason() throws {
        let integer = try DER.parse([0x02, 0x01, 0x05])
        let error = #expect(throws: ASN1TimeError.self) { try ASN1Time.date(integer) }
        #expect(error?.reason == "not a UTCTime or GeneralizedTime")
    }

    @Test func calendarPartsFromAnotherDecoderAreChecked() {
        #expect(ASN1Time.date(year: 2023, month: 2, day: 29, hours: 0, minutes: 0, seconds: 0) == nil)
        #expect(ASN1Time.date(year: 2024, month: 1, day: 1, hours: 24, minutes: 0, seconds: 0) == nil)
        #expect(ASN1Time.date(year: 10_000, month: 1, day: 1, hours: 0, minutes: 0, seconds: 0) == nil)
        // A leap second reads as the first second of the next minute, as OpenSSL's tm gives it.
        #expect(
            ASN1Time.date(year: 2016, month: 12, day: 31, hours: 23, minutes: 59, seconds: 60)
                == Self.foundationDate(2017, 1, 1, 0, 0, 0))
    }

    @Test func writingRefusesInstantsNoASN1TimeCanHold() {
        for seconds in [Double.nan, .infinity, -.infinity, 253_402_300_800, -62_167_219_201, 1e300] {
            #expect(throws: ASN1TimeError.self) { try ASN1Time.generalizedTime(Date(timeIntervalSince1970: seconds)) }
        }
        #expect(throws: ASN1TimeError.self) { try ASN1Time.utcTime(Self.foundationDate(2050, 1, 1, 0, 0, 0)) }
        #expect(throws: ASN1TimeError.self) { try ASN1Time.utcTime(Self.foundationDate(1949, 12, 31, 23, 59, 59)) }
    }

    @Test func writingAndReadingAgreeWithFoundationAcrossTheUTCTimeYears() throws {
        var generator = SystemRandomNumberGenerator()
        let first = Self.foundationDate(1950, 1, 1, 0, 0, 0).timeIntervalSince1970
        let last = Self.foundationDate(2049, 12, 31, 23, 59, 59).timeIntervalSince1970
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.utc
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: Double.random(in: first...last, using: &generator).rounded(.down))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let utc = try ASN1Time.utcTime(date)
            #expect(
                [utc.year, utc.month, utc.day, utc.hours, utc.minutes, utc.seconds]
                    == [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second])
            #expect(ASN1Time.date(utc) == date)
            #expect(ASN1Time.date(try ASN1Time.generalizedTime(date)) == date)
        }
    }

    @Test func writingDropsTheFractionOfASecond() throws {
        let date = Self.foundationDate(2024, 5, 6, 7, 8, 9)
        let time = try ASN1Time.generalizedTime(date.addingTimeInterval(0.75))
        #expect(time.fractionalSeconds == 0)
        #expect(ASN1Time.date(time) == date)
    }
}

@Suite struct CalendarHelperTests {
    @Test func civilDaysAgreeWithFoundationOverFourHundredYears() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // 1600-03-01 to 2400-03-01 in steps of 97 days: every leap rule is crossed.
        for days in stride(from: Int64(-135_080), to: 157_100, by: 97) {
            let civil = CivilDay(daysSince1970: days)
            let parts = calendar.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            #expect([civil.year, civil.month, civil.day] == [parts.year, parts.month, parts.day])
            #expect(civil.daysSince1970 == days)
        }
    }

    @Test func impossibleDaysAreNotCivilDays() {
        #expect(CivilDay(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDay(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDay(year: 2024, month: 0, day: 1) == nil)
        #expect(CivilDay(year: -1, month: 1, day: 1) == nil)
    }

    @Test func civilTimeSplitsNegativeInstantsDownwards() {
        let time = CivilTime(secondsSince1970: -1)
        #expect(time.day.description == "1969-12-31")
        #expect(time.timeOfDay == "23:59:59")
        #expect(time.description == "1969-12-31T23:59:59")
    }

    @Test func civilTimesOutsideFourDigitYearsKeepTheirSign() {
        // -62,198,755,200 s is 0000-01-01T00:00:00; one day earlier is the year -1.
        #expect(CivilTime(secondsSince1970: -62_167_219_200).description == "0000-01-01T00:00:00")
        #expect(CivilTime(secondsSince1970: -62_167_219_200 - 86_400 + 3_723).description == "-0001-12-31T01:02:03")
        #expect(CivilTime(secondsSince1970: 253_402_300_800).description == "10000-01-01T00:00:00")
    }

    @Test func zeroPaddingWidensButNeverCuts() {
        #expect(ZeroPadding.decimal(5, width: 2) == "05")
        #expect(ZeroPadding.decimal(0, width: 3) == "000")
        #expect(ZeroPadding.decimal(-42, width: 4) == "-0042")
        #expect(ZeroPadding.decimal(12_345, width: 2) == "12345")
        #expect(ZeroPadding.decimal(Int32(7), width: 4) == "0007")
    }

    @Test(arguments: [(5, 2), (0, 3), (-42, 4), (12_345, 2), (Int.min, 1), (Int.max, 25)])
    func zeroPaddingAppendsWhatItWrites(value: Int, width: Int) {
        var text = Array("x".utf8)
        ZeroPadding.append(value, width: width, to: &text)
        #expect(String(decoding: text, as: UTF8.self) == "x" + ZeroPadding.decimal(value, width: width))
    }
}
