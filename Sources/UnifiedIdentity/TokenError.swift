import Foundation
import ZhengwuKitCore

/// Which of the three parts of a compact token a parsing error is about.
public enum TokenSegment: String, Sendable, Equatable {
    case header
    case payload
    case signature
}

/// Every reason a token is refused. Each case names the claim (or header parameter, `claim`)
/// and the rule it broke, with a stable machine code for logs and scripts (`code`,
/// `token.<rule>`), an English message (`message`) and the Chinese term an operator reads
/// (`chineseTerm`), in the house `ZhengwuKitError` shape.
public enum TokenError: Error, Sendable, Equatable {
    // MARK: Shape
    /// The token is longer than the configured limit (checked before anything is decoded).
    case tokenTooLarge(size: Int, limit: Int)
    /// Not three dot-separated segments, or a segment is empty where it must not be.
    case malformedToken(String)
    /// A segment is not canonical unpadded base64url.
    case invalidEncoding(TokenSegment)
    /// A segment decodes but is not acceptable JSON (or nests too deep, or repeats a member).
    case invalidJSON(TokenSegment, reason: String)

    // MARK: Header and keys
    /// `alg: none`: an unsecured JWS, never accepted.
    case unsecuredToken
    /// The `alg` is known but not allowed here (HMAC algorithms always land here).
    case algorithmNotAllowed(String)
    /// The `alg` does not belong to the key the `kid` selects (algorithm confusion).
    case algorithmKeyMismatch(algorithm: String, keyType: String)
    /// The header marks an extension critical (`crit`) that this verifier does not implement.
    case unsupportedCriticalHeader(String)
    /// A header parameter is missing or has the wrong type.
    case invalidHeader(parameter: String, reason: String)
    /// No verification key has this `kid` (or none fits when the header names none).
    case unknownKey(kid: String?)
    /// The `kid` names a key that was retired from the key set.
    case retiredKey(kid: String)
    /// The signature does not verify over the signing input with the selected key.
    case invalidSignature
    /// A DER signature, read because the verifier accepts DER for the algorithm, breaks a DER
    /// rule: `rule` names it for the code (`token.signature_der_<rule>`: `not_sequence`,
    /// `truncated`, `indefinite_length`, `non_minimal_length`, `trailing_bytes`, `not_integer`,
    /// `empty_integer`, `non_minimal_integer`, `negative_integer`, `integer_too_long`,
    /// `integer_out_of_range`), `reason` says it in words (which of r and s, when one is at fault).
    case malformedDERSignature(rule: String, reason: String)

    // MARK: Claims
    /// A claim the rules require is absent.
    case missingClaim(String)
    /// A claim is present but has the wrong type or an invalid value.
    case invalidClaim(String, reason: String)
    /// `exp` is in the past (beyond the allowed clock skew).
    case expired(expiresAt: Date, now: Date)
    /// `nbf` is in the future (beyond the allowed clock skew).
    case notYetValid(notBefore: Date, now: Date)
    /// `iat` is in the future (beyond the allowed clock skew).
    case issuedInFuture(issuedAt: Date, now: Date)
    /// `iat` is older than the policy's maximum age.
    case tooOld(issuedAt: Date, maximumAge: TimeInterval)
    /// The lifetime `exp − iat` exceeds what the policy allows.
    case lifetimeTooLong(seconds: TimeInterval, limit: TimeInterval)
    /// `iss` is not on the allow-list.
    case issuerNotAllowed(String?)
    /// None of `aud` is the audience this verifier serves.
    case audienceMismatch(expected: String, found: [String])
    /// The real-name assurance level is below what the policy requires.
    case insufficientAssurance(required: AssuranceLevel, found: AssuranceLevel?)
    /// The principal kind is not one the policy accepts.
    case principalKindNotAllowed(found: PrincipalKind?)
    /// The holder's citizen ID or credit code fails its standard's checks.
    case invalidHolderIdentifier(String)
    /// The token (or the token it was exchanged from) was revoked.
    case revoked(jti: String)
    /// A one-time token was presented a second time.
    case replayed(jti: String)
    /// A revocation or replay store could not answer; the token is refused rather than trusted.
    case storeUnavailable(String)
    /// The token cannot be exchanged for a department session (see the reason).
    case exchangeRefused(String)
    /// The issuer's key could not sign (the backend's reason).
    case signingFailed(String)
    /// A caller's own policy (named) refused the token, with its own code and terms.
    case policyFailed(policy: String, PolicyFailure)
}

extension TokenError: ZhengwuKitError {
    /// A stable machine code in the house style, `token.<rule>` (`token.expired`,
    /// `token.signature_invalid`); ``claim`` names the claim or header parameter it is about.
    /// A caller's own policy keeps its own code.
    public var code: String {
        switch self {
        case .tokenTooLarge: return "token.too_large"
        case .malformedToken: return "token.malformed"
        case .invalidEncoding(let segment): return "token.\(segment.rawValue)_encoding"
        case .invalidJSON(let segment, _): return "token.\(segment.rawValue)_json"
        case .unsecuredToken: return "token.alg_none"
        case .algorithmNotAllowed: return "token.alg_not_allowed"
        case .algorithmKeyMismatch: return "token.alg_key_mismatch"
        case .unsupportedCriticalHeader: return "token.crit_unsupported"
        case .invalidHeader: return "token.header_invalid"
        case .unknownKey: return "token.kid_unknown"
        case .retiredKey: return "token.kid_retired"
        case .invalidSignature: return "token.signature_invalid"
        case .malformedDERSignature(let rule, _): return "token.signature_der_\(rule)"
        case .missingClaim: return "token.claim_missing"
        case .invalidClaim: return "token.claim_invalid"
        case .expired: return "token.expired"
        case .notYetValid: return "token.not_yet_valid"
        case .issuedInFuture: return "token.issued_in_future"
        case .tooOld: return "token.too_old"
        case .lifetimeTooLong: return "token.lifetime_too_long"
        case .issuerNotAllowed: return "token.issuer_not_allowed"
        case .audienceMismatch: return "token.audience_mismatch"
        case .insufficientAssurance: return "token.assurance_insufficient"
        case .principalKindNotAllowed: return "token.principal_kind_not_allowed"
        case .invalidHolderIdentifier: return "token.holder_id_invalid"
        case .revoked: return "token.revoked"
        case .replayed: return "token.replayed"
        case .storeUnavailable: return "token.store_unavailable"
        case .exchangeRefused: return "token.exchange_refused"
        case .signingFailed: return "token.signing_failed"
        case .policyFailed(_, let failure): return failure.code
        }
    }

    /// The claim or header parameter the failure is about, when there is one (`exp`, `aud`,
    /// `alg`, `kid`, …).
    public var claim: String? {
        switch self {
        case .tokenTooLarge, .malformedToken, .invalidEncoding, .invalidJSON, .invalidSignature,
            .malformedDERSignature, .storeUnavailable, .exchangeRefused, .signingFailed, .policyFailed:
            return nil
        case .unsecuredToken, .algorithmNotAllowed, .algorithmKeyMismatch: return "alg"
        case .unsupportedCriticalHeader: return "crit"
        case .invalidHeader(let parameter, _): return parameter
        case .unknownKey, .retiredKey: return "kid"
        case .missingClaim(let claim), .invalidClaim(let claim, _): return claim
        case .expired, .lifetimeTooLong: return "exp"
        case .notYetValid: return "nbf"
        case .issuedInFuture, .tooOld: return "iat"
        case .issuerNotAllowed: return "iss"
        case .audienceMismatch: return "aud"
        case .insufficientAssurance: return "acr"
        case .principalKindNotAllowed: return "principal"
        case .invalidHolderIdentifier: return "holder_id"
        case .revoked, .replayed: return "jti"
        }
    }

    /// The Chinese term an operator or a citizen-facing message uses for this failure.
    public var chineseTerm: String {
        switch self {
        case .tokenTooLarge: return "令牌过长"
        case .malformedToken, .invalidEncoding, .invalidJSON: return "令牌格式错误"
        case .unsecuredToken: return "未签名令牌"
        case .algorithmNotAllowed: return "签名算法不允许"
        case .algorithmKeyMismatch: return "签名算法与密钥不匹配"
        case .unsupportedCriticalHeader: return "不支持的关键头部参数"
        case .invalidHeader: return "令牌头部错误"
        case .unknownKey: return "未知的验证密钥"
        case .retiredKey: return "密钥已停用"
        case .invalidSignature: return "签名验证失败"
        case .malformedDERSignature: return "签名编码错误"
        case .missingClaim: return "缺少必需声明"
        case .invalidClaim: return "声明格式错误"
        case .expired: return "令牌已过期"
        case .notYetValid: return "令牌尚未生效"
        case .issuedInFuture: return "签发时间晚于当前时间"
        case .tooOld: return "令牌签发时间过早"
        case .lifetimeTooLong: return "令牌有效期过长"
        case .issuerNotAllowed: return "签发方不受信任"
        case .audienceMismatch: return "令牌受众不符"
        case .insufficientAssurance: return "实名认证等级不足"
        case .principalKindNotAllowed: return "主体类型不符"
        case .invalidHolderIdentifier: return "证件号码无效"
        case .revoked: return "令牌已吊销"
        case .replayed: return "令牌重复使用"
        case .storeUnavailable: return "状态存储不可用"
        case .exchangeRefused: return "令牌交换被拒绝"
        case .signingFailed: return "签名失败"
        case .policyFailed(_, let failure): return failure.chineseTerm
        }
    }
}

extension TokenError {
    /// What was refused and why, in English.
    public var message: String {
        switch self {
        case .tokenTooLarge(let size, let limit): return "token is \(size) bytes, more than the limit of \(limit)"
        case .malformedToken(let reason): return "malformed token: \(reason)"
        case .invalidEncoding(let segment): return "the \(segment.rawValue) is not canonical unpadded base64url"
        case .invalidJSON(let segment, let reason): return "the \(segment.rawValue) is not acceptable JSON: \(reason)"
        case .unsecuredToken: return "unsecured token (alg \"none\") refused"
        case .algorithmNotAllowed(let alg): return "algorithm \"\(alg)\" is not allowed"
        case .algorithmKeyMismatch(let alg, let keyType):
            return "algorithm \"\(alg)\" does not match the selected \(keyType) key"
        case .unsupportedCriticalHeader(let name): return "critical header parameter \"\(name)\" is not supported"
        case .invalidHeader(let parameter, let reason): return "header parameter \"\(parameter)\": \(reason)"
        case .unknownKey(let kid):
            return kid.map { "no verification key with kid \"\($0)\"" } ?? "no verification key fits"
        case .retiredKey(let kid): return "key \"\(kid)\" has been retired"
        case .invalidSignature: return "signature does not verify"
        case .malformedDERSignature(_, let reason): return "the DER signature is malformed: \(reason)"
        case .missingClaim(let claim): return "required claim \"\(claim)\" is missing"
        case .invalidClaim(let claim, let reason): return "claim \"\(claim)\" is invalid: \(reason)"
        case .expired(let expiresAt, let now):
            return "token expired at \(Self.format(expiresAt)) (now \(Self.format(now)))"
        case .notYetValid(let notBefore, let now):
            return "token is not valid before \(Self.format(notBefore)) (now \(Self.format(now)))"
        case .issuedInFuture(let issuedAt, let now):
            return "token is issued at \(Self.format(issuedAt)), in the future (now \(Self.format(now)))"
        case .tooOld(let issuedAt, let maximumAge):
            return "token issued at \(Self.format(issuedAt)) is older than \(Int(maximumAge)) s"
        case .lifetimeTooLong(let seconds, let limit):
            return "token lifetime of \(Int(seconds)) s exceeds the limit of \(Int(limit)) s"
        case .issuerNotAllowed(let issuer): return "issuer \"\(issuer ?? "(none)")\" is not trusted"
        case .audienceMismatch(let expected, let found):
            return "audience \(found) does not include \"\(expected)\""
        case .insufficientAssurance(let required, let found):
            return
                "assurance level \(found.map { "\($0.rawValue)" } ?? "(none)") is below the required \(required.rawValue)"
        case .principalKindNotAllowed(let found):
            return "principal kind \(found?.rawValue ?? "(none)") is not accepted"
        case .invalidHolderIdentifier(let reason): return "holder identifier is invalid: \(reason)"
        case .revoked(let jti): return "token \"\(jti)\" has been revoked"
        case .replayed(let jti): return "token \"\(jti)\" has already been used"
        case .storeUnavailable(let reason): return "token state store unavailable: \(reason)"
        case .exchangeRefused(let reason): return "token exchange refused: \(reason)"
        case .signingFailed(let reason): return "the token could not be signed: \(reason)"
        case .policyFailed(let policy, let failure): return "policy \(policy): \(failure.message)"
        }
    }

    /// One line a person reads: English, then the Chinese term, then the machine code.
    public var localizedSummary: String {
        "\(message) (\(chineseTerm), \(code))"
    }

    private static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return "\(seconds) (\(date.ISO8601Format()))"
    }
}
