import Foundation

/// Certificates made by the `openssl` CLI, the independent implementation the SDK's
/// certificates, lists and OCSP answers are checked against. Each instance works in its own
/// temporary directory, where the certificate `<name>.pem` has its key in `<name>.key`.
/// SM2 certificates are signed with SM3withSM2 and the standard distinguishing ID.
public struct OpenSSLPKI: Sendable {
    public static let distinguishingID = "distid:1234567812345678"
    public let directory: URL

    /// An empty workspace.
    public init() throws {
        directory = try Fixtures.temporaryDirectory()
    }

    /// An SM2 root `ca` (`/CN=ZhengwuKit Test CA`, ten years) and one leaf per name
    /// (`/CN=Test <name>`, no extensions), valid from now for `days`.
    public init(sm2Leaves leaves: [String], days: Int = 365) throws {
        try self.init()
        try makeRoot("ca", subject: "/CN=ZhengwuKit Test CA", days: 3650)
        for name in leaves {
            try makeIssued(name, subject: "/CN=Test \(name)", issuer: "ca", extensions: [], days: days)
        }
    }

    public func cleanUp() { Fixtures.cleanUp(directory) }

    public func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    public func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    public func write(_ text: String, to name: String) throws {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
    }

    /// Runs `openssl` in the directory and throws with its stderr when it fails.
    @discardableResult
    public func openssl(_ arguments: [String]) throws -> ProcessResult {
        let result = try Processes.run("openssl", arguments, currentDirectory: directory, timeout: 120)
        guard result.status == 0 else {
            throw FixtureError.missing("openssl \(arguments.joined(separator: " ")) failed: \(result.stderrText)")
        }
        return result
    }

    public enum KeyAlgorithm: CaseIterable, Sendable {
        case sm2, p256, ed25519

        public var genpkeyArguments: [String] {
            switch self {
            case .sm2: return ["-algorithm", "SM2"]
            case .p256: return ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]
            case .ed25519: return ["-algorithm", "ED25519"]
            }
        }
    }

    /// A new private key `<name>.key` made by `openssl genpkey`.
    public func makeKey(_ name: String, algorithm: KeyAlgorithm = .sm2) throws {
        try openssl(["genpkey"] + algorithm.genpkeyArguments + ["-out", "\(name).key"])
    }

    /// A self-signed SM2 root `<name>.pem` with key `<name>.key`.
    public func makeRoot(_ name: String, subject: String, days: Int = 30) throws {
        try openssl([
            "req", "-x509", "-newkey", "sm2", "-keyout", "\(name).key", "-nodes", "-out", "\(name).pem",
            "-days", "\(days)", "-utf8", "-subj", subject, "-sm3", "-sigopt", Self.distinguishingID,
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
    }

    /// An SM2 certificate `<name>.pem` (key `<name>.key`) signed by `<issuer>.pem`/`.key`,
    /// with the extensions given as `openssl x509 -extfile` lines (none when empty).
    public func makeIssued(_ name: String, subject: String, issuer: String, extensions: [String], days: Int = 10)
        throws
    {
        try openssl([
            "req", "-new", "-newkey", "sm2", "-keyout", "\(name).key", "-nodes", "-out", "\(name).csr",
            "-utf8", "-subj", subject, "-sm3", "-sigopt", Self.distinguishingID,
        ])
        var extensionFile: [String] = []
        if !extensions.isEmpty {
            try write(extensions.joined(separator: "\n") + "\n", to: "\(name).ext")
            extensionFile = ["-extfile", "\(name).ext"]
        }
        try openssl(
            [
                "x509", "-req", "-in", "\(name).csr", "-CA", "\(issuer).pem", "-CAkey", "\(issuer).key",
                "-CAcreateserial", "-out", "\(name).pem", "-days", "\(days)", "-sm3",
                "-sigopt", Self.distinguishingID, "-vfyopt", Self.distinguishingID,
            ] + extensionFile)
    }

    /// Whether OpenSSL accepts the one link `certificate` ← `issuer` (both PEM files here),
    /// with `issuer` as the trust anchor. Chains of several SM2 levels must be checked link
    /// by link: `openssl verify` sets the SM2 ID only on the leaf (see ``verify(leaf:root:intermediates:sm2:)``).
    public func acceptsLink(_ certificate: String, issuedBy issuer: String) throws -> Bool {
        let result = try Processes.run(
            "openssl", ["verify", "-partial_chain", "-CAfile", issuer, "-vfyopt", Self.distinguishingID, certificate],
            currentDirectory: directory)
        return result.status == 0
    }

    /// `openssl verify` of `leaf` against `root`, with optional intermediates, SM2 ID set.
    /// OpenSSL 3.0 applies `-vfyopt distid:` to the leaf only, so an SM2-signed
    /// intermediate fails at depth 1 (upstream issues 22234, 23471).
    /// `sm2` false leaves the ID out, which OpenSSL requires for ECDSA and Ed25519 leaves.
    public func verify(leaf: String, root: String, intermediates: [String] = [], sm2: Bool = true) throws
        -> ProcessResult
    {
        var arguments = ["verify", "-CAfile", root]
        for intermediate in intermediates { arguments += ["-untrusted", intermediate] }
        arguments += (sm2 ? ["-vfyopt", Self.distinguishingID] : []) + [leaf]
        return try Processes.run("openssl", arguments, currentDirectory: directory, timeout: 120)
    }
}
