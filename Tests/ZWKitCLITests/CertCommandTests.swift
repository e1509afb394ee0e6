import Foundation
import Testing
import ZWKitTestSupport

/// `zwkit cert show|verify|issue`, run as the built binary, checked against `openssl`.
@Suite struct CertCommandTests {
    static let distinguishingID = "distid:1234567812345678"
    let directory: URL

    init() throws {
        directory = try Fixtures.temporaryDirectory()
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func zwkit(_ arguments: [String]) throws -> ProcessResult {
        try Processes.zwkit(arguments, currentDirectory: directory)
    }

    func openssl(_ arguments: [String]) throws -> ProcessResult {
        try Processes.run("openssl", arguments, currentDirectory: directory)
    }

    /// A key made by OpenSSL, so the CLI's key reading is tested against another implementation.
    func makeKey(_ name: String) throws {
        let result = try openssl(["genpkey", "-algorithm", "SM2", "-out", name])
        #expect(result.status == 0, "\(result.stderrText)")
    }

    /// root.pem → inter.pem → leaf.pem issued with `zwkit cert issue`.
    func issueChain(leafDays: [String] = ["--days", "30"]) throws {
        for name in ["root.key", "inter.key", "leaf.key"] { try makeKey(name) }
        let steps: [[String]] = [
            ["--subject", "CN=某某省测试根 CA,O=某某省,C=CN", "--ca", "--key", "root.key", "--out", "root.pem"],
            [
                "--subject", "CN=某某市中级 CA,C=CN", "--ca", "--path-length", "0", "--key", "inter.key",
                "--ca-key", "root.key", "--ca-cert", "root.pem", "--out", "inter.pem",
            ],
            [
                "--subject", "CN=某某市人民政府,O=某某市人民政府,C=CN", "--key", "leaf.key", "--ca-key", "inter.key",
                "--ca-cert", "inter.pem", "--out", "leaf.pem",
            ] + leafDays,
        ]
        for step in steps {
            let result = try zwkit(["cert", "issue"] + step)
            #expect(result.status == 0, "\(step): \(result.stderrText)")
        }
    }

    @Test func issuedChainVerifiesInZwkitAndLinkByLinkInOpenSSL() throws {
        defer { Fixtures.cleanUp(directory) }
        try issueChain()
        let result = try zwkit(["cert", "verify", "leaf.pem", "--ca", "root.pem", "--intermediate", "inter.pem"])
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdoutText.contains("valid: CN=某某市人民政府,O=某某市人民政府,C=CN <- CN=某某市中级 CA,C=CN <- "))

        for (certificate, issuer) in [("leaf.pem", "inter.pem"), ("inter.pem", "root.pem")] {
            let check = try openssl([
                "verify", "-partial_chain", "-CAfile", issuer, "-vfyopt", Self.distinguishingID, certificate,
            ])
            #expect(check.status == 0, "\(check.stdoutText)\(check.stderrText)")
        }
    }

    @Test func caAndLeafPassOpenSSLVerify() throws {
        defer { Fixtures.cleanUp(directory) }
        try makeKey("ca.key")
        try makeKey("leaf.key")
        #expect(
            try zwkit(["cert", "issue", "--subject", "CN=测试 CA", "--ca", "--key", "ca.key", "--out", "ca.pem"]).status
                == 0)
        let leaf = try zwkit([
            "cert", "issue", "--subject", "CN=经办人", "--key", "leaf.key", "--ca-key", "ca.key", "--ca-cert", "ca.pem",
        ])
        #expect(leaf.status == 0, "\(leaf.stderrText)")
        try leaf.stdout.write(to: directory.appendingPathComponent("leaf.pem"))
        let check = try openssl(["verify", "-CAfile", "ca.pem", "-vfyopt", Self.distinguishingID, "leaf.pem"])
        #expect(check.status == 0, "\(check.stdoutText)\(check.stderrText)")
    }

    @Test func expiredLeafExitsOneWithTheReason() throws {
        defer { Fixtures.cleanUp(directory) }
        try issueChain()
        let late = try zwkit([
            "cert", "verify", "leaf.pem", "--ca", "root.pem", "--intermediate", "inter.pem", "--at", "2099-01-01",
            "--json",
        ])
        #expect(late.status == 1)
        #expect(late.stderrText.contains("证书已过期"))
        let report = try JSONSerialization.jsonObject(with: late.stdout) as? [String: Any]
        #expect(report?["valid"] as? Bool == false)
        #expect(report?["code"] as? String == "x509.chain.expired")
        #expect(report?["depth"] as? Int == 0)
    }

    @Test func missingIntermediateAndWrongRootExitOne() throws {
        defer { Fixtures.cleanUp(directory) }
        try issueChain()
        let noIntermediate = try zwkit(["cert", "verify", "leaf.pem", "--ca", "root.pem", "--json"])
        #expect(noIntermediate.status == 1)
        #expect(noIntermediate.stdoutText.contains("\"code\":\"x509.chain.untrusted-root\""))
        try makeKey("other.key")
        #expect(
            try zwkit(["cert", "issue", "--subject", "CN=别的根", "--ca", "--key", "other.key", "--out", "other.pem"])
                .status == 0)
        let wrongRoot = try zwkit(["cert", "verify", "leaf.pem", "--ca", "other.pem", "--intermediate", "inter.pem"])
        #expect(wrongRoot.status == 1)
        #expect(wrongRoot.stderrText.contains("x509.chain.untrusted-root"))
        // Trusting the intermediate itself as an anchor is the caller's choice, and valid.
        #expect(try zwkit(["cert", "verify", "leaf.pem", "--ca", "inter.pem"]).status == 0)
    }

    @Test func unreadableInputExitsTwo() throws {
        defer { Fixtures.cleanUp(directory) }
        try Data("not a certificate".utf8).write(to: directory.appendingPathComponent("junk.pem"))
        let junk = try zwkit(["cert", "show", "junk.pem"])
        #expect(junk.status == 2)
        #expect(junk.stderrText.contains("x509.der.malformed") || junk.stderrText.contains("x509.pem"))
        #expect(try zwkit(["cert", "show", "absent.pem"]).status == 2)
        #expect(try zwkit(["cert", "verify", "junk.pem"]).status == 2)
        #expect(try zwkit(["cert", "issue", "--subject", "NOPE=x", "--key", "absent.key"]).status == 2)
    }

    @Test func showPrintsWhatOpenSSLPrints() throws {
        defer { Fixtures.cleanUp(directory) }
        try issueChain()
        let shown = try zwkit(["cert", "show", "--json", "leaf.pem"])
        #expect(shown.status == 0, "\(shown.stderrText)")
        let report = try #require(try JSONSerialization.jsonObject(with: shown.stdout) as? [String: Any])
        #expect(report["subject"] as? String == "CN=某某市人民政府,O=某某市人民政府,C=CN")
        #expect(report["signatureAlgorithmOID"] as? String == "1.2.156.10197.1.501")
        #expect(report["keyUsage"] as? [String] == ["digitalSignature", "nonRepudiation"])

        let printed = try openssl(["x509", "-in", "leaf.pem", "-noout", "-serial", "-fingerprint", "-sha256"])
            .stdoutText
        let serial = try #require(report["serialNumber"] as? String).uppercased()
        #expect(printed.contains("serial=\(serial)"))
        let fingerprint = try #require(report["sha256Fingerprint"] as? String).uppercased()
        #expect(printed.replacingOccurrences(of: ":", with: "").contains(fingerprint))
    }

    @Test func showsTheSampleSealCertificate() throws {
        defer { Fixtures.cleanUp(directory) }
        guard let url = try Fixtures.shared("samples/eseal/sign_cert.pem") else { return }
        let shown = try zwkit(["cert", "show", url.path])
        #expect(shown.status == 0)
        #expect(shown.stdoutText.contains("Serial number:       017af20e3374"))
        #expect(shown.stdoutText.contains("Signature algorithm: SM3withSM2 (1.2.156.10197.1.501)"))
    }
}
