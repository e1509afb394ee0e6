import Foundation
import UnifiedLoginCore

/// The browser's part of a login: opened for a person, or played by zwkit itself when the
/// platform signs a hinted test user in without a page.
enum LoginBrowser {
    /// Fetches the authorization URL, expects the platform's redirect to the listener, and
    /// delivers it there, as a browser would.
    static func follow(_ authorizationURL: URL, to listener: LoopbackRedirectListener, timeout: Duration)
        async throws(LoginError) -> URL
    {
        let transport = URLSessionLoginTransport()
        let answer = try await transport.send(
            LoginHTTPRequest(url: authorizationURL, method: "GET", endpoint: "authorize", timeout: timeout))
        let location = answer.redirectLocation
        guard (300..<400).contains(answer.status), let location, let target = URL(string: location) else {
            throw .platformRefused(
                error: "HTTP \(answer.status)",
                description: "the platform did not sign the hinted user in without a page")
        }
        guard location.hasPrefix(listener.redirectURI) else {
            throw .redirectMismatch(expected: listener.redirectURI, found: String(location.prefix { $0 != "?" }))
        }
        let waiting = Task { () async -> Result<URL, LoginError> in
            do throws(LoginError) {
                return .success(try await listener.callback(timeout: timeout))
            } catch {
                return .failure(error)
            }
        }
        let delivered: LoginHTTPResponse
        do throws(LoginError) {
            delivered = try await transport.send(
                LoginHTTPRequest(url: target, method: "GET", endpoint: "redirect", timeout: timeout))
        } catch {
            listener.close()
            throw error
        }
        try? await transport.shutdown()
        guard delivered.status == 200 else {
            listener.close()
            throw .transport(endpoint: "redirect", reason: "the redirect listener answered HTTP \(delivered.status)")
        }
        return try await waiting.value.get()
    }

    /// Opens `url` in the desktop's browser when there is one; the URL is printed either way.
    static func open(_ url: URL) {
        guard let opener = ["xdg-open", "open"].lazy.compactMap(which).first else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }

    private static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}
