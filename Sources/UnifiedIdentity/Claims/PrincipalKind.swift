/// Who a token speaks for (claim `principal`). Natural persons are keyed by citizen ID,
/// legal persons by unified social credit code, civil servants by citizen ID as well.
public enum PrincipalKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// 自然人
    case naturalPerson = "natural_person"
    /// 法人 (and other organisations with a credit code)
    case legalPerson = "legal_person"
    /// 公职人员
    case civilServant = "civil_servant"

    /// The Chinese term shown to people.
    public var chineseTerm: String {
        switch self {
        case .naturalPerson: return "自然人"
        case .legalPerson: return "法人"
        case .civilServant: return "公职人员"
        }
    }
}
