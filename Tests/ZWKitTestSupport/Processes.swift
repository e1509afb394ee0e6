import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a finished child process left behind.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: Data
    public let stderr: Data

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs the independent implementations tests cross-check against (openssl, python3)
/// and zwkit itself.
public enum Processes {
    /// The full path of `tool` on PATH, or nil.
    public static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments`, feeding `stdin`, and waits for it. With `timeout`,
    /// a child still running after that many seconds is killed (SIGKILL: a child may have
    /// inherited blocked SIGTERM) and reports status 124, as `timeout(1)` does, so a hang
    /// fails its test instead of stalling the suite.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        stdin: Data? = nil,
        environment: [String: String]? = nil,
        currentDirectory: URL? = nil,
        timeout: TimeInterval? = nil
    ) throws -> ProcessResult {
        let process = Process()
        if executable.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: executable)
        } else {
            guard let resolved = which(executable) else {
                throw FixtureError.missing("\(executable) is not on PATH")
            }
            process.executableURL = URL(fileURLWithPath: resolved)
        }
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }

        let inPipe = Pipe()
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        let watchdog = timeout.map { seconds in
            let deadline = Watchdog(process)
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { deadline.fire() }
            return deadline
        }

        // Drain both outputs concurrently so a chatty child never blocks on a full pipe.
        let collector = OutputCollector()
        let group = DispatchGroup()
        for (pipe, isOut) in [(outPipe, true), (errPipe, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collector.store(data, isOut: isOut)
                group.leave()
            }
        }
        if let stdin { inPipe.fileHandleForWriting.write(stdin) }
        try? inPipe.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        let status = watchdog?.finish() == true ? 124 : process.terminationStatus
        // Closed now rather than whenever the handles are freed: a suite that runs thousands
        // of children must not pile up descriptors.
        try? outPipe.fileHandleForReading.close()
        try? errPipe.fileHandleForReading.close()
        return ProcessResult(status: status, stdout: collector.out, stderr: collector.err)
    }

    /// The built `zwkit` executable (test targets depend on it, so it is built first).
    public static var zwkitExecutable: String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("zwkit"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("zwkit"),
            Bundle.main.bundleURL.appendingPathComponent("zwkit"),
            Fixtures.packageRoot.appendingPathComponent(".build/debug/zwkit"),
        ]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate.path
        }
        return candidates[candidates.count - 1].path
    }

    /// Runs `zwkit` with `arguments`, killed after `timeout` seconds (five minutes by default:
    /// far more than any command needs, far less than a command reading an endless input).
    public static func zwkit(
        _ arguments: [String], stdin: Data? = nil, currentDirectory: URL? = nil, timeout: TimeInterval = 300
    ) throws -> ProcessResult {
        try run(zwkitExecutable, arguments, stdin: stdin, currentDirectory: currentDirectory, timeout: timeout)
    }

    /// Whether `python3` can import every module in `modules`. Under CI a missing module
    /// is an error (the test script installs them); elsewhere the caller skips with a notice.
    public static func pythonHas(_ modules: [String], for test: String = #function) throws -> Bool {
        guard which("python3") != nil else {
            if Fixtures.isCI { throw FixtureError.missing("python3 is required under CI") }
            print("notice: skipping \(test): python3 is absent")
            return false
        }
        let probe = modules.map { "import \($0)" }.joined(separator: "; ")
        let result = try run("python3", ["-c", probe])
        if result.status == 0 { return true }
        if Fixtures.isCI {
            throw FixtureError.missing("python modules \(modules) are required under CI: \(result.stderrText)")
        }
        print("notice: skipping \(test): python modules \(modules) are not installed")
        return false
    }

    /// Runs a Python script given as text, with `arguments` after it.
    public static func python(_ script: String, _ arguments: [String] = [], stdin: Data? = nil) throws -> ProcessResult
    {
        try run("python3", ["-c", script] + arguments, stdin: stdin)
    }
}

/// Kills a child that outlives its deadline, and remembers that it did. It holds the process
/// weakly: a pending deadline must not keep a finished child's pipes (file descriptors) open.
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private weak var process: Process?
    private var finished = false
    private var fired = false

    init(_ process: Process) { self.process = process }

    func fire() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished, let process, process.isRunning else { return }
        fired = true
        kill(process.processIdentifier, SIGKILL)
    }

    /// Disarms the watchdog; whether it had killed the child.
    func finish() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        finished = true
        return fired
    }
}

private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var out = Data()
    private(set) var err = Data()

    func store(_ data: Data, isOut: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isOut { out = data } else { err = data }
    }
}
