import Foundation
import GMCrypto
import ZhengwuKitCore

/// The answer of ``X509Verifier``: the chain that was proven, or why none could be.
public enum X509VerificationResult: Sendable {
    /// A chain from the leaf (first) to a trusted root (last) met every policy.
    case valid(chain: [X509Certificate])
    /// No chain could be proven; the failure names the reason and the certificate.
    case invalid(X509VerificationFailure)

    public var isValid: Bool {
        if case .valid = self { return true }
        return false
    }

    /// The proven chain, leaf first, or `nil` when verification failed.
    public var chain: [X509Certificate]? {
        if case .valid(let chain) = self { return chain }
        return nil
    }

    public var failure: X509VerificationFailure? {
        if case .invalid(let failure) = self { return failure }
        return nil
    }
}

/// Why a certificate chain was rejected, and which certificate caused it.
public struct X509VerificationFailure: ZhengwuKitError, Hashable {
    public let reason: Reason
    /// The certificate the reason is about.
    public let certificate: X509Certificate
    /// Its position in the chain: 0 for the leaf, 1 for the certificate that issued it, …
    public let depth: Int

    public init(reason: Reason, certificate: X509Certificate, depth: Int) {
        self.reason = reason
        self.certificate = certificate
        self.depth = depth
    }

    public enum Reason: Hashable, Sendable {
        /// The certificate's validity period ended before the verification time.
        case expired(notAfter: Date)
        /// The certificate's validity period starts after the verification time.
        case notYetValid(notBefore: Date)
        /// No chain from this certificate reaches a trusted root.
        case untrustedRoot
        /// The issuer's key does not verify this certificate's signature.
        case badSignature
        /// The signature algorithm is not one GMCrypto verifies, or does not fit the issuer's key.
        case unsupportedSignatureAlgorithm(String)
        /// The certificate issued another but is not a CA (basic constraints `cA` false or absent).
        case issuerNotCA
        /// The certificate issued another but its key usage lacks `keyCertSign`.
        case missingKeyCertSign
        /// More intermediate CAs follow this certificate than its `pathLenConstraint` allows.
        case pathLengthExceeded(limit: Int, intermediates: Int)
        /// The certificate has a critical extension the verifier does not understand (RFC 5280 §4.2).
        case unhandledCriticalExtension(oid: String)
        /// The leaf's key usage lacks usages the caller requires.
        case leafKeyUsage(missing: X509Certificate.KeyUsage)
        /// A caller-supplied policy rejected the chain, with its own code and explanation.
        case policy(PolicyFailure)
        /// ``X509RevocationPolicy`` found the certificate revoked, or its status unknown.
        case revocation(X509RevocationFailure)
    }

    /// A stable identifier for scripts and logs, e.g. `x509.chain.expired`.
    public var code: String {
        switch reason {
        case .expired: return "x509.chain.expired"
        case .notYetValid: return "x509.chain.not_yet_valid"
        case .untrustedRoot: return "x509.chain.untrusted_root"
        case .badSignature: return "x509.chain.bad_signature"
        case .unsupportedSignatureAlgorithm: return "x509.chain.unsupported_algorithm"
        case .issuerNotCA: return "x509.chain.issuer_not_ca"
        case .missingKeyCertSign: return "x509.chain.missing_key_cert_sign"
        case .pathLengthExceeded: return "x509.chain.path_length_exceeded"
        case .unhandledCriticalExtension: return "x509.chain.unhandled_critical_extension"
        case .leafKeyUsage: return "x509.chain.leaf_key_usage"
        case .policy(let failure): return failure.code
        case .revocation(let failure): return failure.code
        }
    }

    /// The Chinese term an operator reads.
    public var chineseTerm: String {
        switch reason {
        case .expired: return "证书已过期"
        case .notYetValid: return "证书尚未生效"
        case .untrustedRoot: return "证书链不可信（无法到达受信任的根证书）"
        case .badSignature: return "证书签名验证失败"
        case .unsupportedSignatureAlgorithm: return "不支持的证书签名算法"
        case .issuerNotCA: return "签发者不是 CA 证书"
        case .missingKeyCertSign: return "签发者密钥用法不含证书签发"
        case .pathLengthExceeded: return "超出证书路径长度限制"
        case .unhandledCriticalExtension: return "无法处理的关键扩展项"
        case .leafKeyUsage: return "证书密钥用法不符"
        case .policy(let failure): return failure.chineseTerm
        case .revocation(let failure): return failure.chineseTerm
        }
    }

    /// What is wrong, in English, without naming the certificate.
    public var message: String {
        switch reason {
        case .expired(let notAfter): return "expired at \(Self.format(notAfter))"
        case .notYetValid(let notBefore): return "not valid before \(Self.format(notBefore))"
        case .untrustedRoot:
            return "no chain to a trusted root (issuer \(certificate.issuer) is not trusted or not given)"
        case .badSignature: return "signature does not verify with the issuer's public key"
        case .unsupportedSignatureAlgorithm(let detail): return "unsupported signature algorithm: \(detail)"
        case .issuerNotCA: return "issues certificates but is not a CA (basic constraints)"
        case .missingKeyCertSign: return "issues certificates but its key usage lacks keyCertSign"
        case .pathLengthExceeded(let limit, let count):
            return "path length constraint \(limit) exceeded by \(count) intermediate CA certificate(s)"
        case .unhandledCriticalExtension(let oid): return "unhandled critical extension \(oid)"
        case .leafKeyUsage(let missing): return "key usage lacks \(missing)"
        case .policy(let failure): return failure.message
        case .revocation(let failure): return failure.message
        }
    }

    public var description: String {
        "\(message) [\(code), \(chineseTerm)]: certificate at depth \(depth), subject \(certificate.subject)"
    }

    private static func format(_ date: Date) -> String {
        Timestamp.format(date)
    }
}
