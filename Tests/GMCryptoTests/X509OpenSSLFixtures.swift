import Foundation
import ZWKitTestSupport

/// SM2 certificates made by the `openssl` CLI, the independent implementation GMCrypto's
/// certificates are checked against. Each instance works in its own temporary directory.
struct OpenSSLCertificates {
    static let distinguishingID = "distid:1234567812345678"
    let directory: URL

    init() throws {
        directory = try Fixtures.temporaryDirectory()
    }

    func cleanUp() { Fixtures.cleanUp(directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    func write(_ text: String, to name: String) throws {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
    }

    /// Runs `openssl` in the directory and fails the test with its stderr when it fails.
    @discardableResult
    func openssl(_ arguments: [String]) throws -> ProcessResult {
        let result = try Processes.run("openssl", arguments, currentDirectory: directory)
        guard result.status == 0 else {
            throw FixtureError.missing("openssl \(arguments.joined(separator: " ")) failed: \(result.stderrText)")
        }
        return result
    }

    /// A self-signed SM2 root `<name>.pem` with key `<name>.key`.
    func makeRoot(_ name: String, subject: String, days: Int = 30) throws {
        try openssl([
            "req", "-x509", "-newkey", "sm2", "-keyout", "\(name).key", "-nodes", "-out", "\(name).pem",
            "-days", "\(days)", "-utf8", "-subj", subject, "-sm3", "-sigopt", Self.distinguishingID,
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
    }

    /// An SM2 certificate `<name>.pem` (key `<name>.key`) signed by `<issuer>.pem`/`.key`,
    /// with the extensions given as `openssl x509 -extfile` lines.
    func makeIssued(_ name: String, subject: String, issuer: String, extensions: [String], days: Int = 10) throws {
        try openssl([
            "req", "-new", "-newkey", "sm2", "-keyout", "\(name).key", "-nodes", "-out", "\(name).csr",
            "-utf8", "-subj", subject, "-sm3", "-sigopt", Self.distinguishingID,
        ])
        try write(extensions.joined(separator: "\n") + "\n", to: "\(name).ext")
        try openssl([
            "x509", "-req", "-in", "\(name).csr", "-CA", "\(issuer).pem", "-CAkey", "\(issuer).key",
            "-CAcreateserial", "-out", "\(name).pem", "-days", "\(days)", "-sm3",
            "-sigopt", Self.distinguishingID, "-vfyopt", Self.distinguishingID, "-extfile", "\(name).ext",
        ])
    }

    /// `openssl verify` of `leaf` against `root`, with optional intermediates, SM2 ID set.
    func verify(leaf: String, root: String, intermediates: [String] = []) throws -> ProcessResult {
        var arguments = ["verify", "-CAfile", root]
        for intermediate in intermediates { arguments += ["-untrusted", intermediate] }
        arguments += ["-vfyopt", Self.distinguishingID, leaf]
        return try Processes.run("openssl", arguments, currentDirectory: directory)
    }
}
