import Foundation

/// A scratch directory for files exchanged with the openssl CLI and Python, removed when
/// the value goes away.
public struct Scratch: ~Copyable {
    public let url: URL
    public init() throws { url = try Fixtures.temporaryDirectory() }
    deinit { Fixtures.cleanUp(url) }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    public func write(_ data: Data, _ name: String) throws -> String {
        let path = path(name)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    public func read(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(name)))
    }
}

/// Runs openssl, throwing with its stderr when it exits non-zero (which fails the test).
@discardableResult
public func openssl(_ arguments: [String], stdin: Data? = nil) throws -> ProcessResult {
    let result = try Processes.run("openssl", arguments, stdin: stdin)
    guard result.status == 0 else {
        throw FixtureError.missing("openssl \(arguments.joined(separator: " ")) failed: \(result.stderrText)")
    }
    return result
}
