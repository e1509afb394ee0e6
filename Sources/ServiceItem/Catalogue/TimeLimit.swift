/// A time limit and its unit (法定办结时限, 承诺办结时限).
public struct TimeLimit: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The unit a limit is counted in. Catalogues count in working days unless they say
    /// otherwise; the national codes for units are not confirmed, so the JSON uses these names.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        case workingDays
        case calendarDays
        case hours

        public var chineseName: String {
            switch self {
            case .workingDays: return "工作日"
            case .calendarDays: return "自然日"
            case .hours: return "小时"
            }
        }
    }

    public var value: Int
    public var unit: Unit
    /// 时限说明, for limits the law words in ways a number does not capture.
    public var note: String?

    public init(value: Int, unit: Unit = .workingDays, note: String? = nil) {
        self.value = value
        self.unit = unit
        self.note = note
    }

    public static func workingDays(_ value: Int) -> TimeLimit { TimeLimit(value: value, unit: .workingDays) }

    public var description: String { "\(value) \(unit.chineseName)" }
}
