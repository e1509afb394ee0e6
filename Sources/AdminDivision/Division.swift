/// A GB/T 2260 administrative division (行政区划) with its whole history: every name the
/// code carried and the years it carried it. Codes that were retired and later reused keep
/// all their periods.
///
/// ```swift
/// let nanshan = try Division("440305")
/// nanshan.name                    // "南山区"
/// nanshan.parent?.name            // "深圳市"
/// Division.exists("110103", in: 2015)  // false: 崇文区 was merged into 东城区 in 2010
/// ```
public struct Division: Hashable, Sendable, CustomStringConvertible {
    /// The code.
    public let code: DivisionCode
    /// Every naming period, oldest first (periods may share a year where a name changed).
    public let periods: [DivisionPeriod]

    /// The division with `code`, or ``DivisionError/unknownCode(_:)`` when the code is in none
    /// of the lists.
    public init(code: DivisionCode) throws(DivisionError) {
        guard let slot = DivisionTable.shared.slot(of: code.rawValue) else { throw .unknownCode(code) }
        self.code = code
        self.periods = DivisionTable.shared.periods(slot: slot)
    }

    /// The division with the six-digit code `text`; throws when it is malformed or unknown.
    public init(_ text: some StringProtocol) throws(DivisionError) {
        guard let code = DivisionCode(text) else { throw .malformedCode(String(text)) }
        try self.init(code: code)
    }

    /// The division with `text` as of `year`; throws when the code is malformed, unknown, or
    /// was not in force then (with the periods it was). Years before ``firstListYear`` are
    /// answered from that list.
    public init(_ text: some StringProtocol, in year: Int) throws(DivisionError) {
        let division = try Division(text)
        guard division.isValid(in: year) else {
            throw .notValidInYear(division.code, year: year, validPeriods: division.periods)
        }
        self = division
    }

    /// The division from its table slot, which exists.
    private init(code: DivisionCode, slot: Int) {
        self.code = code
        self.periods = DivisionTable.shared.periods(slot: slot)
    }

    /// The division with `code`, `nil` when it is in no list: for walks over codes the table
    /// itself derived (parents), where absence is an answer, not an error.
    static func existing(_ code: DivisionCode) -> Division? {
        DivisionTable.shared.slot(of: code.rawValue).map { Division(code: code, slot: $0) }
    }

    /// The level, from the code's shape.
    public var level: DivisionLevel { code.level }

    /// The newest name.
    public var name: String { periods[periods.count - 1].name }

    /// The name the code carried in `year`, or `nil` when it was not valid then. Years before
    /// the oldest list (``firstListYear``) are answered from that list.
    public func name(in year: Int) -> String? {
        periods.last { $0.contains(year: max(year, Self.firstListYear)) }?.name
    }

    /// Whether the code was valid in `year` (years before ``firstListYear`` as in that list).
    public func isValid(in year: Int) -> Bool { name(in: year) != nil }

    /// Whether the code is valid in the newest list.
    public var isCurrent: Bool { periods.contains { $0.lastYear == nil } }

    /// The enclosing division: the prefecture for a county (the province when the
    /// prefecture-level code never existed, as for 省直辖 counties), the province for a
    /// prefecture, `nil` for a province.
    public var parent: Division? {
        switch code.level {
        case .province:
            return nil
        case .prefecture:
            return Division.existing(code.provinceCode)
        case .county:
            return code.prefectureCode.flatMap(Division.existing) ?? Division.existing(code.provinceCode)
        }
    }

    /// Province, prefecture and county names as of `year`, joined (`广东省深圳市南山区`), leaving
    /// out the grouping rows (`市辖区`, `县`) that are not place names.
    public func fullName(in year: Int) -> String? {
        guard let own = name(in: year) else { return nil }
        var parts = [own]
        var current = parent
        while let division = current {
            if let name = division.name(in: year) ?? Optional(division.name), !Self.groupingNames.contains(name) {
                parts.insert(name, at: 0)
            }
            current = division.parent
        }
        return parts.joined()
    }

    public var description: String { "\(code) \(name)" }

    // MARK: - The table

    /// The year of the oldest list the table was built from (1980).
    public static var firstListYear: Int { DivisionTable.firstListYear }
    /// The year of the newest list the table was built from.
    public static var lastListYear: Int { DivisionTable.lastListYear }

    /// Whether `code` was valid in `year`, without building a `Division` (no allocation).
    public static func exists(_ code: DivisionCode, in year: Int) -> Bool {
        guard let slot = DivisionTable.shared.slot(of: code.rawValue) else { return false }
        return DivisionTable.shared.isValid(slot: slot, in: year)
    }

    /// Whether the six-digit `code` was valid in `year`.
    public static func exists(_ code: some StringProtocol, in year: Int) -> Bool {
        DivisionCode(code).map { exists($0, in: year) } ?? false
    }

    /// Whether `code` appears in any list at all.
    public static func exists(_ code: DivisionCode) -> Bool {
        DivisionTable.shared.slot(of: code.rawValue) != nil
    }

    /// Every code in the table, ascending.
    public static var allCodes: [DivisionCode] {
        DivisionTable.shared.codes.map { DivisionCode(unchecked: Int($0)) }
    }

    private static let groupingNames: Set<String> = [
        "市辖区", "县", "市", "省直辖县级行政单位", "自治区直辖县级行政单位", "省直辖县级行政区划", "自治区直辖县级行政区划",
    ]
}

extension Division {
    /// The answer of a historic lookup that does not allocate, for validators on a hot path.
    package enum Lookup: Sendable, Equatable {
        case valid
        case unknown
        case notValidInYear
    }

    /// Whether `code` (as a number) was valid in `year`.
    @inline(__always)
    package static func lookup(code: Int, year: Int) -> Lookup {
        // Read the shared table in place: copying it would retain its arrays on every call.
        guard let slot = DivisionTable.shared.slot(of: code) else { return .unknown }
        return DivisionTable.shared.isValid(slot: slot, in: year) ? .valid : .notValidInYear
    }

    /// The periods of `code`, for error messages.
    package static func periods(code: Int) -> [DivisionPeriod] {
        guard let slot = DivisionTable.shared.slot(of: code) else { return [] }
        return DivisionTable.shared.periods(slot: slot)
    }

    /// The name of `code` in `year`, without building its periods.
    package static func name(code: Int, in year: Int) -> String? {
        guard let slot = DivisionTable.shared.slot(of: code) else { return nil }
        return DivisionTable.shared.name(slot: slot, in: year)
    }
}
