import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Which certificates a login trusts for the platform's TLS.
public enum TLSTrust: Sendable, Equatable {
    /// The system's roots.
    case systemRoots
    /// Only these CA certificates (PEM), e.g. a provincial government CA.
    case certificateAuthorities(pem: String)
}

/// The HTTP exchanges of a login, through AsyncHTTPClient, with timeouts and a size bound on
/// every answer.
struct PlatformHTTP: Sendable {
    let client: HTTPClient
    let timeout: TimeAmount
    static let maximumAnswer = 1 << 20

    static func makeClient(trust: TLSTrust, connectTimeout: TimeAmount) throws(LoginError) -> HTTPClient {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if case .certificateAuthorities(let pem) = trust {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)))
            } catch {
                throw .invalidConfiguration("the CA certificates are not PEM certificates: \(error)")
            }
        }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: connectTimeout, read: connectTimeout))
        configuration.httpVersion = .http1Only
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    struct Answer: Sendable {
        var status: Int
        var body: Data
        var contentType: String?
    }

    func send(
        _ url: URL, method: String, form: [(String, String)]? = nil, headers: [(String, String)] = [], endpoint: String
    ) async throws(LoginError) -> Answer {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method == "POST" ? .POST : .GET
        request.headers.add(name: "Accept", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let form {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: FormEncoding.encode(form)))
        }
        do {
            let response = try await client.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: Self.maximumAnswer)
            return Answer(
                status: Int(response.status.code), body: Data(body.readableBytesView),
                contentType: response.headers.first(name: "Content-Type"))
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            throw .transport(endpoint: endpoint, reason: "no answer within the timeout")
        } catch {
            throw .transport(endpoint: endpoint, reason: String(describing: error))
        }
    }

    /// A JSON object answer.
    func json(
        _ url: URL, method: String, form: [(String, String)]? = nil, headers: [(String, String)] = [], endpoint: String
    ) async throws(LoginError) -> (status: Int, object: [String: Any]) {
        let answer = try await send(url, method: method, form: form, headers: headers, endpoint: endpoint)
        guard let object = try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any] else {
            if !(200..<300).contains(answer.status) {
                throw .transport(endpoint: endpoint, reason: "HTTP status \(answer.status)")
            }
            throw .malformedAnswer(endpoint: endpoint, reason: "not a JSON object")
        }
        return (answer.status, object)
    }
}

enum FormEncoding {
    static func encode(_ value: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    static func encode(_ parameters: [(String, String)]) -> String {
        parameters.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    static func url(_ base: URL, path: String, query: [(String, String)]) throws(LoginError) -> URL {
        var text = base.absoluteString
        if text.hasSuffix("/") { text.removeLast() }
        if path.hasPrefix("http://") || path.hasPrefix("https://") { text = path } else { text += path }
        if !query.isEmpty { text += (text.contains("?") ? "&" : "?") + encode(query) }
        guard let url = URL(string: text) else { throw .invalidConfiguration("cannot form a URL from \(text)") }
        return url
    }
}
