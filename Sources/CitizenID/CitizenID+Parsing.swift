import AdminDivision

extension CitizenID {
    /// Validates a number's bytes in the order python-stdnum does (length, characters, check
    /// character, birth date, region), without allocating unless it fails.
    @usableFromInline
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, options: Options) -> Result<CitizenID, CitizenIDError> {
        switch bytes.count {
        case 18: return parse18(bytes, options: options)
        case 15 where options.acceptsLegacyNumbers: return parse15(bytes, options: options)
        default:
            var position = 0
            for byte in bytes where byte & 0xC0 != 0x80 {
                position += 1
                if byte >= 0x80 { return .failure(.invalidCharacter(position: position)) }
            }
            return .failure(.invalidLength(bytes.count))
        }
    }

    @inline(__always)
    private static func digit(_ byte: UInt8) -> Int? {
        let value = byte &- UInt8(ascii: "0")
        return value < 10 ? Int(value) : nil
    }

    private static func parse18(_ bytes: UnsafeBufferPointer<UInt8>, options: Options) -> Result<
        CitizenID, CitizenIDError
    > {
        // Horner's rule: Σ a_i·2^(17−i) = 2·(…((a_1·2 + a_2)·2 + …) + a_17).
        var horner = 0
        var leading = 0
        var date = 0
        var sequence = 0
        for index in 0..<17 {
            guard let value = digit(bytes[index]) else { return .failure(.invalidCharacter(position: index + 1)) }
            horner = horner &* 2 &+ value
            switch index {
            case 0..<6: leading = leading &* 10 &+ value
            case 6..<14: date = date &* 10 &+ value
            default: sequence = sequence &* 10 &+ value
            }
        }
        var found = bytes[17]
        if found == UInt8(ascii: "x") { found = UInt8(ascii: "X") }
        guard digit(found) != nil || found == UInt8(ascii: "X") else {
            return .failure(.invalidCharacter(position: 18))
        }
        let expected = checkByte(horner: horner)
        guard found == expected else {
            return .failure(
                .wrongCheckCharacter(
                    expected: Character(Unicode.Scalar(expected)), found: Character(Unicode.Scalar(found))))
        }
        return finish(
            leading: leading, date: date, sequence: sequence, check: expected, legacy: false, options: options)
    }

    private static func parse15(_ bytes: UnsafeBufferPointer<UInt8>, options: Options) -> Result<
        CitizenID, CitizenIDError
    > {
        var leading = 0
        var date = 19_000_000
        var sequence = 0
        var horner = 0
        for index in 0..<15 {
            guard let value = digit(bytes[index]) else { return .failure(.invalidCharacter(position: index + 1)) }
            switch index {
            case 0..<6: leading = leading * 10 + value
            case 6..<12: date += value * pow10(11 - index)
            default: sequence = sequence * 10 + value
            }
        }
        // The 18-digit form inserts the century: address, 19YYMMDD, sequence.
        for value in [
            leading / 100_000 % 10, leading / 10_000 % 10, leading / 1000 % 10, leading / 100 % 10, leading / 10 % 10,
            leading % 10,
        ] {
            horner = horner * 2 + value
        }
        for shift in [10_000_000, 1_000_000, 100_000, 10_000, 1000, 100, 10, 1] {
            horner = horner * 2 + date / shift % 10
        }
        for shift in [100, 10, 1] { horner = horner * 2 + sequence / shift % 10 }
        return finish(
            leading: leading, date: date, sequence: sequence, check: checkByte(horner: horner), legacy: true,
            options: options
        )
    }

    private static func pow10(_ exponent: Int) -> Int {
        var value = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The checks after the characters: kind, birth date, region.
    @inline(__always)
    private static func finish(
        leading: Int, date: Int, sequence: Int, check: UInt8, legacy: Bool, options: Options
    ) -> Result<CitizenID, CitizenIDError> {
        let kind = legacy ? .residentIdentityCard : DocumentKind.of(leadingSix: leading)
        if kind != .residentIdentityCard || options.acceptedKinds.count != DocumentKind.caseCount {
            guard options.acceptedKinds.contains(kind) else { return .failure(.documentKindNotAccepted(kind)) }
        }
        let year = date / 10_000
        let month = date / 100 % 100
        let day = date % 100
        guard month >= 1, month <= 12, day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            let digits = String(date)
            return .failure(.impossibleBirthDate(String(repeating: "0", count: max(0, 8 - digits.count)) + digits))
        }
        let birthDate = CalendarDate(unchecked: year, month: month, day: day)
        guard year >= 1800 else { return .failure(.birthDateBefore1800(birthDate)) }
        guard date <= options.referenceDate.packed else { return .failure(.futureBirthDate(birthDate)) }
        switch kind {
        case .residentIdentityCard:
            switch Division.lookup(code: leading, year: year, lenient: options.regionPolicy == .lenient) {
            case .valid: break
            case .unknown: return .failure(.unknownRegion(code: leading))
            case .notValidInYear:
                return .failure(
                    .regionNotValidInYear(code: leading, year: year, validPeriods: Division.periods(code: leading)))
            }
        case .foreignPermanentResidenceID:
            // Positions 2–3 name the issuing province, which must exist.
            let province = leading % 100_000 / 1000 * 10_000
            if Division.lookup(code: province, year: year, lenient: true) != .valid {
                return .failure(.unknownRegion(code: province))
            }
        case .hongKongResidencePermit, .macaoResidencePermit, .taiwanResidencePermit:
            break
        }
        return .success(
            CitizenID(
                kind: kind, leadingCode: leading, birthDate: birthDate, sequence: sequence,
                checkCharacter: Character(Unicode.Scalar(check)), wasConvertedFromLegacyForm: legacy
            )
        )
    }

    /// The MOD 11-2 check character from Horner's sum: remainder r of Σ a_i·w_i → `10X98765432`[r].
    @inline(__always)
    static func checkByte(horner: Int) -> UInt8 {
        let remainder = (horner &* 2) % 11
        let characters: StaticString = "10X98765432"
        return characters.utf8Start[remainder]
    }
}
