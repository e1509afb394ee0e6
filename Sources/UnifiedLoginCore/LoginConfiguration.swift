import Foundation
import UnifiedIdentity

/// How a department system authenticates itself at the token endpoint.
public enum ClientAuthentication: Sendable {
    /// A public client (a desktop tool): only `client_id`, and PKCE protects the code.
    case none
    /// `client_secret_basic` (RFC 6749 §2.3.1): HTTP Basic with the form-encoded id and secret.
    case clientSecretBasic(String)
    /// `client_secret_post`: the secret in the form body.
    case clientSecretPost(String)
    /// `private_key_jwt` (RFC 7523): a short-lived assertion signed with the client's SM2 or P-256 key.
    case privateKeyJWT(SigningKey)

    var secret: String? {
        switch self {
        case .clientSecretBasic(let secret), .clientSecretPost(let secret): return secret
        case .none, .privateKeyJWT: return nil
        }
    }
}

/// Everything a department system needs to sign its users in through one platform.
public struct LoginConfiguration: Sendable {
    /// The platform's base URL; for OpenID Connect, its issuer (discovery is fetched below it).
    public var platform: URL
    public var clientID: String
    public var authentication: ClientAuthentication
    /// The callback URL, registered with the platform (compared exactly by the platform).
    public var redirectURI: String
    public var profile: LoginProfile
    /// OpenID Connect scopes (`openid` is always sent).
    public var scopes: [String]
    /// Bound on each HTTP exchange (connect, and the whole request).
    public var timeout: Duration
    public var trust: TLSTrust
    /// How long a started login may take before its callback is refused.
    public var loginLifetime: TimeInterval
    public var clockSkew: TimeInterval
    /// The JWKS is fetched again for an unknown `kid` (key rotation), at most this often.
    public var jwksRefreshInterval: TimeInterval
    /// `alg` spellings accepted for SM2 (platforms differ).
    public var algorithmNames: AlgorithmNames

    public init(
        platform: URL, clientID: String, authentication: ClientAuthentication, redirectURI: String,
        profile: LoginProfile, scopes: [String] = ["openid", "profile"], timeout: Duration = .seconds(10),
        trust: TLSTrust = .systemRoots, loginLifetime: TimeInterval = 600, clockSkew: TimeInterval = 60,
        jwksRefreshInterval: TimeInterval = 1, algorithmNames: AlgorithmNames = .interoperable
    ) {
        self.platform = platform
        self.clientID = clientID
        self.authentication = authentication
        self.redirectURI = redirectURI
        self.profile = profile
        self.scopes = scopes
        self.timeout = timeout
        self.trust = trust
        self.loginLifetime = loginLifetime
        self.clockSkew = clockSkew
        self.jwksRefreshInterval = jwksRefreshInterval
        self.algorithmNames = algorithmNames
    }

    /// The issuer as tokens carry it: the platform URL without a trailing slash.
    public var issuer: String {
        var text = platform.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}

/// A login in progress: where to send the person, and the secrets that bind the callback to
/// this login. Keep it server-side (never in the browser); the client keeps its own copy too
/// and accepts each `state` once.
public struct LoginRequest: Sendable, Equatable {
    public var authorizationURL: URL
    public var state: String
    public var nonce: String?
    public var codeVerifier: String?
    public var redirectURI: String
    public var startedAt: Date
}

/// The tokens a login or refresh returned.
public struct TokenSet: Sendable, Equatable {
    public var accessToken: String
    public var refreshToken: String?
    public var idToken: String?
    public var expiresIn: Int?
    public var scope: String?
}

/// A completed login: the verified principal and what the platform issued.
public struct LoginResult: Sendable {
    public var principal: PlatformPrincipal
    /// `nil` for CAS logins (the ticket is used up by validation).
    public var tokens: TokenSet?
    /// The verified ID token (OpenID Connect profiles).
    public var idToken: VerifiedToken?
}

/// OpenID Connect Discovery metadata (the members a login uses).
public struct ProviderMetadata: Sendable, Equatable {
    public var issuer: String
    public var authorizationEndpoint: URL
    public var tokenEndpoint: URL
    public var userInfoEndpoint: URL?
    public var jwksURI: URL
    public var endSessionEndpoint: URL?
    public var revocationEndpoint: URL?
    public var introspectionEndpoint: URL?
}
