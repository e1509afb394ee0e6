/// The generated division table, parsed once at first use into flat arrays that answer
/// "did this code exist in that year" without allocating: a dense slot array indexed by the
/// code itself, then a short run of periods per code.
struct DivisionTable: Sendable {
    static let shared = DivisionTable(parsing: source)

    struct Period: Sendable {
        var firstYear: Int16
        var lastYear: Int16  // Int16.max while still valid
        var name: Int32  // index into names
    }

    /// slot + 1 of each code, 0 when the code never existed; indexed by code - 100000.
    private var slots: [UInt16]
    /// The codes in ascending order.
    private(set) var codes: [Int32] = []
    /// Periods of codes[i] are periods[periodStart[i] ..< periodStart[i + 1]].
    private var periodStart: [Int32] = []
    private var periods: [Period] = []
    private var names: [String] = []

    init(parsing text: String) {
        slots = [UInt16](repeating: 0, count: 900_000)
        var nameIndex: [String: Int32] = [:]
        var lines = text.utf8.split(separator: UInt8(ascii: "\n")).dropFirst()  // the header
        lines = lines.filter { !$0.isEmpty }
        for line in lines {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == 4, let code = Self.number(fields[0]), let first = Self.number(fields[2]) else {
                continue  // the generator writes only well-formed rows; the tests check every row parses
            }
            let last = fields[3].isEmpty ? Int(Int16.max) : Self.number(fields[3]) ?? Int(Int16.max)
            let name = String(decoding: fields[1], as: UTF8.self)
            let nameSlot: Int32
            if let existing = nameIndex[name] {
                nameSlot = existing
            } else {
                nameSlot = Int32(names.count)
                names.append(name)
                nameIndex[name] = nameSlot
            }
            if codes.last != Int32(code) {
                codes.append(Int32(code))
                periodStart.append(Int32(periods.count))
                slots[code - 100_000] = UInt16(codes.count)
            }
            periods.append(Period(firstYear: Int16(first), lastYear: Int16(last), name: nameSlot))
        }
        periodStart.append(Int32(periods.count))
    }

    private static func number(_ bytes: Substring.UTF8View) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The slot of `code`, or nil when the code is in no list.
    @inline(__always)
    func slot(of code: Int) -> Int? {
        let offset = code &- 100_000
        guard offset >= 0, offset < slots.count else { return nil }
        let slot = Int(slots[offset])
        return slot == 0 ? nil : slot - 1
    }

    /// Whether `code` was valid in `year`; years before the oldest list are judged by it.
    @inline(__always)
    func isValid(slot: Int, in year: Int) -> Bool {
        let year = Int16(clamping: max(year, DivisionTable.firstListYear))
        var index = Int(periodStart[slot])
        let end = Int(periodStart[slot + 1])
        while index < end {
            let period = periods[index]
            if period.firstYear <= year && year <= period.lastYear { return true }
            index += 1
        }
        return false
    }

    /// The public form of a code's periods.
    func periods(slot: Int) -> [DivisionPeriod] {
        (Int(periodStart[slot])..<Int(periodStart[slot + 1])).map { index in
            let period = periods[index]
            return DivisionPeriod(
                name: names[Int(period.name)],
                firstYear: Int(period.firstYear),
                lastYear: period.lastYear == Int16.max ? nil : Int(period.lastYear)
            )
        }
    }

    /// The name of a code in `year` without building its periods (the latest matching one).
    func name(slot: Int, in year: Int) -> String? {
        let year = Int16(clamping: max(year, DivisionTable.firstListYear))
        var found: String?
        for index in Int(periodStart[slot])..<Int(periodStart[slot + 1]) {
            let period = periods[index]
            if period.firstYear <= year && year <= period.lastYear { found = names[Int(period.name)] }
        }
        return found
    }
}
