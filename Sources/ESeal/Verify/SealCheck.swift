import ZhengwuKitCore

/// The checks a verification performs, in the order a report lists them.
///
/// Each is an integrity, trust or policy check (``role``), which decides how its outcome
/// bears on the report's ``SealVerificationReport/verdict`` (see `Documentation/Conventions.md`).
public enum SealCheck: String, VerificationCheck, CaseIterable {
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
    public var chineseTerm: String {
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

    /// Structure, signatures, hashes, validity periods and the time stamp bear on integrity;
    /// the certificate chains and their revocation on trust; the caller's policies are policy.
    public var role: CheckRole {
        switch self {
        case .structure, .makerSignature, .makerCertificateValidity, .sealValidity, .signerCertificateValidity,
            .signerCertificateInSeal, .dataHash, .signature, .timeStamp:
            return .integrity
        case .makerCertificateChain, .signerCertificateChain, .makerCertificateRevocation,
            .signerCertificateRevocation:
            return .trust
        case .policy:
            return .policy
        }
    }
}

/// A report line of a seal verification (internal shorthand).
typealias SealLine = CheckResult<SealCheck>
