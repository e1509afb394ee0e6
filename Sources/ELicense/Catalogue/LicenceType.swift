/// A licence type 证照类型 of the catalogue (GB/T 36902 fields), with the face items its
/// schema defines. Read from `Specs/elicense/catalogue.xml` and `face/*.xsd`.
public struct LicenceType: Sendable, Hashable, Codable, Identifiable {
    /// 证照类型名称.
    public let name: String
    /// 证照类型代码 (21 characters: the defining authority's USCC and a sequence).
    public let code: String
    /// 证照定义机构, its code and level.
    public let definingAuthority: String
    public let definingAuthorityCode: String
    public let definingAuthorityLevel: String
    /// 关联事项名称 and 代码, where known.
    public let relatedItemName: String?
    public let relatedItemCode: String?
    /// 持证主体类别.
    public let holderCategory: HolderCategory
    /// 有效期限范围.
    public let validity: ValidityRange
    /// 证照颁发机构级别 and who issues it.
    public let issuingAuthorityLevel: String
    public let issuingAuthority: String
    /// The face-item schema, as a path under `Specs/elicense`.
    public let faceSchemaPath: String
    /// Whether the type code was seen in real licences or assigned by ZhengwuKit.
    public let codeSource: CodeSource
    /// The face items 照面信息, in schema order.
    public let faceFields: [FaceField]

    public var id: String { code }

    /// The face field with this `KZ_` code.
    public func faceField(_ code: String) -> FaceField? { faceFields.first { $0.code == code } }
}

/// 持证主体类别.
public enum HolderCategory: String, Sendable, Hashable, Codable {
    case naturalPerson = "自然人"
    case organization = "法人和其他组织"
    case naturalPersonOrOrganization = "自然人、法人和其他组织"

    /// Whether a holder whose code is of `type` fits this category.
    public func admits(_ type: HolderCodeType) -> Bool {
        switch self {
        case .naturalPerson: return type.isPersonal
        case .organization: return !type.isPersonal
        case .naturalPersonOrOrganization: return true
        }
    }
}

/// 有效期限范围: the longest validity in years (nil: no bound) and whether 长期 is allowed.
public struct ValidityRange: Sendable, Hashable, Codable {
    public let description: String
    public let maximumYears: Int?
    public let allowsIndefinite: Bool
}

/// Where a catalogue type code comes from.
public enum CodeSource: String, Sendable, Hashable, Codable {
    /// Seen in real licences (standards note §5).
    case observed
    /// Assigned by ZhengwuKit under a placeholder definer code until the national code is confirmed.
    case assigned
}

/// One face item 照面信息项 of a licence type: its `KZ_` element code, the Chinese label the
/// page shows, and its value type.
public struct FaceField: Sendable, Hashable, Codable {
    public let code: String
    public let label: String
    public let kind: Kind
    /// The simple type's name in the face schema (`citizenid`, `uscc`, `date`…).
    public let schemaType: String
    public let isRequired: Bool

    public enum Kind: String, Sendable, Hashable, Codable {
        case text, date, dateTime, integer, decimal
    }
}
