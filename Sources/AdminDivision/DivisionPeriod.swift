/// One naming period of a division code: the name it carried and the years it was valid.
///
/// Years are whole calendar years taken from the national lists (see
/// `Documentation/AdminDivision.md` for how list dates become years).
public struct DivisionPeriod: Hashable, Sendable, CustomStringConvertible {
    /// The name in this period, as the lists spell it (`南山区`).
    public let name: String
    /// The first year the code carried this name.
    public let firstYear: Int
    /// The last year, or `nil` while the code is still valid in the newest list.
    public let lastYear: Int?

    public init(name: String, firstYear: Int, lastYear: Int?) {
        self.name = name
        self.firstYear = firstYear
        self.lastYear = lastYear
    }

    /// Whether the period covers `year`.
    public func contains(year: Int) -> Bool {
        firstYear <= year && year <= (lastYear ?? Int.max)
    }

    /// `1980–2010` or `1986–`.
    public var years: String { "\(firstYear)–\(lastYear.map(String.init) ?? "")" }

    public var description: String { "\(name) (\(years))" }
}
