import Foundation
import Testing
import ZWKitTestSupport

/// The decisions of the hardening issue, one test each: the CLI refuses to make what its own
/// verifier would refuse unless forced by name, `--json` gives objects, usage mistakes exit 2,
/// and messages name the file without echoing what they read.
@Suite("zwkit hardening decisions", .serialized)
struct HardeningDecisionsTests {
    private func workspace() throws -> URL { try HostileWorkspace.shared.get().directory }

    private func zwkit(_ arguments: [String], stdin: Data? = nil) throws -> ProcessResult {
        try Processes.zwkit(arguments, stdin: stdin, currentDirectory: try workspace(), timeout: 120)
    }

    @Test func rootHelpStatesTheExitCodesAndTheDateFormat() throws {
        let help = try Processes.zwkit(["--help"])
        #expect(help.status == 0)
        for phrase in ["0 valid", "1 checked and found invalid", "2 unreadable", "2025-01-31T08:00:00Z"] {
            #expect(help.stdoutText.contains(phrase), "\(phrase) missing from: \(help.stdoutText)")
        }
    }

    @Test func sealSignRefusesAnExpiredSealUnlessAllowed() throws {
        let made = try zwkit([
            "seal", "make", "--name", "过期章", "--type", "1", "--maker-key", "maker.key", "--maker-cert", "maker.pem",
            "--signer-cert", "signer.pem", "--picture", "seal.png", "--width", "40", "--height", "40",
            "--valid-from", "2020-01-01", "--valid-to", "2021-01-01", "--output", "expired.esl",
        ])
        #expect(made.status == 0, "\(made.stderrText)")
        let signing = [
            "seal", "sign", "--seal", "expired.esl", "--key", "signer.key", "--cert", "signer.pem", "--data", "doc.txt",
        ]
        let refused = try zwkit(signing + ["--output", "expired-sig.dat"])
        #expect(refused.status == 1)
        #expect(refused.stderrText.contains("expired"))
        #expect(refused.stderrText.contains("--allow-expired"))
        #expect(refused.stderrText.contains("印章不在有效期内"))
        #expect(!FileManager.default.fileExists(atPath: try workspace().appendingPathComponent("expired-sig.dat").path))
        // Inside its validity the same seal signs, and so does the forced command now.
        let inside = try zwkit(signing + ["--at", "2020-06-01T00:00:00Z", "--output", "inside-sig.dat"])
        #expect(inside.status == 0, "\(inside.stderrText)")
        let forced = try zwkit(signing + ["--allow-expired", "--output", "forced-sig.dat"])
        #expect(forced.status == 0, "\(forced.stderrText)")
        // The verifier indeed refuses what was forced.
        let verified = try zwkit(["seal", "verify", "forced-sig.dat", "--data", "doc.txt", "--trust", "ca.pem"])
        #expect(verified.status == 1)
        #expect(try zwkit(["seal", "sign", "--help"]).stdoutText.contains("--allow-expired"))
    }

    @Test func certIssueRefusesANonCAIssuerUnlessAllowed() throws {
        let fromCA = try zwkit([
            "cert", "issue", "--subject", "CN=Under the CA", "--ca-cert", "ca.pem", "--ca-key", "ca.key",
            "--key-out", "under-ca.key", "--out", "under-ca.pem",
        ])
        #expect(fromCA.status == 0, "\(fromCA.stderrText)")
        let issuing = [
            "cert", "issue", "--subject", "CN=Under a leaf", "--ca-cert", "under-ca.pem", "--ca-key", "under-ca.key",
            "--key-out", "under-leaf.key",
        ]
        let refused = try zwkit(issuing + ["--out", "under-leaf.pem"])
        #expect(refused.status == 1)
        #expect(refused.stderrText.contains("is not a CA certificate"))
        #expect(refused.stderrText.contains("--allow-non-ca"))
        #expect(!FileManager.default.fileExists(atPath: try workspace().appendingPathComponent("under-leaf.pem").path))
        let forced = try zwkit(issuing + ["--allow-non-ca", "--out", "forced-leaf.pem"])
        #expect(forced.status == 0, "\(forced.stderrText)")
        // The verifier indeed refuses what was forced.
        let verified = try zwkit([
            "cert", "verify", "forced-leaf.pem", "--ca", "ca.pem", "--intermediate", "under-ca.pem",
        ])
        #expect(verified.status == 1, "\(verified.stderrText)")
        #expect(try zwkit(["cert", "issue", "--help"]).stdoutText.contains("--allow-non-ca"))
    }

    @Test func sealMakeRefusesAnEmptySealIdentifier() throws {
        for esid in ["", "  "] {
            let result = try zwkit([
                "seal", "make", "--name", "测试局", "--type", "1", "--maker-key", "maker.key", "--maker-cert",
                "maker.pem", "--signer-cert", "signer.pem", "--picture", "seal.png", "--width", "40", "--height",
                "40", "--valid-days", "30", "--esid", esid, "--output", "no-esid.esl",
            ])
            #expect(result.status == 2, "'\(esid)': \(result.stderrText)")
            #expect(result.stderrText.contains("电子印章标识"))
        }
    }

    @Test func tokenVerifyJSONCarriesTheClaimsAsAnObject() throws {
        let token = try String(contentsOf: try workspace().appendingPathComponent("token.txt"), encoding: .utf8)
        let result = try zwkit(
            ["token", "verify", "-", "--jwks", "jwks.json", "--aud", "dept", "--json"], stdin: Data(token.utf8))
        #expect(result.status == 0, "\(result.stderrText)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let claims = try #require(object["claims"] as? [String: Any], "claims: \(String(describing: object["claims"]))")
        #expect(claims["sub"] as? String == "citizen-1")
        #expect(claims["iss"] as? String == "https://idp")
        #expect(claims["exp"] is NSNumber)
    }

    @Test func tokenVerifyUsageAndUnreadableTokensExitTwo() throws {
        let token = try String(contentsOf: try workspace().appendingPathComponent("token.txt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let negative = try zwkit(["token", "verify", token, "--jwks", "jwks.json", "--skew", "-5"])
        #expect(negative.status == 2, "\(negative.stderrText)")
        #expect(
            negative.stderrText.contains("--skew -5: give a number of seconds, 0 or more"), "\(negative.stderrText)")
        #expect(try zwkit(["token", "verify", token, "--jwks", "jwks.json", "--skew", "0"]).status == 0)
        for garbage in ["garbage", "a.b", "e30=.e30.AA", "bm90IGpzb24.e30.AA"] {
            let result = try zwkit(["token", "verify", garbage, "--jwks", "jwks.json"])
            #expect(result.status == 2, "\(garbage): \(result.stderrText)")
            #expect(result.stderrText.contains("令牌格式错误"), "\(garbage): \(result.stderrText)")
        }
    }

    @Test func codesGivenAsArgumentsAndWithInputAreAUsageError() throws {
        for (command, code, file) in [
            (["id", "check"], "11010519491231002X", "ids.txt"), (["uscc", "check"], "91110000600037341L", "uscc.txt"),
            (["orgcode", "check"], "D2143569X", "org.txt"), (["item", "check"], "000101001000", "items.txt"),
        ] {
            let result = try zwkit(command + [code, "--input", file])
            #expect(result.status == 2, "\(command): \(result.stderrText)")
            #expect(result.stderrText.contains("not both"))
            #expect(try zwkit(command + [code]).status == 0)
            #expect(try zwkit(command + ["--input", file]).status == 0)
        }
    }

    @Test func messagesNameTheFileAndWhatItIsNot() throws {
        let directory = try workspace()
        try Data("not a key\n".utf8).write(to: directory.appendingPathComponent("junk.key"))
        let badKey = try zwkit(["cert", "issue", "--subject", "CN=x", "--key", "junk.key", "--out", "x.pem"])
        #expect(badKey.status == 2)
        #expect(badKey.stderrText.contains("junk.key"))
        #expect(badKey.stderrText.contains("private key"))
        #expect(!badKey.stderrText.contains("PEM certificate"), "\(badKey.stderrText)")

        // An EC key on a curve tokens do not use: the message names the file.
        let secp384 = directory.appendingPathComponent("p384.key").path
        guard Processes.which("openssl") != nil else { return }
        _ = try Processes.run(
            "openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", secp384],
            timeout: 60)
        for command in [["token", "jwks", "p384.key"], ["token", "issue", "--key", "p384.key", "--claims", "{}"]] {
            let result = try zwkit(command)
            #expect(result.status == 2, "\(command): \(result.stderrText)")
            #expect(result.stderrText.contains("p384.key"), "\(command): \(result.stderrText)")
            #expect(!result.stderrText.contains("Error:"), "\(command): \(result.stderrText)")
        }
        let jwk = #"{"keys":[{"kty":"OKP","crv":"X448","x":"AAAA"}]}"#
        try Data(jwk.utf8).write(to: directory.appendingPathComponent("x448.json"))
        let unsupported = try zwkit(["token", "verify", "a.b.c", "--jwks", "x448.json"])
        #expect(unsupported.status == 2)
        #expect(unsupported.stderrText.contains("x448.json"), "\(unsupported.stderrText)")
        #expect(unsupported.stderrText.contains("unsupported JWK"))
    }

    /// A PEM label of 5 MB is not echoed back: the message stays short and says how long it was.
    @Test func aHugePEMLabelIsNotEchoed() throws {
        let directory = try workspace()
        let label = String(repeating: "A", count: 5 << 20)
        let pem = "-----BEGIN \(label)-----\nAAAA\n-----END \(label)-----\n"
        try Data(pem.utf8).write(to: directory.appendingPathComponent("huge-label.pem"))
        for command in [
            ["cert", "show", "huge-label.pem"],
            ["sm2", "sign", "--key", "huge-label.pem", "--out", "x.sig", "doc.txt"],
            ["cert", "issue", "--subject", "CN=x", "--key", "huge-label.pem", "--out", "x.pem"],
        ] {
            let result = try zwkit(command)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderrText.count < 2_000, "\(command): \(result.stderrText.count) characters")
            #expect(result.stderrText.contains("huge-label.pem"))
        }
    }

    /// A negative number after a numeric option is that option's value, refused by name with
    /// the option's own rule, never "Missing value" as if it were another option.
    @Test func negativeNumbersAreValuesRefusedByTheirOptionsRule() throws {
        let cases: [([String], String)] = [
            (
                ["cert", "issue", "--subject", "CN=x", "--key", "ca.key", "--out", "n.pem", "--days", "-1"],
                "--days must be positive"
            ),
            (
                [
                    "cert", "crl", "issue", "--ca-cert", "ca.pem", "--ca-key", "ca.key", "--out", "n.crl", "--days",
                    "-1",
                ], "--days must be positive"
            ),
            (
                [
                    "cert", "issue", "--subject", "CN=x", "--ca", "--key", "ca.key", "--out", "n.pem", "--path-length",
                    "-1",
                ], "non-negative"
            ),
            (
                ["token", "issue", "--key", "token.key", "--claims", "{\"sub\":\"a\"}", "--ttl", "-1"],
                "--ttl must be positive"
            ),
            (["id", "check", "--input", "ids.txt", "--column", "-1"], "--column counts from 1"),
            (
                [
                    "seal", "make", "--name", "测试局", "--type", "1", "--maker-key", "maker.key", "--maker-cert",
                    "maker.pem", "--signer-cert", "signer.pem", "--picture", "seal.png", "--width", "-5", "--height",
                    "40", "--valid-days", "30", "--output", "n.esl",
                ], "picture size -5×40 mm"
            ),
        ]
        for (arguments, message) in cases {
            let result = try zwkit(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderrText)")
            #expect(result.stderrText.contains(message), "\(arguments): \(result.stderrText)")
            #expect(!result.stderrText.contains("Missing value"), "\(arguments): \(result.stderrText)")
        }
    }
}
