/// The checks a verification performs, in the order a report lists them.
public enum SealCheck: String, Sendable, Hashable, Codable, CaseIterable {
    /// The bytes are a seal or signature of a known version 结构与版本.
    case structure
    /// The seal maker's signature over the seal information 制章人签名.
    case makerSignature
    /// The maker's certificate was valid when the seal was made 制章人证书有效期.
    case makerCertificateValidity
    /// The seal was valid at the signing time (or at the time asked for) 印章有效期.
    case sealValidity
    /// The signer's certificate was valid at the signing time 签章人证书有效期.
    case signerCertificateValidity
    /// The signer's certificate is one the seal lists, or matches a listed digest 签章人证书与印章匹配.
    case signerCertificateInSeal
    /// `dataHash` is SM3 of the data supplied 原文杂凑值.
    case dataHash
    /// The signer's signature over `TBS_Sign` 签章人签名.
    case signature
    /// The maker's certificate chains to a trust anchor 制章人证书链.
    case makerCertificateChain
    /// The signer's certificate chains to a trust anchor 签章人证书链.
    case signerCertificateChain
    /// No certificate of the maker's chain is revoked, by the CRLs given 制章人证书撤销状态.
    case makerCertificateRevocation
    /// No certificate of the signer's chain is revoked, by the CRLs given 签章人证书撤销状态.
    case signerCertificateRevocation
    /// The time stamp 时间戳.
    case timeStamp
    /// A policy the caller added 业务策略.
    case policy

    /// The standard's Chinese term.
    public var term: String {
        switch self {
        case .structure: return "结构与版本"
        case .makerSignature: return "制章人签名"
        case .makerCertificateValidity: return "制章人证书有效期"
        case .sealValidity: return "印章有效期"
        case .signerCertificateValidity: return "签章人证书有效期"
        case .signerCertificateInSeal: return "签章人证书与印章匹配"
        case .dataHash: return "原文杂凑值"
        case .signature: return "签章人签名"
        case .makerCertificateChain: return "制章人证书链"
        case .signerCertificateChain: return "签章人证书链"
        case .makerCertificateRevocation: return "制章人证书撤销状态"
        case .signerCertificateRevocation: return "签章人证书撤销状态"
        case .timeStamp: return "时间戳"
        case .policy: return "业务策略"
        }
    }
}

/// What became of one check.
public enum CheckOutcome: String, Sendable, Hashable, Codable {
    case passed
    case failed
    /// Not performed (no data, no trust anchors, no time-stamp verifier); says nothing either way.
    case notChecked
}

/// One line of a verification report.
public struct CheckResult: Sendable, Hashable, Codable, CustomStringConvertible {
    public let check: SealCheck
    /// The check's name; for policies, the policy's own name.
    public let name: String
    public let outcome: CheckOutcome
    /// Why it passed, failed or was skipped, in English.
    public let detail: String

    public init(_ check: SealCheck, _ outcome: CheckOutcome, _ detail: String, name: String? = nil) {
        self.check = check
        self.name = name ?? check.rawValue
        self.outcome = outcome
        self.detail = detail
    }

    public var description: String {
        "\(outcome.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(name) \(check.term): \(detail)"
    }
}
