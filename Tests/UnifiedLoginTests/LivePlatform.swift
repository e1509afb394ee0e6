import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import ZWKitTestSupport
import ZWPlatform

#if canImport(Glibc)
    import Glibc
#endif

/// A `zwplatform` application serving on a free loopback port for the length of a test, so
/// clients (UnifiedLogin, authlib, a browser) talk to it over real HTTP.
enum LivePlatform {
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw FixtureError.missing("no socket") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else { throw FixtureError.missing("cannot bind a loopback port") }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "zwplatform-live")
        logger.logLevel = .warning
        return logger
    }

    static func with<Value: Sendable>(
        configuration: PlatformConfiguration = .demo(), store: StoreLocation = .sqliteMemory,
        _ body: @Sendable (URL, Platform) async throws -> Value
    ) async throws -> Value {
        let port = try freePort()
        var configuration = configuration
        configuration.issuer = "http://127.0.0.1:\(port)"
        let (application, platform) = try await buildPlatformApplication(
            PlatformOptions(configuration: configuration, database: store, port: port, logger: quietLogger))
        let server = Task { try await application.run() }
        let base = URL(string: "http://127.0.0.1:\(port)")!
        do {
            try await waitUntilServing(base)
            let value = try await body(base, platform)
            server.cancel()
            _ = await server.result
            return value
        } catch {
            server.cancel()
            _ = await server.result
            throw error
        }
    }

    static func waitUntilServing(_ base: URL) async throws {
        for _ in 0..<100 {
            if (try? await Browser.get(base.appendingPathComponent("jwks").absoluteString).status) == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw FixtureError.missing("the platform did not start on \(base)")
    }
}

/// What a browser does with a login URL when no page is shown (`login_hint`): follow the
/// platform's redirect to the callback, without loading it.
enum Browser {
    struct Page: Sendable {
        var status: Int
        var location: String?
        var body: String
    }

    /// Redirects are not followed: the test reads them.
    static let client = HTTPClient(
        eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))

    static func get(_ url: String, headers: [(String, String)] = []) async throws -> Page {
        var request = HTTPClientRequest(url: url)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await client.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return Page(
            status: Int(response.status.code), location: response.headers.first(name: "Location"),
            body: String(buffer: body))
    }

    /// The callback URL the platform redirects to for `authorizationURL`.
    static func callback(for authorizationURL: URL) async throws -> URL {
        let page = try await get(authorizationURL.absoluteString)
        guard page.status == 302, let location = page.location, let url = URL(string: location) else {
            throw FixtureError.missing("no redirect from \(authorizationURL): \(page.status) \(page.body)")
        }
        return url
    }
}

/// Runs a child process off the cooperative thread pool, so a server in this process keeps answering.
enum AsyncProcesses {
    static func python(_ script: String, _ arguments: [String]) async throws -> ProcessResult {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Processes.python(script, arguments) })
            }
        }
    }

    static func run(_ executable: String, _ arguments: [String]) async throws -> ProcessResult {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Processes.run(executable, arguments) })
            }
        }
    }
}
