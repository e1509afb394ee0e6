import Foundation
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2022-04-22", 1_650_585_600.0),
        ("2022-04-22T03:00:00Z", 1_650_596_400.0),
        ("2022-04-22T03:00:00.000Z", 1_650_596_400.0),
        ("2022-04-22T03:00:00.25Z", 1_650_596_400.25),
        ("2022-04-22T11:00:00+08:00", 1_650_596_400.0),
        ("2022-04-21T22:30:00-04:30", 1_650_596_400.0),
        ("2024-02-29T23:59:59Z", 1_709_251_199.0),
        ("1970-01-01T00:00:00Z", 0.0),
        ("1582-10-04", -12_220_243_200.0),
        ("1000-01-01T00:00:00Z", -30_610_224_000.0),
        ("0000-01-01", -62_167_219_200.0),
        ("9999-12-31T23:59:59Z", 253_402_300_799.0),
    ])
    func acceptedForms(text: String, seconds: Double) throws {
        #expect(try Timestamp.parse(text).timeIntervalSince1970 == seconds)
    }

    @Test(arguments: [
        ("2022-04-22T03:00:00", "time.missing_zone"),
        ("2022-04-22T03:00:00.000", "time.missing_zone"),
        ("2022-04-22 03:00:00Z", "time.format"),
        ("2022-04-22t03:00:00Z", "time.format"),
        ("2022-04-22T03:00Z", "time.format"),
        ("2022-04-22T03Z", "time.format"),
        ("2022-04-22T03:00:00z", "time.format"),
        ("2025-02-30", "time.out_of_range"),
        ("2023-02-29", "time.out_of_range"),
        ("2022-13-01", "time.out_of_range"),
        ("2022-00-10", "time.out_of_range"),
        ("2022-04-22T25:00:00Z", "time.out_of_range"),
        ("2022-04-22T24:00:00Z", "time.out_of_range"),
        ("2022-04-22T23:60:00Z", "time.out_of_range"),
        ("2022-04-22T23:59:60Z", "time.out_of_range"),
        ("2022-04-22T03:00:00+24:00", "time.out_of_range"),
        ("2022-04-22T03:00:00+0800", "time.format"),
        ("2022-04-22T03:00:00Zjunk", "time.trailing_characters"),
        ("2022-04-22junk", "time.trailing_characters"),
        ("2022-04-22T03:00:00.Z", "time.format"),
        ("2022-04-22T03:00:00.1234567890Z", "time.format"),
        ("22-04-22", "time.format"),
        ("2022-4-22", "time.format"),
        ("", "time.format"),
        ("１２３４-01-01", "time.format"),
    ])
    func refusedForms(text: String, code: String) {
        #expect {
            _ = try Timestamp.parse(text)
        } throws: { error in
            (error as? TimestampError)?.code == code
        }
    }

    @Test func messagesSayWhatToWriteAndCutLongInput() {
        let long = "2022-04-22T03:00:00Z" + String(repeating: "x", count: 5_000)
        do {
            _ = try Timestamp.parse(long)
            Issue.record("accepted trailing garbage")
        } catch {
            #expect(error.message.count < 400)
            #expect(error.message.contains("2025-01-31T08:00:00Z"))
            #expect(error.chineseTerm == "时间格式错误")
        }
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (1_650_596_400.25, "2022-04-22T03:00:00.250Z"),
        (-12_220_243_200.0, "1582-10-04T00:00:00Z"),
        (-62_167_219_200.0, "0000-01-01T00:00:00Z"),
        (253_402_300_799.0, "9999-12-31T23:59:59Z"),
    ])
    func formatsISO8601UTC(seconds: Double, text: String) {
        #expect(Timestamp.format(Date(timeIntervalSince1970: seconds)) == text)
    }

    /// Python's datetime is proleptic Gregorian from year 1 to 9999: an independent reading of
    /// the same texts, across the Julian changeover and both ends of the range.
    @Test func agreesWithPythonDatetime() throws {
        guard try Processes.pythonHas(["datetime"]) else { return }
        var generator = SeededGenerator(seed: 2260)
        var texts: [String] = []
        for _ in 0..<2_000 {
            let seconds = Double(Int64.random(in: -62_135_596_800...253_402_300_799, using: &generator))
            let zone = [("Z", 0), ("+08:00", 28_800), ("-05:30", -19_800)].randomElement(using: &generator)!
            var text = Timestamp.format(Date(timeIntervalSince1970: seconds + Double(zone.1)))
            text.removeLast()
            texts.append(text + zone.0)
        }
        let script = """
            import sys, datetime
            for line in sys.stdin.read().split():
                value = datetime.datetime.fromisoformat(line.replace('Z', '+00:00'))
                delta = value - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
                print(delta.days * 86400 + delta.seconds)
            """
        let result = try Processes.python(script, stdin: Data(texts.joined(separator: "\n").utf8))
        #expect(result.status == 0, "\(result.stderrText)")
        let theirs = result.stdoutText.split(separator: "\n").map { Int64($0) }
        #expect(theirs.count == texts.count)
        for (text, seconds) in zip(texts, theirs) {
            let ours = try Int64(Timestamp.parse(text).timeIntervalSince1970)
            #expect(ours == seconds, "\(text)")
            if ours != seconds { break }
        }
    }

    @Test func roundTripsEveryDayOfFourCenturies() throws {
        var day = try Timestamp.parse("1600-01-01")
        let end = try Timestamp.parse("2001-01-01")
        var count = 0
        while day < end {
            #expect(try Timestamp.parse(Timestamp.format(day)) == day)
            day.addTimeInterval(86_400 * 7 + 3_661)
            count += 1
        }
        #expect(count > 20_000)
    }
}
