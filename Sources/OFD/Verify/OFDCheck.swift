public import ZhengwuKitCore

/// A check of an OFD signature's report. The OFD-level checks are the static members; the
/// checks the seal verifier (ESeal) performs on the signed value appear under their own
/// names prefixed with `seal.`.
public struct OFDCheck: VerificationCheck {
    public let name: String
    public let chineseTerm: String
    public let role: CheckRole

    public init(name: String, chineseTerm: String, role: CheckRole) {
        self.name = name
        self.chineseTerm = chineseTerm
        self.role = role
    }

    /// `Signature.xml` and the files it names could be read 签名文件结构.
    public static let structure = OFDCheck(name: "structure", chineseTerm: "签名文件结构", role: .integrity)
    /// The digest method is SM3 (by name or OID) 摘要算法.
    public static let checkMethod = OFDCheck(name: "checkMethod", chineseTerm: "摘要算法", role: .integrity)
    /// Every referenced file's `CheckValue` matches SM3 of its bytes 文件完整性.
    public static let references = OFDCheck(name: "references", chineseTerm: "文件完整性", role: .integrity)
    /// The signed value covers this `Signature.xml` (`dataHash`, or the CMS message digest) 签名原文杂凑.
    public static let signedData = OFDCheck(name: "signedData", chineseTerm: "签名原文杂凑", role: .integrity)
    /// The signer's signature (GB/T 35275 SignedData) 签名值.
    public static let signature = OFDCheck(name: "signature", chineseTerm: "签名值", role: .integrity)
    /// The signer's certificate chains to a trust anchor (SignedData) 签名人证书链.
    public static let certificateChain = OFDCheck(name: "certificateChain", chineseTerm: "签名人证书链", role: .trust)
}

/// A report line of an OFD signature (qualified: ESeal declares a `CheckResult` of its own).
typealias Line = ZhengwuKitCore.CheckResult<OFDCheck>
