import ZhengwuKitCore

/// The checks a licence verification performs, in the order a report lists them.
public enum LicenceCheck: String, VerificationCheck, CaseIterable {
    /// The file's seal signatures are intact (OFD references, seal and signer signatures) 签章完整性.
    case seal
    /// The seal's maker and signer certificates chain to a trust anchor 签章证书链.
    case sealTrust
    /// The data XML conforms to `licence.xsd` 元数据模式.
    case metadataSchema
    /// The face items conform to the type's face schema 照面信息模式.
    case faceSchema
    /// Each face item of a standard type reads as its typed value (``LicenceFace``): a
    /// 公民身份号码 or credit code valid (the schema checks only its pattern), dates, times and
    /// numbers readable 照面信息项. Listed for types with a generated face once the schema passed.
    case faceItems
    /// The identifier's check character and its agreement with the type and issuer codes 证照标识.
    case identifier
    /// The holder's code is valid for its code type (111 → CitizenID, 001 → CreditCode) 持证主体代码.
    case holderCode
    /// The issuer's code is a valid unified social credit code, or a GB/T 2260 division code in
    /// force when the licence was issued 颁发机构代码.
    case issuerCode
    /// Start ≤ end, issued ≤ now, within the catalogue's validity range 日期一致性.
    case dates
    /// The licence is within its validity period at the verification time 有效期.
    case validityPeriod
    /// The type is registered in the catalogue under this name 证照类型登记.
    case registeredType
    /// The metadata in the OFD's `CustomDatas` agrees with the attached data XML 元数据一致性.
    case customData
    /// The status list's SM2 signature verifies 状态列表签名.
    case statusListSignature
    /// The status list's signer chains to a trust anchor and speaks for this issuer 状态列表签发者.
    case statusListIssuer
    /// The status list is current (thisUpdate ≤ time < nextUpdate) 状态列表时效.
    case statusListFreshness
    /// The licence's status in the list is 01 有效 证照状态.
    case status
    /// An annotated copy's purpose and expiry 加注件.
    case annotation

    public var chineseTerm: String {
        switch self {
        case .seal: return "签章完整性"
        case .sealTrust: return "签章证书链"
        case .metadataSchema: return "元数据模式"
        case .faceSchema: return "照面信息模式"
        case .faceItems: return "照面信息项"
        case .identifier: return "证照标识"
        case .holderCode: return "持证主体代码"
        case .issuerCode: return "颁发机构代码"
        case .dates: return "日期一致性"
        case .validityPeriod: return "有效期"
        case .registeredType: return "证照类型登记"
        case .customData: return "元数据一致性"
        case .statusListSignature: return "状态列表签名"
        case .statusListIssuer: return "状态列表签发者"
        case .statusListFreshness: return "状态列表时效"
        case .status: return "证照状态"
        case .annotation: return "加注件"
        }
    }

    public var role: CheckRole {
        switch self {
        case .sealTrust, .statusListIssuer: return .trust
        default: return .integrity
        }
    }
}

/// The answer of a licence verification: every check with its outcome, the mode asked for,
/// the licence data as read (when it could be), and tolerated departures as warnings.
/// `verdict`, `trust` and `isValid` follow from the lines as for every ZhengwuKit verifier.
public struct LicenceVerificationReport: VerificationReporting, Sendable, Hashable, Codable {
    public let mode: VerificationMode
    public let checks: [CheckResult<LicenceCheck>]
    public let warnings: [VerificationWarning]
    /// The licence's data, when the data XML could be read.
    public let data: LicenceData?

    public init(
        mode: VerificationMode, checks: [CheckResult<LicenceCheck>], warnings: [VerificationWarning] = [],
        data: LicenceData?
    ) {
        self.mode = mode
        self.checks = checks
        self.warnings = warnings
        self.data = data
    }
}
