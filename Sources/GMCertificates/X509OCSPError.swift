import Foundation
import GMCrypto
import ZhengwuKitCore

/// Why bytes could not be read as an OCSP response, or a response gives no trustworthy
/// answer about a certificate. Each case has a stable ``code`` and a ``chineseTerm``.
public enum X509OCSPError: Error, Sendable, Hashable {
    /// The bytes are not a well-formed `OCSPResponse` / `BasicOCSPResponse`.
    case malformed(String)
    /// The response type is not `id-pkix-ocsp-basic`.
    case unsupportedResponseType(String)
    /// A critical extension GMCrypto does not process.
    case unsupportedCriticalExtension(oid: String)
    /// The responder answered with an error status instead of certificate statuses.
    case unsuccessful(X509OCSPResponse.ResponseStatus)
    /// The response holds no answer about the certificate asked about.
    case noResponseForCertificate
    /// The certificate asked about was not issued by the issuer given (its issuer name
    /// differs, or the issuer's key does not verify it).
    case certificateNotIssuedBy
    /// Neither the issuer nor a certificate it delegated OCSP signing to signed the response.
    case responderNotAuthorized
    /// The responder's key does not verify the response's signature.
    case badSignature
    /// The signature algorithm is not one GMCrypto verifies, or does not fit the responder's key.
    case unsupportedSignatureAlgorithm(String)
    /// The answer was produced after the verification time (`thisUpdate` later than it).
    case notYetValid(thisUpdate: Date)
    /// The answer's `nextUpdate` had passed at the verification time.
    case expired(nextUpdate: Date)

    public var code: String {
        switch self {
        case .malformed: return "x509.ocsp.malformed"
        case .unsupportedResponseType: return "x509.ocsp.response_type_unsupported"
        case .unsupportedCriticalExtension: return "x509.ocsp.critical_extension_unsupported"
        case .unsuccessful: return "x509.ocsp.unsuccessful"
        case .noResponseForCertificate: return "x509.ocsp.no_response_for_certificate"
        case .certificateNotIssuedBy: return "x509.ocsp.certificate_not_issued_by_issuer"
        case .responderNotAuthorized: return "x509.ocsp.responder_not_authorized"
        case .badSignature: return "x509.ocsp.bad_signature"
        case .unsupportedSignatureAlgorithm: return "x509.ocsp.unsupported_algorithm"
        case .notYetValid: return "x509.ocsp.not_yet_valid"
        case .expired: return "x509.ocsp.expired"
        }
    }

    public var chineseTerm: String {
        switch self {
        case .malformed: return "OCSP 响应编码错误"
        case .unsupportedResponseType: return "不支持的 OCSP 响应类型"
        case .unsupportedCriticalExtension: return "无法处理的关键扩展项"
        case .unsuccessful: return "OCSP 响应状态非成功"
        case .noResponseForCertificate: return "OCSP 响应不含该证书"
        case .certificateNotIssuedBy: return "证书并非该签发者签发"
        case .responderNotAuthorized: return "OCSP 响应者未获授权"
        case .badSignature: return "OCSP 响应签名验证失败"
        case .unsupportedSignatureAlgorithm: return "不支持的签名算法"
        case .notYetValid: return "OCSP 响应尚未生效"
        case .expired: return "OCSP 响应已过期"
        }
    }
}

extension X509OCSPError: ZhengwuKitError {
    public var message: String {
        switch self {
        case .malformed(let detail): return "malformed OCSP response: \(detail)"
        case .unsupportedResponseType(let oid): return "unsupported OCSP response type \(oid)"
        case .unsupportedCriticalExtension(let oid): return "unsupported critical extension \(oid)"
        case .unsuccessful(let status): return "the responder answered \(status) instead of a status"
        case .noResponseForCertificate: return "the response holds no answer about the certificate"
        case .certificateNotIssuedBy: return "the certificate was not issued by the issuer given"
        case .responderNotAuthorized:
            return "the response is signed neither by the issuer nor by a responder it delegated OCSP signing to"
        case .badSignature: return "the response's signature does not verify with the responder's public key"
        case .unsupportedSignatureAlgorithm(let detail): return "unsupported signature algorithm: \(detail)"
        case .notYetValid(let time): return "the answer is not valid before \(Timestamp.format(time))"
        case .expired(let time): return "the answer expired at \(Timestamp.format(time)) (nextUpdate)"
        }
    }
}
