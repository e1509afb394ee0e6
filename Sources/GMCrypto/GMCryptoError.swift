import ZhengwuKitCore

/// Every way a GMCrypto operation can fail. Each case says what was wrong with the
/// input, so callers can tell a truncated file from a key of the wrong kind.
public enum GMCryptoError: Error, Sendable, Equatable {
    /// The text is not PEM, or not the PEM label that was expected.
    case malformedPEM(String)
    /// The bytes are not a well-formed DER encoding of the expected structure
    /// (truncated, trailing bytes, or another structure altogether).
    case malformedDER(String)
    /// The key is of another algorithm or curve than the operation requires.
    case unexpectedKeyType(expected: String, found: String)
    /// A raw key, point, signature or other fixed-size value has the wrong length.
    case invalidLength(what: String, expected: String, actual: Int)
    /// The bytes do not encode a point on the curve, or a scalar in range.
    case invalidKey(String)
    /// The signature bytes are not a signature encoding this API understands.
    case malformedSignature(String)
    /// Decryption failed: wrong key, tampered ciphertext or bad padding.
    case decryptionFailed(String)
    /// The algorithm or mode is not available in the OpenSSL backend (for example SM4-GCM in OpenSSL 3.0).
    case unsupported(String)
    /// OpenSSL refused the operation; `reason` is OpenSSL's own error string when it gave one.
    case backend(operation: String, reason: String?)
}

extension GMCryptoError: ZhengwuKitError {
    public var message: String {
        switch self {
        case .malformedPEM(let detail): return "malformed PEM: \(detail)"
        case .malformedDER(let detail): return "malformed DER: \(detail)"
        case .unexpectedKeyType(let expected, let found): return "expected a \(expected) key, found \(found)"
        case .invalidLength(let what, let expected, let actual):
            return "\(what) must be \(expected) bytes, got \(actual)"
        case .invalidKey(let detail): return "invalid key: \(detail)"
        case .malformedSignature(let detail): return "malformed signature: \(detail)"
        case .decryptionFailed(let detail): return "decryption failed: \(detail)"
        case .unsupported(let detail): return "unsupported: \(detail)"
        case .backend(let operation, let reason):
            return "OpenSSL failed to \(operation)" + (reason.map { ": \($0)" } ?? "")
        }
    }
}

extension GMCryptoError {
    /// A stable machine-readable code for logs, JSON output and tests.
    public var code: String {
        switch self {
        case .malformedPEM: return "gmcrypto.malformed_pem"
        case .malformedDER: return "gmcrypto.malformed_der"
        case .unexpectedKeyType: return "gmcrypto.unexpected_key_type"
        case .invalidLength: return "gmcrypto.invalid_length"
        case .invalidKey: return "gmcrypto.invalid_key"
        case .malformedSignature: return "gmcrypto.malformed_signature"
        case .decryptionFailed: return "gmcrypto.decryption_failed"
        case .unsupported: return "gmcrypto.unsupported"
        case .backend: return "gmcrypto.backend"
        }
    }

    /// The Chinese term a person working with the 国密 standards would use for this failure.
    public var chineseTerm: String {
        switch self {
        case .malformedPEM: return "PEM 格式错误"
        case .malformedDER: return "DER 编码错误"
        case .unexpectedKeyType: return "密钥算法或曲线不符"
        case .invalidLength: return "数据长度错误"
        case .invalidKey: return "密钥无效"
        case .malformedSignature: return "签名值格式错误"
        case .decryptionFailed: return "解密失败"
        case .unsupported: return "不支持的算法或模式"
        case .backend: return "密码运算失败"
        }
    }
}

extension GMCryptoError {
    /// A backend failure carrying whatever OpenSSL queued (and clearing the queue).
    package static func openSSL(_ operation: String) -> GMCryptoError {
        .backend(operation: operation, reason: OpenSSLErrorQueue.drain())
    }
}
