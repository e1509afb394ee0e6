import ZhengwuKitCore

/// Every way reading, making or signing a seal can fail, in the house error shape: a stable
/// ``code`` (`eseal.rule`) for programs, an English ``message`` and the standard's Chinese
/// term (``chineseTerm``) for the people who read reports.
public enum ESealError: ZhengwuKitError, Equatable {
    /// The bytes are not a seal or signature of any known version; `reason` says where parsing stopped.
    case malformed(String)
    /// The structure parses but announces a version this library does not know.
    case unsupportedVersion(Int)
    /// A seal was expected and a signature was given, or the reverse.
    case unexpectedDocument(expected: String, found: String)
    /// A value given to the seal builder or signer is not acceptable (empty name, reversed dates, …).
    case invalidParameter(String)
    /// A certificate could not be read.
    case invalidCertificate(String)
    /// The signing key does not belong to the certificate given with it.
    case keyCertificateMismatch(String)
    /// The cryptographic backend failed (key, signature or hash).
    case crypto(String)
    /// The data to protect could not be read.
    case unreadableData(String)

    /// A stable machine-readable code, `eseal.rule`.
    public var code: String {
        switch self {
        case .malformed: return "eseal.malformed"
        case .unsupportedVersion: return "eseal.unsupported_version"
        case .unexpectedDocument: return "eseal.unexpected_document"
        case .invalidParameter: return "eseal.invalid_parameter"
        case .invalidCertificate: return "eseal.invalid_certificate"
        case .keyCertificateMismatch: return "eseal.key_certificate_mismatch"
        case .crypto: return "eseal.crypto"
        case .unreadableData: return "eseal.unreadable_data"
        }
    }

    /// The standard's Chinese term for the failure.
    public var chineseTerm: String {
        switch self {
        case .malformed: return "数据格式错误"
        case .unsupportedVersion: return "版本不支持"
        case .unexpectedDocument: return "数据类型错误"
        case .invalidParameter: return "参数错误"
        case .invalidCertificate: return "证书错误"
        case .keyCertificateMismatch: return "密钥与证书不匹配"
        case .crypto: return "密码运算错误"
        case .unreadableData: return "原文不可读"
        }
    }

    public var message: String {
        switch self {
        case .malformed(let reason): return "malformed seal data: \(reason)"
        case .unsupportedVersion(let version): return "unsupported seal version \(version)"
        case .unexpectedDocument(let expected, let found): return "expected \(expected), found \(found)"
        case .invalidParameter(let reason): return "invalid parameter: \(reason)"
        case .invalidCertificate(let reason): return "invalid certificate: \(reason)"
        case .keyCertificateMismatch(let reason): return "key does not match certificate: \(reason)"
        case .crypto(let reason): return "cryptographic failure: \(reason)"
        case .unreadableData(let reason): return "cannot read the protected data: \(reason)"
        }
    }
}
