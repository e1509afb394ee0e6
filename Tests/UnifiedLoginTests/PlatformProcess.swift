import Foundation
import ZWKitTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A `zwplatform serve` (or another server's) child process on a loopback port, under `timeout` so a test that
/// never stops it cannot leave it running.
struct PlatformProcess {
    let process: Process
    let base: String

    static var executable: String? {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return [directory, directory.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("zwplatform").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `zwplatform serve ARGUMENTS --port PORT` and waits until it answers.
    static func start(_ arguments: [String], port: Int, lifetime: Int = 300) async throws -> PlatformProcess {
        guard let executable else { throw FixtureError.missing("zwplatform is built before the tests") }
        let base = "http://127.0.0.1:\(port)"
        return try await launch(
            executable, ["serve"] + arguments + ["--port", "\(port)"], readiness: base + "/jwks", base: base,
            lifetime: lifetime)
    }

    /// Starts any loopback server under `timeout`, and waits until `readiness` answers 200.
    static func launch(
        _ executable: String, _ arguments: [String], readiness: String, base: String, lifetime: Int = 300
    )
        async throws -> PlatformProcess
    {
        guard let timeout = Processes.which("timeout") else { throw FixtureError.missing("timeout (coreutils)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: timeout)
        process.arguments = ["-k", "5", "\(lifetime)", executable] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let server = PlatformProcess(process: process, base: base)
        for _ in 0..<200 {
            if (try? await Browser.get(readiness).status) == 200 { return server }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        server.stop()
        throw FixtureError.missing("\(executable) did not start serving \(readiness)")
    }

    /// Kills the server (its state is disposable) and waits, boundedly, for `timeout` to end.
    func stop() {
        let parent = process.processIdentifier
        let children = (try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8)) ?? ""
        for child in children.split(separator: " ").compactMap({ Int32($0) }) { kill(child, SIGKILL) }
        if process.isRunning { process.terminate() }
        for _ in 0..<100 where process.isRunning { usleep(50_000) }
    }
}
