/// 申请材料: one document an applicant must (or may) hand in.
public struct Material: Sendable, Hashable, Codable {
    /// 材料名称.
    public var name: String
    /// 是否必要.
    public var isRequired: Bool
    /// 材料来源.
    public var source: MaterialSource
    /// 出具单位, for a material issued by a department.
    public var issuingDepartment: String?
    /// The electronic licence that replaces the paper one (免提交), or why there is none.
    /// Expected for every material a government department issues.
    public var electronicLicence: LicenceReplacement?
    /// 材料形式.
    public var form: MaterialForm
    /// 份数: originals and photocopies.
    public var copies: Copies
    /// 材料设定依据.
    public var legalBasis: String?
    /// 签字盖章要求.
    public var signature: SignatureRequirement
    /// 填报须知 or other notes.
    public var note: String?

    public init(
        name: String, isRequired: Bool = true, source: MaterialSource, issuingDepartment: String? = nil,
        electronicLicence: LicenceReplacement? = nil, form: MaterialForm, copies: Copies,
        legalBasis: String? = nil, signature: SignatureRequirement = .none, note: String? = nil
    ) {
        self.name = name
        self.isRequired = isRequired
        self.source = source
        self.issuingDepartment = issuingDepartment
        self.electronicLicence = electronicLicence
        self.form = form
        self.copies = copies
        self.legalBasis = legalBasis
        self.signature = signature
        self.note = note
    }
}

/// 材料来源.
public enum MaterialSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// 申请人自备.
    case applicant
    /// 政府部门核发: can be replaced by the department's electronic licence.
    case government
    /// 中介机构出具 (surveys, audits).
    case intermediary
    /// 其他.
    case other

    public var chineseName: String {
        switch self {
        case .applicant: return "申请人自备"
        case .government: return "政府部门核发"
        case .intermediary: return "中介机构出具"
        case .other: return "其他"
        }
    }
}

/// 材料形式.
public enum MaterialForm: String, Sendable, Hashable, Codable, CaseIterable {
    case paper
    case electronic
    case paperOrElectronic

    public var chineseName: String {
        switch self {
        case .paper: return "纸质"
        case .electronic: return "电子"
        case .paperOrElectronic: return "纸质或电子"
        }
    }

    /// Whether a paper copy may be handed in.
    public var allowsPaper: Bool { self != .electronic }
}

/// 原件和复印件份数.
public struct Copies: Sendable, Hashable, Codable {
    /// 原件份数.
    public var originals: Int
    /// 复印件份数.
    public var photocopies: Int

    public init(originals: Int, photocopies: Int = 0) {
        self.originals = originals
        self.photocopies = photocopies
    }
}

/// 签字盖章要求.
public enum SignatureRequirement: String, Sendable, Hashable, Codable, CaseIterable {
    case none
    /// 签字.
    case signature
    /// 盖章.
    case seal
    /// 签字或盖章.
    case signatureOrSeal
    /// 签字并盖章.
    case signatureAndSeal

    public var chineseName: String {
        switch self {
        case .none: return "无"
        case .signature: return "签字"
        case .seal: return "盖章"
        case .signatureOrSeal: return "签字或盖章"
        case .signatureAndSeal: return "签字并盖章"
        }
    }
}

/// How a government-issued material is replaced by an electronic licence 电子证照, or why
/// it cannot be.
public struct LicenceReplacement: Sendable, Hashable, Codable {
    /// 证照类型代码: the defining authority's credit code and a three-digit sequence
    /// (21 characters, GB/T 36902), for example `11100000000013127D001` 居民身份证.
    public var typeCode: String?
    /// 证照类型名称.
    public var typeName: String?
    /// Why no electronic licence replaces the material yet (no such licence type exists).
    public var unavailableReason: String?

    public init(typeCode: String? = nil, typeName: String? = nil, unavailableReason: String? = nil) {
        self.typeCode = typeCode
        self.typeName = typeName
        self.unavailableReason = unavailableReason
    }
}
