import AdminDivision
import CitizenID
import Foundation
import Testing
import ZWKitTestSupport

/// CitizenID against python-stdnum's `stdnum.cn.ric` on thousands of generated numbers.
/// Every disagreement must be one of the deliberate differences below, which
/// Documentation/CitizenID.md lists with the same names and reasons.
@Suite struct CitizenIDStdnumDifferentialTests {
    /// The deliberate differences between CitizenID (strict policy) and stdnum.cn.ric.
    enum DeliberateDifference: String, CaseIterable {
        /// 15-digit numbers: CitizenID converts and validates them; stdnum says InvalidLength.
        case legacyFifteenDigits = "15-digit legacy numbers"
        /// Codes stdnum's table knows only at province or prefecture level make it raise an
        /// unhandled KeyError ('county'); CitizenID reports region_unknown or accepts a code
        /// the national lists have.
        case stdnumCrash = "stdnum raises KeyError"
        /// Residence permits (810000/820000/830000) and foreigners' permanent residence IDs
        /// (leading 9) are document kinds of their own; stdnum knows them as no county.
        case otherDocumentKinds = "residence permits and foreigners' IDs"
        /// stdnum accepts birth dates in the future and before 1800.
        case birthDateRange = "future and pre-1800 birth dates"
        /// The two region histories differ: CitizenID's comes from the MCA/NBS lists (with
        /// gaps stretched, see AdminDivision.md), stdnum's from Wikipedia's tables.
        case regionHistory = "region tables differ"
    }

    enum Outcome: Equatable, CustomStringConvertible {
        case valid
        case length, format, checksum, component
        case crash(String)

        init(stdnum answer: String) {
            switch answer {
            case "valid": self = .valid
            case "InvalidLength": self = .length
            case "InvalidFormat": self = .format
            case "InvalidChecksum": self = .checksum
            case "InvalidComponent": self = .component
            default: self = .crash(String(answer))
            }
        }

        init(_ error: CitizenIDError?) {
            switch error {
            case nil: self = .valid
            case .invalidLength: self = .length
            case .invalidCharacter: self = .format
            case .wrongCheckCharacter: self = .checksum
            case .impossibleBirthDate, .futureBirthDate, .birthDateBefore1800, .unknownRegion,
                .regionNotValidInYear, .documentKindNotAccepted:
                self = .component
            }
        }

        var description: String {
            switch self {
            case .valid: return "valid"
            case .length: return "InvalidLength"
            case .format: return "InvalidFormat"
            case .checksum: return "InvalidChecksum"
            case .component: return "InvalidComponent"
            case .crash(let name): return "crash(\(name))"
            }
        }
    }

    @Test func agreesWithStdnumExceptForDocumentedDifferences() throws {
        let numbers = Self.generateNumbers(count: 6000)
        guard let answers = try Stdnum.validate(numbers, module: "cn.ric") else { return }

        let options = CitizenID.Options(referenceDate: CalendarDate(year: 2026, month: 1, day: 1)!)
        var agreements = 0
        var differences: [DeliberateDifference: Int] = [:]
        var undocumented: [String] = []
        for (number, answer) in zip(numbers, answers) {
            let ours: CitizenIDError?
            do {
                _ = try CitizenID(parsing: number, strictness: .strict, options: options)
                ours = nil
            } catch { ours = error }
            let oursOutcome = Outcome(ours)
            let theirs = Outcome(stdnum: answer)
            if oursOutcome == theirs {
                agreements += 1
            } else if let reason = Self.explain(number, ours: ours, theirs: theirs) {
                differences[reason, default: 0] += 1
            } else {
                undocumented.append("\(number): CitizenID \(ours.map { "\($0.code)" } ?? "valid"), stdnum \(theirs)")
            }
        }
        print(
            "CitizenID vs stdnum.cn.ric: \(numbers.count) numbers, \(agreements) agree; documented differences: \(differences.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" })"
        )
        #expect(
            undocumented.isEmpty,
            "\(undocumented.count) undocumented disagreements:\n\(undocumented.prefix(20).joined(separator: "\n"))")
        // The region tables may differ, but not wholesale: most strictly-valid numbers must agree.
        #expect(differences[.regionHistory, default: 0] * 20 < numbers.count)
        #expect(agreements * 10 > numbers.count * 7)
    }

    /// Which deliberate difference explains a disagreement, or nil when none does.
    static func explain(_ number: String, ours: CitizenIDError?, theirs: Outcome) -> DeliberateDifference? {
        if number.utf8.count == 15, theirs == .length { return .legacyFifteenDigits }
        // A crash is no answer to compare with; CitizenID always answers (checked by `Outcome`).
        if case .crash = theirs { return .stdnumCrash }
        let leading = number.prefix(6)
        if ["810000", "820000", "830000"].contains(leading) || number.hasPrefix("9") {
            if theirs == .component && ours == nil { return .otherDocumentKinds }
        }
        switch ours {
        case .futureBirthDate, .birthDateBefore1800:
            // stdnum then goes on to its region check, which may pass or fail.
            return theirs == .valid || theirs == .component ? .birthDateRange : nil
        case .unknownRegion, .regionNotValidInYear:
            return theirs == .valid ? .regionHistory : nil
        case nil:
            return theirs == .component ? .regionHistory : nil
        default:
            return nil
        }
    }

    // MARK: - Generation

    /// Valid numbers and corruptions of every kind, from a fixed seed.
    static func generateNumbers(count: Int) -> [String] {
        var random = SeededGenerator(seed: 0x5A48_454E_4757_5500)
        let divisions = Division.allCodes.filter { $0.level == .county }.compactMap { try? Division(code: $0) }
        var numbers: [String] = []
        while numbers.count < count {
            let division = divisions.randomElement(using: &random)!
            let period = division.periods.randomElement(using: &random)!
            let lastYear = min(period.lastYear ?? 2024, 2024)
            let year = Int.random(in: min(max(period.firstYear, 1940), lastYear)...lastYear, using: &random)
            let valid = number(division.code.description, year: year, using: &random)
            switch Int.random(in: 0..<14, using: &random) {
            case 0...4: numbers.append(valid)
            case 5: numbers.append(substituteOneDigit(valid, using: &random))
            case 6: numbers.append(swapNeighbours(valid, using: &random))
            case 7:  // an impossible or out-of-range birth date, with a right check character
                let dates = ["19990230", "20010229", "19851301", "19850000", "17990101", "20990101", "18000101"]
                let date = dates.randomElement(using: &random)!
                numbers.append(withCheck(String(valid.prefix(6)) + date + String(valid.dropFirst(14).prefix(3))))
            case 8:  // a random address code, mostly unknown
                let code = String(format: "%06d", Int.random(in: 100_000...999_999, using: &random))
                numbers.append(withCheck(code + String(valid.dropFirst(6).prefix(11))))
            case 9:  // a year outside the code's periods
                let other = Int.random(in: 1950...2024, using: &random)
                numbers.append(number(division.code.description, year: other, using: &random))
            case 10:  // the 15-digit form
                let fifteen = String(valid.prefix(6)) + String(valid.dropFirst(8).prefix(9))
                numbers.append(year >= 1900 && year < 2000 ? fifteen : valid)
            case 11:  // other document kinds
                let prefixes = ["810000", "820000", "830000", "932682", "911156"]
                numbers.append(
                    withCheck(prefixes.randomElement(using: &random)! + String(valid.dropFirst(6).prefix(11))))
            case 12:  // wrong length or characters
                let broken = [
                    String(valid.dropLast()), valid + "1", String(valid.prefix(10)) + "A" + String(valid.dropFirst(11)),
                ]
                numbers.append(broken.randomElement(using: &random)!)
            default:  // a lower-case x check character where it belongs
                numbers.append(valid.hasSuffix("X") ? valid.lowercased() : valid)
            }
        }
        return numbers
    }

    static func number(_ code: String, year: Int, using random: inout SeededGenerator) -> String {
        let month = Int.random(in: 1...12, using: &random)
        let day = Int.random(in: 1...28, using: &random)
        let sequence = Int.random(in: 0...999, using: &random)
        return withCheck(code + String(format: "%04d%02d%02d%03d", year, month, day, sequence))
    }

    static func withCheck(_ first17: String) -> String {
        first17 + String((try? CitizenID.checkCharacter(for: first17)) ?? "?")
    }

    static func substituteOneDigit(_ number: String, using random: inout SeededGenerator) -> String {
        var characters = Array(number)
        let index = Int.random(in: 0..<18, using: &random)
        let replacement = Character(String(Int.random(in: 0...9, using: &random)))
        characters[index] = characters[index] == replacement ? (replacement == "0" ? "1" : "0") : replacement
        return String(characters)
    }

    static func swapNeighbours(_ number: String, using random: inout SeededGenerator) -> String {
        var characters = Array(number)
        let index = Int.random(in: 0..<17, using: &random)
        characters.swapAt(index, index + 1)
        return String(characters)
    }
}
