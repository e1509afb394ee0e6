import AdminDivision
internal import ZhengwuKitSupport

extension CitizenID {
    /// Validates a number's bytes in the order python-stdnum does (length, characters, check
    /// character, birth date, region), without allocating unless it fails.
    @usableFromInline
    static func parse(_ bytes: [UInt8], strictness: Strictness, options: Options) throws(CitizenIDError) -> CitizenID {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(CitizenIDError) in try parse(buffer, strictness: strictness, options: options) }
        }
        return try result.get()
    }

    @usableFromInline
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, strictness: Strictness, options: Options)
        throws(CitizenIDError) -> CitizenID
    {
        switch bytes.count {
        case 18: return try parse18(bytes, strictness: strictness, options: options)
        case 15 where options.acceptsLegacyNumbers: return try parse15(bytes, strictness: strictness, options: options)
        default:
            var position = 0
            for byte in bytes where byte & 0xC0 != 0x80 {
                position += 1
                if byte >= 0x80 { throw .invalidCharacter(position: position) }
            }
            throw .invalidLength(bytes.count)
        }
    }

    @inline(__always)
    private static func digit(_ byte: UInt8) -> Int? {
        let value = byte &- UInt8(ascii: "0")
        return value < 10 ? Int(value) : nil
    }

    private static func parse18(_ bytes: UnsafeBufferPointer<UInt8>, strictness: Strictness, options: Options)
        throws(CitizenIDError)
        -> CitizenID
    {
        // Horner's rule: Σ a_i·2^(17−i) = 2·(…((a_1·2 + a_2)·2 + …) + a_17). One pass, three
        // fields; a digit test that fails falls back to locating the bad character.
        guard let base = bytes.baseAddress else { throw .invalidLength(0) }
        var horner = 0
        var leading = 0
        var date = 0
        var sequence = 0
        var bad: UInt8 = 0
        for index in 0..<6 {
            let value = base[index] &- UInt8(ascii: "0")
            bad |= value >= 10 ? 1 : 0
            horner = horner &* 2 &+ Int(value)
            leading = leading &* 10 &+ Int(value)
        }
        for index in 6..<14 {
            let value = base[index] &- UInt8(ascii: "0")
            bad |= value >= 10 ? 1 : 0
            horner = horner &* 2 &+ Int(value)
            date = date &* 10 &+ Int(value)
        }
        for index in 14..<17 {
            let value = base[index] &- UInt8(ascii: "0")
            bad |= value >= 10 ? 1 : 0
            horner = horner &* 2 &+ Int(value)
            sequence = sequence &* 10 &+ Int(value)
        }
        if bad != 0 {
            let position = (0..<17).first { digit(base[$0]) == nil } ?? 0
            throw .invalidCharacter(position: position + 1)
        }
        var found = bytes[17]
        if found == UInt8(ascii: "x") { found = UInt8(ascii: "X") }
        guard digit(found) != nil || found == UInt8(ascii: "X") else {
            throw .invalidCharacter(position: 18)
        }
        let expected = checkByte(horner: horner)
        guard found == expected else {
            throw .wrongCheckCharacter(
                expected: Character(Unicode.Scalar(expected)), found: Character(Unicode.Scalar(found)))
        }
        return try finish(
            leading: leading, date: date, sequence: sequence, check: expected, legacy: false, strictness: strictness,
            options: options)
    }

    private static func parse15(_ bytes: UnsafeBufferPointer<UInt8>, strictness: Strictness, options: Options)
        throws(CitizenIDError)
        -> CitizenID
    {
        var leading = 0
        var date = 19_000_000
        var sequence = 0
        var horner = 0
        for index in 0..<15 {
            guard let value = digit(bytes[index]) else { throw .invalidCharacter(position: index + 1) }
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
        return try finish(
            leading: leading, date: date, sequence: sequence, check: checkByte(horner: horner), legacy: true,
            strictness: strictness, options: options
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
        leading: Int, date: Int, sequence: Int, check: UInt8, legacy: Bool, strictness: Strictness,
        options: Options
    ) throws(CitizenIDError) -> CitizenID {
        let kind = legacy ? .residentIdentityCard : DocumentKind.of(leadingSix: leading)
        if kind != .residentIdentityCard || options.acceptedKinds.count != DocumentKind.caseCount {
            guard options.acceptedKinds.contains(kind) else { throw .documentKindNotAccepted(kind) }
        }
        let year = date / 10_000
        let month = date / 100 % 100
        let day = date % 100
        guard month >= 1, month <= 12, day >= 1, day <= CalendarDate.numberOfDays(inMonth: month, year: year) else {
            throw .impossibleBirthDate(ZeroPadding.decimal(date, width: 8))
        }
        let birthDate = CalendarDate(unchecked: year, month: month, day: day)
        guard year >= 1800 else { throw .birthDateBefore1800(birthDate) }
        guard date <= options.referenceDate.packed else { throw .futureBirthDate(birthDate) }
        var regionInForce = true
        switch kind {
        case .residentIdentityCard:
            switch Division.lookup(code: leading, year: year) {
            case .valid: break
            case .unknown: throw .unknownRegion(code: leading)
            case .notValidInYear:
                guard strictness == .lenient else {
                    throw .regionNotValidInYear(
                        code: leading, year: year, validPeriods: Division.periods(code: leading))
                }
                regionInForce = false
            }
        case .foreignPermanentResidenceID:
            // Positions 2–3 name the issuing province, which must exist (in any year).
            let province = issuingProvince(leadingCode: leading)
            if Division.lookup(code: province, year: year) == .unknown { throw .unknownRegion(code: province) }
        case .hongKongResidencePermit, .macaoResidencePermit, .taiwanResidencePermit:
            break
        }
        return CitizenID(
            kind: kind, leadingCode: leading, birthDate: birthDate, sequence: sequence,
            checkByte: check, wasConvertedFromLegacyForm: legacy, regionInForceAtBirth: regionInForce
        )
    }

    /// The province code a foreigner's permanent residence ID names in positions 2–3
    /// (`932682…` → `320000`).
    @inline(__always)
    static func issuingProvince(leadingCode: Int) -> Int { leadingCode % 100_000 / 1000 * 10_000 }

    /// The MOD 11-2 check character from Horner's sum: remainder r of Σ a_i·w_i → `10X98765432`[r].
    @inline(__always)
    static func checkByte(horner: Int) -> UInt8 {
        let remainder = (horner &* 2) % 11
        let characters: StaticString = "10X98765432"
        return characters.utf8Start[remainder]
    }
}
