import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A login's transport over Foundation's URLSession, for desktop tools and the CLI: no
/// AsyncHTTPClient or SwiftNIO needed. TLS uses the system's roots (URLSession offers no
/// portable way to pin a CA: use `UnifiedLogin`'s `AsyncHTTPLoginTransport` for that).
/// Redirects are not followed, answers are bounded, each exchange has its timeout.
public final class URLSessionLoginTransport: LoginTransport {
    private let session: URLSession
    private let exchanges: Exchanges

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let exchanges = Exchanges()
        self.exchanges = exchanges
        self.session = URLSession(configuration: configuration, delegate: exchanges, delegateQueue: nil)
    }

    public func send(_ request: LoginHTTPRequest) async throws(LoginError) -> LoginHTTPResponse {
        var outgoing = URLRequest(url: request.url)
        outgoing.httpMethod = request.method
        outgoing.httpBody = request.body
        outgoing.timeoutInterval = Self.seconds(request.timeout)
        for header in request.headers { outgoing.addValue(header.value, forHTTPHeaderField: header.name) }
        let outcome: Result<LoginHTTPResponse, LoginError> = await withCheckedContinuation { continuation in
            let task = session.dataTask(with: outgoing)
            exchanges.start(task, request: request, continuation: continuation)
            task.resume()
        }
        return try outcome.get()
    }

    public func shutdown() async throws { session.invalidateAndCancel() }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}

/// The exchanges in flight, by task: their bytes so far, their bound, and who waits for them.
private final class Exchanges: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct Exchange {
        var request: LoginHTTPRequest
        var continuation: CheckedContinuation<Result<LoginHTTPResponse, LoginError>, Never>
        var body = Data()
        var response: HTTPURLResponse?
        var tooLarge = false
        var deadline: DispatchWorkItem?
        var timedOut = false
    }

    private let lock = NSLock()
    private var exchanges: [Int: Exchange] = [:]

    func start(
        _ task: URLSessionDataTask, request: LoginHTTPRequest,
        continuation: CheckedContinuation<Result<LoginHTTPResponse, LoginError>, Never>
    ) {
        // The request timeout is an idle timeout; the whole exchange gets a deadline too.
        let deadline = DispatchWorkItem { [weak self] in
            self?.update(task.taskIdentifier) { $0.timedOut = true }
            task.cancel()
        }
        lock.withLock { exchanges[task.taskIdentifier] = Exchange(request: request, continuation: continuation) }
        update(task.taskIdentifier) { $0.deadline = deadline }
        DispatchQueue.global().asyncAfter(
            deadline: .now() + URLSessionLoginTransport.seconds(request.timeout), execute: deadline)
    }

    private func update(_ id: Int, _ body: (inout Exchange) -> Void) {
        lock.withLock {
            guard var exchange = exchanges[id] else { return }
            body(&exchange)
            exchanges[id] = exchange
        }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        // The login reads redirects itself (the authorize answer carries the code).
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        update(dataTask.taskIdentifier) { $0.response = response as? HTTPURLResponse }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        var cancel = false
        update(dataTask.taskIdentifier) { exchange in
            if exchange.body.count + data.count > exchange.request.maximumResponseBytes {
                exchange.tooLarge = true
                cancel = true
            } else {
                exchange.body.append(data)
            }
        }
        if cancel { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let exchange = lock.withLock({ exchanges.removeValue(forKey: task.taskIdentifier) }) else { return }
        exchange.deadline?.cancel()
        let endpoint = exchange.request.endpoint
        let response = exchange.response ?? (task.response as? HTTPURLResponse)
        if exchange.tooLarge {
            exchange.continuation.resume(
                returning: .failure(
                    .transport(
                        endpoint: endpoint,
                        reason: "the answer is larger than \(exchange.request.maximumResponseBytes) bytes")))
        } else if exchange.timedOut || (error as? URLError)?.code == .timedOut {
            exchange.continuation.resume(
                returning: .failure(.transport(endpoint: endpoint, reason: "no answer within the timeout")))
        } else if let error {
            exchange.continuation.resume(
                returning: .failure(.transport(endpoint: endpoint, reason: error.localizedDescription)))
        } else if let response {
            exchange.continuation.resume(
                returning: .success(
                    LoginHTTPResponse(
                        status: response.statusCode, body: exchange.body,
                        headers: Dictionary(
                            response.allHeaderFields.map { ("\($0.key)".lowercased(), "\($0.value)") },
                            uniquingKeysWith: { $1 }))))
        } else {
            exchange.continuation.resume(
                returning: .failure(.transport(endpoint: endpoint, reason: "no HTTP answer")))
        }
    }
}
