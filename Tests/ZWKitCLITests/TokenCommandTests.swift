import Foundation
import Testing
import ZWKitTestSupport

/// `zwkit token keygen|jwks|issue|verify`, run as an operator would.
@Suite struct TokenCommandTests {
    private func withDirectory(_ body: (URL) throws -> Void) throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        try body(directory)
    }

    private func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test(arguments: ["SM2", "ES256", "Ed25519"])
    func keygenJwksIssueVerifyRoundTrip(alg: String) throws {
        try withDirectory { directory in
            let keygen = try Processes.zwkit(
                ["token", "keygen", "--alg", alg, "--out", "key.pem"], currentDirectory: directory)
            #expect(keygen.status == 0, "\(keygen.stderrText)")
            let kid = keygen.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(kid.count == 43)
            let pem = try String(contentsOf: directory.appendingPathComponent("key.pem"), encoding: .utf8)
            #expect(pem.contains("-----BEGIN PRIVATE KEY-----"))

            let jwks = try Processes.zwkit(["token", "jwks", "key.pem"], currentDirectory: directory)
            #expect(jwks.status == 0, "\(jwks.stderrText)")
            let keys = try #require(try json(jwks.stdoutText)["keys"] as? [[String: Any]])
            #expect(keys.count == 1)
            #expect(keys.first?["kid"] as? String == kid)
            #expect(keys.first?["d"] == nil)
            try Data(jwks.stdout).write(to: directory.appendingPathComponent("jwks.json"))

            let issue = try Processes.zwkit(
                [
                    "token", "issue", "--key", "key.pem", "--iss", "https://sso.example.gov.cn", "--claims",
                    #"{"sub":"u1","aud":"dept-a","acr":"L3"}"#, "--ttl", "300",
                ],
                currentDirectory: directory)
            #expect(issue.status == 0, "\(issue.stderrText)")
            let token = issue.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(token.split(separator: ".").count == 3)

            let verify = try Processes.zwkit(
                [
                    "token", "verify", token, "--jwks", "jwks.json", "--iss", "https://sso.example.gov.cn", "--aud",
                    "dept-a", "--json",
                ],
                currentDirectory: directory)
            #expect(verify.status == 0, "\(verify.stderrText)")
            let verdict = try json(verify.stdoutText)
            #expect(verdict["valid"] as? Bool == true)
            #expect(verdict["kid"] as? String == kid)

            // The same from stdin, and with the key given directly.
            let fromStdin = try Processes.zwkit(
                ["token", "verify", "-", "--pub", "key.pem"], stdin: Data(token.utf8), currentDirectory: directory)
            #expect(fromStdin.status == 0, "\(fromStdin.stderrText)")
            #expect(fromStdin.stdoutText.contains("\"sub\":\"u1\""))
        }
    }

    @Test func refusedTokensExitOneWithTheRule() throws {
        try withDirectory { directory in
            _ = try Processes.zwkit(
                ["token", "keygen", "--alg", "SM2", "--out", "key.pem"], currentDirectory: directory)
            let jwks = try Processes.zwkit(["token", "jwks", "key.pem"], currentDirectory: directory)
            try Data(jwks.stdout).write(to: directory.appendingPathComponent("jwks.json"))
            let token = try Processes.zwkit(
                ["token", "issue", "--key", "key.pem", "--claims", #"{"aud":"dept-a"}"#], currentDirectory: directory
            ).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)

            let wrongAudience = try Processes.zwkit(
                ["token", "verify", token, "--jwks", "jwks.json", "--aud", "dept-b", "--json"],
                currentDirectory: directory)
            #expect(wrongAudience.status == 1)
            let verdict = try json(wrongAudience.stdoutText)
            #expect(verdict["valid"] as? Bool == false)
            #expect(verdict["code"] as? String == "token.audience_mismatch")
            #expect(verdict["claim"] as? String == "aud")
            #expect(verdict["chineseTerm"] as? String == "令牌受众不符")

            let wrongIssuer = try Processes.zwkit(
                ["token", "verify", token, "--jwks", "jwks.json", "--iss", "https://other"], currentDirectory: directory
            )
            #expect(wrongIssuer.status == 1)
            #expect(wrongIssuer.stderrText.contains("token.issuer_not_allowed"))
            #expect(wrongIssuer.stderrText.contains("签发方不受信任"))

            var parts = token.split(separator: ".").map(String.init)
            parts[1] = parts[1].hasPrefix("A") ? "B" + parts[1].dropFirst() : "A" + parts[1].dropFirst()
            let tampered = try Processes.zwkit(
                ["token", "verify", parts.joined(separator: "."), "--jwks", "jwks.json", "--json"],
                currentDirectory: directory)
            #expect(tampered.status == 1)

            let unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."
            let none = try Processes.zwkit(
                ["token", "verify", unsigned, "--jwks", "jwks.json", "--json"], currentDirectory: directory)
            #expect(none.status == 1)
            #expect(try json(none.stdoutText)["code"] as? String == "token.alg_none")

            // A key of another type cannot verify it.
            _ = try Processes.zwkit(
                ["token", "keygen", "--alg", "ES256", "--out", "p256.pem"], currentDirectory: directory)
            let mismatch = try Processes.zwkit(
                ["token", "verify", token, "--pub", "p256.pem", "--json"], currentDirectory: directory)
            #expect(mismatch.status == 1)
            #expect(try json(mismatch.stdoutText)["code"] as? String == "token.alg_key_mismatch")
        }
    }

    @Test func issueWritesTheRequestedAlgName() throws {
        try withDirectory { directory in
            _ = try Processes.zwkit(
                ["token", "keygen", "--alg", "SM2", "--out", "key.pem"], currentDirectory: directory)
            let issue = try Processes.zwkit(
                ["token", "issue", "--key", "key.pem", "--alg", "GmSM2", "--kid", "k-2026", "--claims", "{}"],
                currentDirectory: directory)
            #expect(issue.status == 0, "\(issue.stderrText)")
            let header = String(issue.stdoutText.split(separator: ".")[0])
            let decoded = try #require(
                Data(base64Encoded: header + String(repeating: "=", count: (4 - header.count % 4) % 4)))
            let fields = try json(String(decoding: decoded, as: UTF8.self))
            #expect(fields["alg"] as? String == "GmSM2")
            #expect(fields["kid"] as? String == "k-2026")
            let verify = try Processes.zwkit(
                [
                    "token", "verify", issue.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines), "--pub",
                    "key.pem",
                ],
                currentDirectory: directory)
            #expect(verify.status == 0, "\(verify.stderrText)")
            let wrong = try Processes.zwkit(
                ["token", "issue", "--key", "key.pem", "--alg", "ES256", "--claims", "{}"], currentDirectory: directory)
            #expect(wrong.status == 2)
        }
    }

    @Test func badUsageAndUnreadableInputExitTwo() throws {
        try withDirectory { directory in
            let noKey = try Processes.zwkit(["token", "verify", "a.b.c"], currentDirectory: directory)
            #expect(noKey.status == 2)
            let missing = try Processes.zwkit(
                ["token", "verify", "a.b.c", "--jwks", "absent.json"], currentDirectory: directory)
            #expect(missing.status == 2)
            let badAlg = try Processes.zwkit(
                ["token", "keygen", "--alg", "HS256", "--out", "k.pem"], currentDirectory: directory)
            #expect(badAlg.status == 2)
            try Data("not a key".utf8).write(to: directory.appendingPathComponent("junk.pem"))
            let junk = try Processes.zwkit(["token", "jwks", "junk.pem"], currentDirectory: directory)
            #expect(junk.status == 2)
            _ = try Processes.zwkit(
                ["token", "keygen", "--alg", "Ed25519", "--out", "k.pem"], currentDirectory: directory)
            let badClaims = try Processes.zwkit(
                ["token", "issue", "--key", "k.pem", "--claims", "[1"], currentDirectory: directory)
            #expect(badClaims.status == 2)
        }
    }

    /// A token whose signature the openssl CLI made as DER verifies only with --accept-der-signatures.
    @Test func derSignaturesOnlyWhenAsked() throws {
        guard Processes.which("openssl") != nil else { return }
        try withDirectory { directory in
            _ = try Processes.zwkit(
                ["token", "keygen", "--alg", "SM2", "--out", "key.pem"], currentDirectory: directory)
            let issued = try Processes.zwkit(
                ["token", "issue", "--key", "key.pem", "--claims", #"{"aud":"dept-a"}"#], currentDirectory: directory
            ).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
            let input = issued.split(separator: ".").prefix(2).joined(separator: ".")
            let der = Data(try OpenSSLSignature.der(of: input, keyFile: "key.pem", digest: .sm3, in: directory))
            func token(_ signature: Data) -> String {
                let text = signature.base64EncodedString().replacingOccurrences(of: "+", with: "-")
                    .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
                return input + "." + text
            }
            let refused = try Processes.zwkit(
                ["token", "verify", token(der), "--pub", "key.pem", "--json"], currentDirectory: directory)
            #expect(refused.status == 1)
            #expect(try json(refused.stdoutText)["code"] as? String == "token.signature_invalid")
            let accepted = try Processes.zwkit(
                ["token", "verify", token(der), "--pub", "key.pem", "--accept-der-signatures", "--json"],
                currentDirectory: directory)
            #expect(accepted.status == 0, "\(accepted.stdoutText) \(accepted.stderrText)")
            #expect(try json(accepted.stdoutText)["valid"] as? Bool == true)
            let trailing = try Processes.zwkit(
                ["token", "verify", token(der + [0]), "--pub", "key.pem", "--accept-der-signatures", "--json"],
                currentDirectory: directory)
            #expect(trailing.status == 1)
            let verdict = try json(trailing.stdoutText)
            #expect(verdict["code"] as? String == "token.signature_der_trailing_bytes")
            #expect(verdict["chineseTerm"] as? String == "签名编码错误")
        }
    }
}
