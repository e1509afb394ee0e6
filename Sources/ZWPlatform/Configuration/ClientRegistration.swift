import Foundation

/// A department system registered with the platform (an OAuth 2.0 client).
public struct ClientRegistration: Sendable, Codable, Equatable {
    public enum IDTokenAlgorithm: String, Sendable, Codable, Equatable {
        case es256 = "ES256"
        case sm2 = "SM2"
    }

    public var id: String
    /// The shared secret for `client_secret_basic`/`client_secret_post` (and the Guangdong
    /// profile's query parameter); `nil` for clients that authenticate with `private_key_jwt` only.
    public var secret: String?
    /// Public keys (PEM) whose `private_key_jwt` assertions authenticate this client.
    public var publicKeys: [String]
    /// Redirect URIs, compared exactly (no prefix, no wildcard).
    public var redirectURIs: [String]
    /// Whether any `http://127.0.0.1:<port>/…` or `http://[::1]:<port>/…` redirect is allowed
    /// (RFC 8252 §7.3: native apps listen on an ephemeral loopback port).
    public var allowsLoopbackRedirects: Bool
    /// The algorithm of this client's ID and access tokens.
    public var idTokenAlgorithm: IDTokenAlgorithm
    /// CAS services (service URLs) this client may use; compared like redirect URIs.
    public var casServices: [String]
    /// A resource server (an API that accepts the platform's access tokens) may introspect
    /// tokens issued to any client; every other client only its own (RFC 7662 §4).
    public var isResourceServer: Bool

    public init(
        id: String, secret: String? = nil, publicKeys: [String] = [], redirectURIs: [String] = [],
        allowsLoopbackRedirects: Bool = false, idTokenAlgorithm: IDTokenAlgorithm = .es256,
        casServices: [String] = [], isResourceServer: Bool = false
    ) {
        self.id = id
        self.secret = secret
        self.publicKeys = publicKeys
        self.redirectURIs = redirectURIs
        self.allowsLoopbackRedirects = allowsLoopbackRedirects
        self.idTokenAlgorithm = idTokenAlgorithm
        self.casServices = casServices
        self.isResourceServer = isResourceServer
    }

    private enum CodingKeys: String, CodingKey {
        case id, secret, publicKeys, redirectURIs, allowsLoopbackRedirects, idTokenAlgorithm, casServices
        case isResourceServer = "resourceServer"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        secret = try container.decodeIfPresent(String.self, forKey: .secret)
        publicKeys = try container.decodeIfPresent([String].self, forKey: .publicKeys) ?? []
        redirectURIs = try container.decodeIfPresent([String].self, forKey: .redirectURIs) ?? []
        allowsLoopbackRedirects = try container.decodeIfPresent(Bool.self, forKey: .allowsLoopbackRedirects) ?? false
        idTokenAlgorithm = try container.decodeIfPresent(IDTokenAlgorithm.self, forKey: .idTokenAlgorithm) ?? .es256
        casServices = try container.decodeIfPresent([String].self, forKey: .casServices) ?? []
        isResourceServer = try container.decodeIfPresent(Bool.self, forKey: .isResourceServer) ?? false
    }

    /// Exact match against the registered URIs, or a loopback URI when allowed. Never a prefix
    /// match: an open redirector on the department's host must not receive codes.
    public func allowsRedirect(to uri: String) -> Bool {
        if redirectURIs.contains(uri) { return true }
        return allowsLoopbackRedirects && Self.isLoopbackRedirect(uri)
    }

    public func allowsCASService(_ service: String) -> Bool {
        casServices.contains(service) || (allowsLoopbackRedirects && Self.isLoopbackRedirect(service))
    }

    /// `http`, a literal loopback address (not `localhost`, RFC 8252 §8.3), any port, no
    /// fragment, no user information.
    static func isLoopbackRedirect(_ uri: String) -> Bool {
        guard let components = URLComponents(string: uri), components.scheme == "http",
            components.user == nil, components.password == nil, components.fragment == nil,
            let host = components.host
        else { return false }
        return host == "127.0.0.1" || host == "[::1]" || host == "::1"
    }
}
