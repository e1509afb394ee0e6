import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// A login's transport over AsyncHTTPClient: TLS 1.2 or later with the system roots or the
/// given CAs, no redirects followed, HTTP/1.1, timeouts and a size bound on every answer.
public struct AsyncHTTPLoginTransport: LoginTransport {
    let client: HTTPClient
    let ownsClient: Bool

    /// A transport with its own connection pool (closed by `shutdown()`).
    public init(trust: TLSTrust = .systemRoots, connectTimeout: Duration = .seconds(10)) throws(LoginError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if case .certificateAuthorities(let pem) = trust {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)))
            } catch {
                throw .invalidConfiguration("the CA certificates are not PEM certificates: \(error)")
            }
        }
        let timeout = Self.timeAmount(connectTimeout)
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: timeout, read: timeout))
        configuration.httpVersion = .http1Only
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.ownsClient = true
    }

    /// A transport over a client the caller owns (and shuts down). The client must not follow
    /// redirects.
    public init(client: HTTPClient) {
        self.client = client
        self.ownsClient = false
    }

    public func send(_ request: LoginHTTPRequest) async throws(LoginError) -> LoginHTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = request.method == "POST" ? .POST : .GET
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            let response = try await client.execute(outgoing, timeout: Self.timeAmount(request.timeout))
            let body = try await response.body.collect(upTo: request.maximumResponseBytes)
            var headers: [String: String] = [:]
            for header in response.headers { headers[header.name.lowercased()] = header.value }
            return LoginHTTPResponse(
                status: Int(response.status.code), body: Data(body.readableBytesView), headers: headers)
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            throw .transport(endpoint: request.endpoint, reason: "no answer within the timeout")
        } catch {
            throw .transport(endpoint: request.endpoint, reason: String(describing: error))
        }
    }

    public func shutdown() async throws {
        if ownsClient { try await client.shutdown() }
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

extension LoginClient {
    /// A client over AsyncHTTPClient with the configuration's TLS trust and timeout. Call
    /// `shutdown()` when done: it closes the connection pool.
    public convenience init(configuration: LoginConfiguration, logger: Logger = Logger(label: "UnifiedLogin"))
        throws(LoginError)
    {
        let transport = try AsyncHTTPLoginTransport(trust: configuration.trust, connectTimeout: configuration.timeout)
        try self.init(configuration: configuration, transport: transport, logger: logger)
    }
}
