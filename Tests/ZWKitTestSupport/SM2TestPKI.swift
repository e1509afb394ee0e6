import Foundation

/// A small SM2 PKI made with the `openssl` CLI (an independent implementation): a CA and
/// leaf certificates signed by it with SM3withSM2 and the standard distinguishing ID.
/// Files are `ca.key`/`ca.pem` and `<name>.key`/`<name>.pem` in ``directory``.
public struct SM2TestPKI: Sendable {
    public let directory: URL

    /// Makes the CA and one leaf per name, valid from now for `days`.
    public init(leaves: [String], days: Int = 365) throws {
        directory = try Fixtures.temporaryDirectory()
        let id = ["-sigopt", "distid:1234567812345678"]
        try run(["genpkey", "-algorithm", "SM2", "-out", "ca.key"])
        try run(
            ["req", "-x509", "-new", "-key", "ca.key", "-sm3"] + id + [
                "-subj", "/CN=ZhengwuKit Test CA", "-days", "3650", "-out", "ca.pem",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ])
        for name in leaves {
            try run(["genpkey", "-algorithm", "SM2", "-out", "\(name).key"])
            try run(
                ["req", "-new", "-key", "\(name).key", "-sm3"] + id + [
                    "-subj", "/CN=Test \(name)", "-out", "\(name).csr",
                ])
            try run(
                ["x509", "-req", "-in", "\(name).csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-sm3"] + id + [
                    "-vfyopt", "distid:1234567812345678", "-days", "\(days)", "-out", "\(name).pem",
                ])
        }
    }

    /// A 1×1 PNG, the smallest picture a seal can carry.
    public static let tinyPNG: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
        0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
        0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    public func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    public func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    @discardableResult
    public func run(_ arguments: [String]) throws -> ProcessResult {
        let result = try Processes.run("openssl", arguments, currentDirectory: directory)
        guard result.status == 0 else {
            throw FixtureError.missing("openssl \(arguments.joined(separator: " ")): \(result.stderrText)")
        }
        return result
    }
}
