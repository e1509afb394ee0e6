import ESeal
import Foundation
import GMCrypto
import Testing

/// Dates travel through GeneralizedTime: exact to the second across its years 0000–9999,
/// and any other `Date` (NaN, infinities, beyond the year 9999) is a typed error, never a trap.
@Suite struct SealTimeRangeTests {
    private func seal(validStart: Date, validEnd: Date, createDate: Date) throws -> ElectronicSeal {
        let pki = try TestPKI.make()
        var builder = try pki.builder()
        builder.validStart = validStart
        builder.validEnd = validEnd
        builder.createDate = createDate
        return try builder.make(makerKey: pki.makerKey, makerCertificate: pki.maker)
    }

    @Test func datesRoundTripToTheSecondAcrossGeneralizedTime() throws {
        let first = -62_167_219_200.0  // 0000-01-01T00:00:00Z
        let last = 253_402_300_799.0  // 9999-12-31T23:59:59Z
        var generator = SystemRandomNumberGenerator()
        let samples =
            [first, last, 0, -1, 951_782_400, 4_107_542_400]  // 2000-02-29, 2100-02-28
            + (0..<40).map { _ in Double.random(in: first...last, using: &generator) }
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            let made = try seal(validStart: date, validEnd: Date(timeIntervalSince1970: last + 0.5), createDate: date)
            let read = try ElectronicSeal(derEncoded: made.derRepresentation)
            #expect(read.validStart.timeIntervalSince1970 == seconds.rounded(.down), "\(seconds)")
            #expect(read.createDate == read.validStart)
        }
    }

    @Test func aKnownDateIsWrittenAsItsCalendarDate() throws {
        // 2024-02-29T12:34:56Z, a leap day: the DER must carry "20240229123456Z".
        let date = Date(timeIntervalSince1970: 1_709_210_096)
        let made = try seal(validStart: date, validEnd: date.addingTimeInterval(86_400), createDate: date)
        #expect(Data(made.derRepresentation).range(of: Data("20240229123456Z".utf8)) != nil)
    }

    @Test(arguments: [
        Double.nan, .infinity, -.infinity, 1e20, -1e20, 253_402_300_800, -62_167_219_201,
    ])
    func unwritableDatesAreTypedErrors(seconds: Double) throws {
        let now = Date()
        let date = Date(timeIntervalSince1970: seconds)
        #expect(throws: ESealError.self) {
            try seal(validStart: now, validEnd: now.addingTimeInterval(86_400), createDate: date)
        }
        // A report at such a time still reads, with the time written as seconds.
        let pki = try TestPKI.make()
        let report = SealVerifier(trustAnchors: [pki.ca]).verify(try pki.seal(), at: date)
        #expect(!report.checks.isEmpty)
    }
}
