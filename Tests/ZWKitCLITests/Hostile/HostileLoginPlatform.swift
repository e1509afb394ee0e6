import Foundation
import ZWKitTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Where `zwkit login`'s working invocation signs in: `zwplatform serve --demo` on a loopback
/// port, started with the workspace, killed when the test process exits (and by `timeout`
/// should that exit be a crash).
enum HostileLoginPlatform {
    static let port: Int = freePort()
    static var issuer: String { "http://127.0.0.1:\(port)" }
    private static let lock = NSLock()
    nonisolated(unsafe) private static var launched: Process?

    /// The OpenID Connect profile as a file, for the profile input the suite varies.
    static let profile = #"""
        {"name": "oidc-file", "protocol": "oidc", "principal": {"source": "idToken", "userID": "uid", "name": "name",
         "kind": {"field": "principal", "naturalPerson": ["natural_person"], "legalPerson": ["legal_person"]},
         "naturalPersonIdentifier": "holder_id", "legalPersonIdentifier": "holder_id", "assuranceLevel": "acr",
         "authenticationMethods": "amr"}}
        """#

    static func start(profileInto directory: URL) throws {
        try Data(profile.utf8).write(to: directory.appendingPathComponent("login-profile.json"))
        let executable = URL(fileURLWithPath: Processes.zwkitExecutable).deletingLastPathComponent()
            .appendingPathComponent("zwplatform").path
        guard FileManager.default.isExecutableFile(atPath: executable), let timeout = Processes.which("timeout") else {
            throw FixtureError.missing("zwplatform (built before the tests) and timeout (coreutils) are required")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: timeout)
        process.arguments = [
            "-k", "5", "1800", executable, "serve", "--demo", "--database", "sqlite::memory:", "--port", "\(port)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        lock.withLock { launched = process }
        atexit { HostileLoginPlatform.stop() }
        for _ in 0..<200 {
            if accepts(port) { return }
            usleep(50_000)
        }
        throw FixtureError.missing("zwplatform did not start on port \(port)")
    }

    /// SIGKILL to the server itself: children of this process may have SIGTERM blocked.
    static func stop() {
        guard let process = lock.withLock({ launched }) else { return }
        let parent = process.processIdentifier
        let children = (try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8)) ?? ""
        for child in children.split(separator: " ").compactMap({ Int32($0) }) { kill(child, SIGKILL) }
        kill(parent, SIGKILL)
    }

    private static func accepts(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        } == 0
    }

    private static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
