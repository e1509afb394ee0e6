import Foundation

/// One HTTP exchange a login makes with the platform, as the transport sends it.
public struct LoginHTTPRequest: Sendable {
    public var url: URL
    /// `GET` or `POST`.
    public var method: String
    public var headers: [(name: String, value: String)]
    /// A form body (`application/x-www-form-urlencoded`), already encoded.
    public var body: Data?
    /// The endpoint's name for messages (`discovery`, `token`, `userinfo`…): a transport
    /// failure names it in `LoginError.transport`.
    public var endpoint: String
    /// The whole exchange must end within this.
    public var timeout: Duration
    /// A longer answer is a transport failure, not a memory problem.
    public var maximumResponseBytes: Int

    public init(
        url: URL, method: String, headers: [(name: String, value: String)] = [], body: Data? = nil,
        endpoint: String, timeout: Duration, maximumResponseBytes: Int = 1 << 20
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.endpoint = endpoint
        self.timeout = timeout
        self.maximumResponseBytes = maximumResponseBytes
    }
}

/// The platform's answer to one exchange.
public struct LoginHTTPResponse: Sendable, Equatable {
    public var status: Int
    public var body: Data
    /// Header fields by lowercased name (the last one wins when a name repeats).
    public var headers: [String: String]

    public init(status: Int, body: Data, headers: [String: String] = [:]) {
        self.status = status
        self.body = body
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
    }

    public var contentType: String? { headers["content-type"] }
    /// Where a redirect points (the authorize answer carries the code there).
    public var redirectLocation: String? { headers["location"] }
}

/// How a `LoginClient` reaches the platform. The login itself (discovery, PKCE, state, nonce,
/// token and ID-token verification, principal mapping) does not care which HTTP library
/// carries it: a server uses AsyncHTTPClient (`UnifiedLogin`), a desktop tool may use
/// URLSession.
///
/// A transport must not follow redirects (the login reads them), must bound the answer by
/// `maximumResponseBytes` and the exchange by `timeout`, and reports every failure as
/// `LoginError.transport(endpoint: request.endpoint, reason:)`.
public protocol LoginTransport: Sendable {
    func send(_ request: LoginHTTPRequest) async throws(LoginError) -> LoginHTTPResponse
    /// Releases connections; the client calls it from `LoginClient.shutdown()`.
    func shutdown() async throws
}

/// Which certificates a login trusts for the platform's TLS.
public enum TLSTrust: Sendable, Equatable {
    /// The system's roots.
    case systemRoots
    /// Only these CA certificates (PEM), e.g. a provincial government CA.
    case certificateAuthorities(pem: String)
}
