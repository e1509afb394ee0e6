import HTTPTypes
import ZhengwuKitCore

/// An OAuth 2.0 error answer (RFC 6749 §5.2): the `error` code, a description a developer can
/// act on, and the HTTP status.
public struct OAuthError: ZhengwuKitError, Equatable {
    public var error: String
    public var errorDescription: String
    public var status: HTTPResponse.Status

    public init(_ error: String, _ description: String, status: HTTPResponse.Status = .badRequest) {
        self.error = error
        self.errorDescription = description
        self.status = status
    }

    public var code: String { "oauth.\(error)" }
    public var message: String { errorDescription }
    public var chineseTerm: String { "统一身份认证请求被拒绝" }
    public var description: String { "\(error): \(errorDescription)" }

    static func invalidRequest(_ description: String) -> OAuthError { OAuthError("invalid_request", description) }
    static func invalidGrant(_ description: String) -> OAuthError { OAuthError("invalid_grant", description) }
    static func invalidClient(_ description: String) -> OAuthError {
        OAuthError("invalid_client", description, status: .unauthorized)
    }
    static func invalidToken(_ description: String) -> OAuthError {
        OAuthError("invalid_token", description, status: .unauthorized)
    }
    static func unsupportedGrantType(_ type: String) -> OAuthError {
        OAuthError("unsupported_grant_type", "grant_type \"\(type)\" is not supported")
    }
}
