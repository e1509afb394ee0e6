import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The redirect URI of a desktop tool (RFC 8252 §7.3): a listener on `127.0.0.1` and an
/// ephemeral port that takes the one callback the platform sends the browser to, answers it
/// with a short page, and hands its URL to `LoginClient.complete(callback:)`.
///
/// Only the loopback address is bound, never `0.0.0.0`; requests for other paths (a
/// browser's `favicon.ico`) get a 404 and the listener keeps waiting.
public final class LoopbackRedirectListener: @unchecked Sendable {
    public let port: Int
    public let path: String
    private let descriptor: Int32
    private let lock = NSLock()
    private var closed = false

    /// The URI to register as `redirect_uri`: `http://127.0.0.1:<port><path>`.
    public var redirectURI: String { "http://127.0.0.1:\(port)\(path)" }

    /// Binds `127.0.0.1:port` (0: an ephemeral port the system picks).
    public init(port: Int = 0, path: String = "/callback") throws(LoginError) {
        guard (0...65_535).contains(port) else {
            throw .invalidConfiguration("the redirect port \(port) is not between 0 and 65535")
        }
        guard path.hasPrefix("/"), !path.contains("?"), !path.contains("#") else {
            throw .invalidConfiguration("the redirect path must start with / and carry no query or fragment")
        }
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Self.failure("cannot open a socket") }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = POSIX.close(descriptor)
            throw Self.failure("cannot listen on 127.0.0.1:\(port): \(reason)")
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
        self.path = path
    }

    deinit { close() }

    /// Stops listening.
    public func close() {
        let wasOpen = lock.withLock {
            defer { closed = true }
            return !closed
        }
        if wasOpen { _ = POSIX.close(descriptor) }
    }

    /// Waits for the callback and returns its full URL; refuses after `timeout`.
    public func callback(timeout: Duration) async throws(LoginError) -> URL {
        let deadline = Date().addingTimeInterval(URLSessionLoginTransport.seconds(timeout))
        let outcome: Result<URL, LoginError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: self.accept(until: deadline)) }
        }
        return try outcome.get()
    }

    private func accept(until deadline: Date) -> Result<URL, LoginError> {
        while true {
            guard lock.withLock({ !closed }) else {
                return .failure(.transport(endpoint: "redirect", reason: "the redirect listener was closed"))
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                return .failure(
                    .transport(endpoint: "redirect", reason: "no callback came to \(redirectURI) within the timeout"))
            }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0, errno != EINTR { return .failure(Self.failure("the redirect listener failed")) }
            guard ready > 0 else { continue }
            let client = POSIX.accept(descriptor, nil, nil)
            guard client >= 0 else { continue }
            defer { _ = POSIX.close(client) }
            if let target = Self.requestTarget(client), let url = answer(client, target: target) {
                return .success(url)
            }
        }
    }

    /// Answers one request; the callback's URL when it is the callback.
    private func answer(_ client: Int32, target: String) -> URL? {
        let requestPath = String(target.prefix { $0 != "?" })
        guard requestPath == path, let url = URL(string: "http://127.0.0.1:\(port)" + target) else {
            Self.write(client, status: "404 Not Found", body: "Not the login callback.")
            return nil
        }
        Self.write(
            client, status: "200 OK",
            body: "Sign-in received; you may close this window and return to the application. (登录回调已收到)")
        return url
    }

    /// The target of `GET <target> HTTP/1.x`, read within 5 seconds and 16 KiB.
    private static func requestTarget(_ client: Int32) -> String? {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.count < 16_384 {
            let count = buffer.withUnsafeMutableBytes { POSIX.read(client, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            received += buffer[0..<count]
            if received.contains(0x0A) { break }
        }
        guard let end = received.firstIndex(of: 0x0A) else { return nil }
        let line = String(decoding: received[..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = line.split(separator: " ")
        guard parts.count == 3, parts[0] == "GET", parts[2].hasPrefix("HTTP/1."), parts[1].hasPrefix("/") else {
            return nil
        }
        return String(parts[1])
    }

    private static func write(_ client: Int32, status: String, body: String) {
        let page = "<!doctype html><meta charset=utf-8><title>zwkit</title><p>\(body)</p>"
        let bytes = Array(
            ("HTTP/1.1 \(status)\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(page.utf8.count)\r\n"
                + "Cache-Control: no-store\r\nConnection: close\r\n\r\n" + page).utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { POSIX.write(client, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            offset += written
        }
    }

    private static func failure(_ reason: String) -> LoginError {
        .transport(endpoint: "redirect", reason: reason)
    }
}

/// The socket calls whose names the class's own `close()` shadows.
private enum POSIX {
    #if canImport(Glibc)
        static func close(_ descriptor: Int32) -> Int32 { Glibc.close(descriptor) }
        static func accept(
            _ descriptor: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: UnsafeMutablePointer<socklen_t>?
        ) -> Int32 {
            Glibc.accept(descriptor, address, length)
        }
        static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
            Glibc.read(descriptor, buffer, count)
        }
        static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
            Glibc.write(descriptor, buffer, count)
        }
    #else
        static func close(_ descriptor: Int32) -> Int32 { Darwin.close(descriptor) }
        static func accept(
            _ descriptor: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: UnsafeMutablePointer<socklen_t>?
        ) -> Int32 {
            Darwin.accept(descriptor, address, length)
        }
        static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
            Darwin.read(descriptor, buffer, count)
        }
        static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
            Darwin.write(descriptor, buffer, count)
        }
    #endif
}
