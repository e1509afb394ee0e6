import GMCrypto
import ZhengwuKitCore

/// Why bytes could not be read as a certificate revocation list, a list's signature could
/// not be accepted, or a list could not be issued.
///
/// Each case has a stable machine ``code``, an English ``description`` and the Chinese
/// term an operator reads (``chineseTerm``).
public enum X509RevocationListError: Error, Sendable, Hashable {
    /// The text has no `-----BEGIN X509 CRL-----` block, or the block is broken.
    case malformedPEM(String)
    /// The DER encoding declares more bytes than were given.
    case truncatedDER(declared: Int, actual: Int)
    /// Bytes follow the end of the list's DER encoding.
    case trailingData(byteCount: Int)
    /// The bytes are not a well-formed `CertificateList`; the detail says where.
    case malformedDER(String)
    /// A revoked-certificate entry cannot be read; `index` counts from 0 in list order.
    case malformedEntry(index: Int, String)
    /// An extension of the list or of an entry is not well formed.
    case malformedExtension(String)
    /// The version is neither absent (v1) nor v2.
    case unsupportedVersion(Int)
    /// A critical extension GMCrypto does not process (a delta CRL indicator, an issuing
    /// distribution point, an indirect CRL's certificate issuer, …).
    case unsupportedCriticalExtension(oid: String)
    /// The list names another issuer than the certificate it is checked against.
    case wrongIssuer(expected: X509Certificate.DistinguishedName, found: X509Certificate.DistinguishedName)
    /// The issuer's key usage lacks `cRLSign`, so it may not sign lists (RFC 5280 §4.2.1.3).
    case issuerMayNotSignLists
    /// The issuer's key does not verify the list's signature.
    case badSignature
    /// The signature algorithm is not one GMCrypto verifies, or does not fit the issuer's key.
    case unsupportedSignatureAlgorithm(String)
    /// The list cannot be issued as asked (the detail says which input is wrong).
    case invalidIssuanceRequest(String)
    /// OpenSSL refused to build or sign the list; `reason` is its own error string.
    case issuanceFailed(reason: String?)

    /// A stable identifier for scripts and logs, e.g. `x509.crl.truncated`.
    public var code: String {
        switch self {
        case .malformedPEM: return "x509.crl.pem_malformed"
        case .truncatedDER: return "x509.crl.truncated"
        case .trailingData: return "x509.crl.trailing_data"
        case .malformedDER: return "x509.crl.malformed"
        case .malformedEntry: return "x509.crl.entry_malformed"
        case .malformedExtension: return "x509.crl.extension_malformed"
        case .unsupportedVersion: return "x509.crl.version_unsupported"
        case .unsupportedCriticalExtension: return "x509.crl.critical_extension_unsupported"
        case .wrongIssuer: return "x509.crl.wrong_issuer"
        case .issuerMayNotSignLists: return "x509.crl.issuer_lacks_crl_sign"
        case .badSignature: return "x509.crl.bad_signature"
        case .unsupportedSignatureAlgorithm: return "x509.crl.unsupported_algorithm"
        case .invalidIssuanceRequest: return "x509.crl.issue_invalid_request"
        case .issuanceFailed: return "x509.crl.issue_failed"
        }
    }

    /// The Chinese term for the failure, as an operator would report it.
    public var chineseTerm: String {
        switch self {
        case .malformedPEM: return "PEM 格式错误"
        case .truncatedDER: return "证书撤销列表数据不完整"
        case .trailingData: return "证书撤销列表数据后有多余字节"
        case .malformedDER: return "证书撤销列表编码错误"
        case .malformedEntry: return "撤销条目编码错误"
        case .malformedExtension: return "证书撤销列表扩展项错误"
        case .unsupportedVersion: return "不支持的证书撤销列表版本"
        case .unsupportedCriticalExtension: return "无法处理的关键扩展项"
        case .wrongIssuer: return "证书撤销列表签发者不符"
        case .issuerMayNotSignLists: return "签发者密钥用法不含 CRL 签名"
        case .badSignature: return "证书撤销列表签名验证失败"
        case .unsupportedSignatureAlgorithm: return "不支持的签名算法"
        case .invalidIssuanceRequest: return "证书撤销列表签发参数错误"
        case .issuanceFailed: return "证书撤销列表签发失败"
        }
    }
}

extension X509RevocationListError: ZhengwuKitError {
    public var message: String {
        switch self {
        case .malformedPEM(let detail): return "malformed PEM revocation list: \(detail)"
        case .truncatedDER(let declared, let actual):
            return "truncated revocation list: the DER encoding declares \(declared) bytes, \(actual) were given"
        case .trailingData(let count): return "\(count) bytes of trailing data after the revocation list"
        case .malformedDER(let detail): return "malformed revocation list DER: \(detail)"
        case .malformedEntry(let index, let detail): return "revoked certificate entry \(index): \(detail)"
        case .malformedExtension(let detail): return "malformed revocation list extension: \(detail)"
        case .unsupportedVersion(let version): return "unsupported revocation list version \(version)"
        case .unsupportedCriticalExtension(let oid):
            return "unsupported critical extension \(oid)\(Self.extensionName(oid).map { " (\($0))" } ?? "")"
        case .wrongIssuer(let expected, let found): return "the list is issued by \(found), not by \(expected)"
        case .issuerMayNotSignLists: return "the issuer's key usage lacks cRLSign"
        case .badSignature: return "the list's signature does not verify with the issuer's public key"
        case .unsupportedSignatureAlgorithm(let detail): return "unsupported signature algorithm: \(detail)"
        case .invalidIssuanceRequest(let detail): return "cannot issue the revocation list: \(detail)"
        case .issuanceFailed(let reason):
            return "OpenSSL failed to issue the revocation list" + (reason.map { ": \($0)" } ?? "")
        }
    }

    private static func extensionName(_ oid: String) -> String? {
        switch oid {
        case X509Certificate.Extension.deltaCRLIndicator: return "delta CRL indicator: delta CRLs are not supported"
        case X509Certificate.Extension.issuingDistributionPoint: return "issuing distribution point"
        case X509Certificate.Extension.certificateIssuer: return "certificate issuer: indirect CRLs are not supported"
        default: return nil
        }
    }
}
