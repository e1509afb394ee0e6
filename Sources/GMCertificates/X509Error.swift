import GMCrypto
import ZhengwuKitCore

/// Why bytes could not be read as a certificate, or a certificate could not be issued.
///
/// Each case has a stable machine ``code``, an English ``description`` and the Chinese
/// term an operator reads (``chineseTerm``), so a CLI, a log line and a support ticket
/// all name the same failure.
public enum X509Error: Error, Sendable, Equatable {
    /// The text has no `-----BEGIN CERTIFICATE-----` block, or a block is broken.
    case malformedPEM(String)
    /// A PEM block is labelled as something other than a certificate (a key, a CSR, …).
    case unexpectedPEMLabel(String)
    /// The DER encoding declares more bytes than were given.
    case truncatedDER(declared: Int, actual: Int)
    /// Bytes follow the end of the certificate's DER encoding.
    case trailingData(byteCount: Int)
    /// The bytes are not a well-formed X.509 certificate; the detail says where.
    case malformedDER(String)
    /// An extension the SDK relies on (key usage, basic constraints, …) is not well formed.
    case malformedExtension(String)
    /// A distinguished name in string form (RFC 4514) cannot be read.
    case malformedName(String)
    /// The key is of an algorithm GMCrypto has no certificate key type for (RSA, P-384, …).
    case unsupportedKeyType(String)
    /// The certificate cannot be issued as asked (the detail says which input is wrong).
    case invalidIssuanceRequest(String)
    /// OpenSSL refused to build or sign the certificate; `reason` is its own error string.
    case issuanceFailed(reason: String?)

    /// A stable identifier for scripts and logs, e.g. `x509.der.truncated`.
    public var code: String {
        switch self {
        case .malformedPEM: return "x509.pem.malformed"
        case .unexpectedPEMLabel: return "x509.pem.label"
        case .truncatedDER: return "x509.der.truncated"
        case .trailingData: return "x509.der.trailing_data"
        case .malformedDER: return "x509.der.malformed"
        case .malformedExtension: return "x509.extension.malformed"
        case .malformedName: return "x509.name.malformed"
        case .unsupportedKeyType: return "x509.key.unsupported"
        case .invalidIssuanceRequest: return "x509.issue.invalid_request"
        case .issuanceFailed: return "x509.issue.failed"
        }
    }

    /// The Chinese term for the failure, as an operator would report it.
    public var chineseTerm: String {
        switch self {
        case .malformedPEM, .unexpectedPEMLabel: return "PEM 格式错误"
        case .truncatedDER: return "证书数据不完整"
        case .trailingData: return "证书数据后有多余字节"
        case .malformedDER: return "证书编码错误"
        case .malformedExtension: return "证书扩展项错误"
        case .malformedName: return "名称格式错误"
        case .unsupportedKeyType: return "不支持的公钥算法"
        case .invalidIssuanceRequest: return "证书签发参数错误"
        case .issuanceFailed: return "证书签发失败"
        }
    }
}

extension X509Error: ZhengwuKitError {
    public var message: String {
        switch self {
        // Keys and lists are read as PEM too: the message names no kind of content.
        case .malformedPEM(let detail): return detail.hasPrefix("malformed PEM") ? detail : "malformed PEM: \(detail)"
        case .unexpectedPEMLabel(let label): return "expected a CERTIFICATE PEM block, found \(label)"
        case .truncatedDER(let declared, let actual):
            return "truncated certificate: the DER encoding declares \(declared) bytes, \(actual) were given"
        case .trailingData(let count): return "\(count) bytes of trailing data after the certificate"
        case .malformedDER(let detail): return "malformed certificate DER: \(detail)"
        case .malformedExtension(let detail): return "malformed certificate extension: \(detail)"
        case .malformedName(let detail): return "malformed distinguished name: \(detail)"
        case .unsupportedKeyType(let algorithm): return "unsupported key type for certificates: \(algorithm)"
        case .invalidIssuanceRequest(let detail): return "cannot issue the certificate: \(detail)"
        case .issuanceFailed(let reason):
            return "OpenSSL failed to issue the certificate" + (reason.map { ": \($0)" } ?? "")
        }
    }
}
