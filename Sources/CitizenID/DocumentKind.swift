/// The documents that share the 18-character shape of GB 11643: the citizen identity number
/// itself and the numbers of documents issued to residents of Hong Kong, Macao and Taiwan and
/// to foreigners with permanent residence.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 公民身份号码 (居民身份证): a GB/T 2260 address code in positions 1–6.
    case residentIdentityCard = "resident_identity_card"
    /// 港澳台居民居住证 issued to Hong Kong residents: positions 1–6 are `810000`.
    case hongKongResidencePermit = "hong_kong_residence_permit"
    /// 港澳台居民居住证 issued to Macao residents: positions 1–6 are `820000`.
    case macaoResidencePermit = "macao_residence_permit"
    /// 港澳台居民居住证 issued to Taiwan residents: positions 1–6 are `830000`.
    case taiwanResidencePermit = "taiwan_residence_permit"
    /// 外国人永久居留身份证 (2023 form): `9`, the issuing province's two digits, a three-digit
    /// nationality code, then birth date, sequence and check character as for citizens.
    case foreignPermanentResidenceID = "foreign_permanent_residence_id"

    /// The Chinese name of the document.
    public var chineseName: String {
        switch self {
        case .residentIdentityCard: return "居民身份证"
        case .hongKongResidencePermit: return "港澳台居民居住证（香港）"
        case .macaoResidencePermit: return "港澳台居民居住证（澳门）"
        case .taiwanResidencePermit: return "港澳台居民居住证（台湾）"
        case .foreignPermanentResidenceID: return "外国人永久居留身份证"
        }
    }

    public var description: String { rawValue }

    /// `allCases.count` without building the array on the hot path.
    static let caseCount = 5

    /// The kind a number's first six digits announce.
    @inline(__always)
    static func of(leadingSix code: Int) -> DocumentKind {
        switch code {
        case 810_000: return .hongKongResidencePermit
        case 820_000: return .macaoResidencePermit
        case 830_000: return .taiwanResidencePermit
        case 900_000...999_999: return .foreignPermanentResidenceID
        default: return .residentIdentityCard
        }
    }
}

/// 性别, from the parity of the sequence code.
public enum Sex: String, Sendable, Hashable {
    case male
    case female

    /// 男 or 女.
    public var chineseName: String { self == .male ? "男" : "女" }
}
