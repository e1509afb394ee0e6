/// Every way reading, making or signing a seal can fail. Each case has a stable
/// ``code`` for machines, an English ``description``, and the standard's Chinese term
/// (``term``) for the people who read reports.
public enum ESealError: Error, Sendable, Equatable {
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

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .malformed: return "malformed"
        case .unsupportedVersion: return "unsupportedVersion"
        case .unexpectedDocument: return "unexpectedDocument"
        case .invalidParameter: return "invalidParameter"
        case .invalidCertificate: return "invalidCertificate"
        case .keyCertificateMismatch: return "keyCertificateMismatch"
        case .crypto: return "crypto"
        case .unreadableData: return "unreadableData"
        }
    }

    /// The standard's Chinese term for the failure.
    public var term: String {
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
}

extension ESealError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .malformed(let reason): return "malformed seal data (\(term)): \(reason)"
        case .unsupportedVersion(let version): return "unsupported seal version \(version) (\(term))"
        case .unexpectedDocument(let expected, let found): return "expected \(expected), found \(found) (\(term))"
        case .invalidParameter(let reason): return "invalid parameter (\(term)): \(reason)"
        case .invalidCertificate(let reason): return "invalid certificate (\(term)): \(reason)"
        case .keyCertificateMismatch(let reason): return "key does not match certificate (\(term)): \(reason)"
        case .crypto(let reason): return "cryptographic failure (\(term)): \(reason)"
        case .unreadableData(let reason): return "cannot read the protected data (\(term)): \(reason)"
        }
    }
}
