import UnifiedIdentity
import ZhengwuKitCore

/// Every reason a login is refused or cannot complete. Each names what went wrong and what to
/// do; personal numbers appear masked.
public enum LoginError: ZhengwuKitError, Equatable {
    /// The callback's `state` matches no login this client started (forged, replayed or stale).
    case stateMismatch
    /// The login started too long ago.
    case loginExpired
    /// The callback carries neither a code (ticket) nor an error.
    case missingCode
    /// The callback came to another redirect URI than the login's.
    case redirectMismatch(expected: String, found: String)
    /// The platform answered the callback (or an endpoint) with an OAuth error.
    case platformRefused(error: String, description: String?)
    /// The callback's `iss` (RFC 9207) is not the configured platform.
    case issuerMismatch(expected: String, found: String)
    /// The ID token failed verification (signature, issuer, audience, expiry…).
    case idTokenRefused(TokenError)
    /// The ID token's `nonce` is not this login's.
    case nonceMismatch
    /// An answer is not in the profile's shape.
    case malformedAnswer(endpoint: String, reason: String)
    /// The platform's answer carries no usable identity (missing, unknown kind, or a number
    /// that fails its standard's check; shown masked).
    case invalidPrincipal(reason: String)
    /// The HTTP exchange failed (connection, TLS, timeout, status).
    case transport(endpoint: String, reason: String)
    /// A profile file is unusable.
    case invalidProfile(name: String, reason: String)
    /// The configuration cannot work (e.g. a secret-less client in a profile that sends one).
    case invalidConfiguration(String)

    public var code: String {
        switch self {
        case .stateMismatch: return "login.state_mismatch"
        case .loginExpired: return "login.expired"
        case .missingCode: return "login.missing_code"
        case .redirectMismatch: return "login.redirect_mismatch"
        case .platformRefused: return "login.platform_refused"
        case .issuerMismatch: return "login.issuer_mismatch"
        case .idTokenRefused: return "login.id_token_refused"
        case .nonceMismatch: return "login.nonce_mismatch"
        case .malformedAnswer: return "login.malformed_answer"
        case .invalidPrincipal: return "login.invalid_principal"
        case .transport: return "login.transport"
        case .invalidProfile: return "login.invalid_profile"
        case .invalidConfiguration: return "login.invalid_configuration"
        }
    }

    public var chineseTerm: String {
        switch self {
        case .stateMismatch, .loginExpired, .missingCode, .redirectMismatch: return "登录回调无效"
        case .platformRefused: return "统一身份认证平台拒绝"
        case .issuerMismatch, .idTokenRefused, .nonceMismatch: return "身份令牌验证失败"
        case .malformedAnswer, .invalidPrincipal: return "用户信息无效"
        case .transport: return "网络通信失败"
        case .invalidProfile, .invalidConfiguration: return "接入配置错误"
        }
    }

    public var message: String {
        switch self {
        case .stateMismatch:
            return
                "the callback's state matches no login in progress; start the login again (a replayed or forged callback)"
        case .loginExpired: return "the login took too long; start it again"
        case .missingCode: return "the callback carries no code or ticket"
        case .redirectMismatch(let expected, let found):
            return "the callback came to \(found), not to the login's redirect URI \(expected)"
        case .platformRefused(let error, let description):
            return "the platform refused: \(error)" + (description.map { " (\($0))" } ?? "")
        case .issuerMismatch(let expected, let found):
            return "the answer comes from \(found), not from the configured platform \(expected)"
        case .idTokenRefused(let error): return "the ID token is not valid: \(error)"
        case .nonceMismatch: return "the ID token's nonce is not this login's (a replayed ID token)"
        case .malformedAnswer(let endpoint, let reason): return "the \(endpoint) answer is not as expected: \(reason)"
        case .invalidPrincipal(let reason): return "the platform's user information is not usable: \(reason)"
        case .transport(let endpoint, let reason): return "cannot reach the \(endpoint) endpoint: \(reason)"
        case .invalidProfile(let name, let reason): return "the profile \(name) is not usable: \(reason)"
        case .invalidConfiguration(let reason): return "the login configuration cannot work: \(reason)"
        }
    }

    public var description: String { "\(code): \(message) (\(chineseTerm))" }
}
