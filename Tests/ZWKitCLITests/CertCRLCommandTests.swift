import Foundation
import Testing
import ZWKitTestSupport

/// `zwkit cert crl show|issue`, and `--crl` on `cert verify` and `seal verify`, run as the
/// built binary against an SM2 CA made by OpenSSL.
@Suite("zwkit cert crl")
struct CertCRLCommandTests {
    private struct Workspace {
        let pki: OpenSSLPKI
        func path(_ name: String) -> String { pki.path(name) }

        init() throws {
            pki = try OpenSSLPKI(sm2Leaves: ["maker", "signer"])
        }

        func zwkit(_ arguments: [String]) throws -> ProcessResult {
            try Processes.zwkit(arguments, currentDirectory: pki.directory)
        }

        /// A list of the test CA issued by zwkit, revoking `revoke` (SERIAL[,REASON[,DATE]] specs).
        func issue(_ name: String, revokeCerts: [String] = [], extra: [String] = []) throws -> ProcessResult {
            try zwkit(
                ["cert", "crl", "issue", "--ca-cert", "ca.pem", "--ca-key", "ca.key", "--out", name]
                    + revokeCerts.flatMap { ["--revoke-cert", $0] } + extra)
        }
    }

    private func json(_ result: ProcessResult) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any] ?? [:]
    }

    @Test func issuedListShowsInZwkitAndOpenSSL() throws {
        let work = try Workspace()
        defer { work.pki.cleanUp() }
        let issued = try work.issue(
            "ca.crl", revokeCerts: ["signer.pem,keyCompromise,2026-01-02"],
            extra: ["--revoke", "abc", "--crl-number", "12"])
        #expect(issued.status == 0, "\(issued.stderrText)")

        let shown = try work.zwkit(["cert", "crl", "show", "ca.crl", "--ca", "ca.pem", "--json"])
        #expect(shown.status == 0, "\(shown.stderrText)")
        let object = try json(shown)
        #expect(object["signatureValid"] as? Bool == true)
        let list = try #require(object["list"] as? [String: Any])
        #expect(list["crlNumber"] as? String == "12")
        #expect(list["issuer"] as? String == "CN=ZhengwuKit Test CA")
        let entries = try #require(list["entries"] as? [[String: Any]])
        #expect(Set(entries.compactMap { $0["serialNumber"] as? String }).contains("0abc"))
        #expect(
            entries.contains {
                $0["reason"] as? String == "keyCompromise" && $0["revocationDate"] as? String == "2026-01-02T00:00:00Z"
            })

        let text = try work.pki.openssl(["crl", "-in", "ca.crl", "-text", "-noout"]).stdoutText
        #expect(text.contains("Serial Number: 0ABC"))
        #expect(text.contains("Key Compromise"))

        // DER output reads the same.
        #expect(try work.issue("ca.der", extra: ["--der"]).status == 0)
        #expect(
            try work.zwkit(["cert", "crl", "show", "ca.der"]).stdoutText.contains(
                "Issuer:              CN=ZhengwuKit Test CA"))
    }

    @Test func showWithTheWrongIssuerExitsOne() throws {
        let work = try Workspace()
        defer { work.pki.cleanUp() }
        #expect(try work.issue("ca.crl").status == 0)
        let shown = try work.zwkit(["cert", "crl", "show", "ca.crl", "--ca", "signer.pem"])
        #expect(shown.status == 1)
        #expect(shown.stderrText.contains("x509.crl.wrong_issuer"))
    }

    @Test func verifyWithACRLExitsOneForARevokedCertificate() throws {
        let work = try Workspace()
        defer { work.pki.cleanUp() }
        #expect(try work.issue("good.crl").status == 0)
        #expect(try work.issue("revoked.crl", revokeCerts: ["signer.pem,superseded,2026-01-02"]).status == 0)

        let good = try work.zwkit(["cert", "verify", "signer.pem", "--ca", "ca.pem", "--crl", "good.crl"])
        #expect(good.status == 0, "\(good.stderrText)")

        let revoked = try work.zwkit([
            "cert", "verify", "signer.pem", "--ca", "ca.pem", "--crl", "revoked.crl", "--json",
        ])
        #expect(revoked.status == 1)
        let object = try json(revoked)
        #expect(object["code"] as? String == "x509.revocation.revoked")
        #expect((object["reason"] as? String)?.contains("superseded") == true)
        #expect(object["chineseTerm"] as? String == "证书已撤销")
        // The maker's certificate is not on the list.
        #expect(try work.zwkit(["cert", "verify", "maker.pem", "--ca", "ca.pem", "--crl", "revoked.crl"]).status == 0)

        // A list two days old is too old for a one-day maximum age, though within its nextUpdate.
        let inTwoDays = ISO8601DateFormatter().string(from: Date().addingTimeInterval(2 * 86_400))
        let aged = try work.zwkit([
            "cert", "verify", "signer.pem", "--ca", "ca.pem", "--crl", "good.crl", "--at", inTwoDays, "--json",
        ])
        #expect(aged.status == 0, "\(aged.stderrText)")
        let tooOld = try work.zwkit([
            "cert", "verify", "signer.pem", "--ca", "ca.pem", "--crl", "good.crl", "--at", inTwoDays,
            "--crl-max-age", "1", "--json",
        ])
        #expect(tooOld.status == 1)
        #expect(try json(tooOld)["code"] as? String == "x509.revocation.list_too_old")
        let badAge = try work.zwkit([
            "cert", "verify", "signer.pem", "--ca", "ca.pem", "--crl", "good.crl", "--crl-max-age", "-1",
        ])
        #expect(badAge.status == 2)
    }

    @Test func staleListFailsOrWarns() throws {
        let work = try Workspace()
        defer { work.pki.cleanUp() }
        let yesterday = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-2 * 86_400))
        #expect(try work.issue("old.crl", extra: ["--this-update", yesterday, "--days", "1"]).status == 0)
        let hard = try work.zwkit(["cert", "verify", "signer.pem", "--ca", "ca.pem", "--crl", "old.crl"])
        #expect(hard.status == 1)
        #expect(hard.stderrText.contains("x509.revocation.list_expired"))
        let soft = try work.zwkit([
            "cert", "verify", "signer.pem", "--ca", "ca.pem", "--crl", "old.crl", "--crl-stale", "warn", "--json",
        ])
        #expect(soft.status == 0, "\(soft.stderrText)")
        #expect((try json(soft)["warnings"] as? [String])?.first?.contains("list_expired") == true)
    }

    @Test func unreadableOrForeignListsExitTwo() throws {
        let work = try Workspace()
        defer { work.pki.cleanUp() }
        #expect(try work.zwkit(["cert", "crl", "show", "ca.pem"]).status == 2)
        #expect(try work.zwkit(["cert", "crl", "show", "missing.crl"]).status == 2)
        #expect(try work.zwkit(["cert", "verify", "signer.pem", "--ca", "ca.pem", "--crl", "ca.pem"]).status == 2)
        let badReason = try work.issue("x.crl", extra: ["--revoke", "01,stolen"])
        #expect(badReason.status == 2)
        #expect(badReason.stderrText.contains("unknown reason"))
    }

    @Test func sealVerifyReportsTheSignersRevocation() throws {
        let work = try Workspace()
        defer { work.pki.cleanUp() }
        try Data(Fixtures.tinyPNG).write(to: work.pki.directory.appendingPathComponent("seal.png"))
        try Data("请于三日内办结。".utf8).write(to: work.pki.directory.appendingPathComponent("doc.txt"))
        let made = try work.zwkit([
            "seal", "make", "--name", "测试局", "--type", "1", "--maker-key", "maker.key", "--maker-cert", "maker.pem",
            "--signer-cert", "signer.pem", "--picture", "seal.png", "--width", "40", "--height", "40", "--valid-days",
            "30", "-o", "seal.esl",
        ])
        #expect(made.status == 0, "\(made.stderrText)")
        let signed = try work.zwkit([
            "seal", "sign", "--seal", "seal.esl", "--key", "signer.key", "--cert", "signer.pem", "--data", "doc.txt",
            "--property", "doc.txt", "-o", "sig.dat",
        ])
        #expect(signed.status == 0, "\(signed.stderrText)")
        let hourAgo = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3_600))
        #expect(try work.issue("good.crl").status == 0)
        #expect(try work.issue("revoked.crl", revokeCerts: ["signer.pem,keyCompromise,\(hourAgo)"]).status == 0)

        let good = try work.zwkit([
            "seal", "verify", "sig.dat", "--data", "doc.txt", "--trust", "ca.pem", "--crl", "good.crl",
        ])
        #expect(good.status == 0, "\(good.stdoutText)")
        #expect(good.stdoutText.contains("signerCertificateRevocation"))

        let revoked = try work.zwkit([
            "seal", "verify", "sig.dat", "--data", "doc.txt", "--trust", "ca.pem", "--crl", "revoked.crl", "--json",
        ])
        #expect(revoked.status == 1)
        let checks = try #require(try json(revoked)["checks"] as? [[String: Any]])
        let failed = checks.filter { $0["outcome"] as? String == "failed" }.compactMap { $0["check"] as? String }
        #expect(failed == ["signerCertificateRevocation"])

        #expect(try work.zwkit(["seal", "verify", "sig.dat", "--crl", "good.crl"]).status == 2)

        // Revoked an hour after it signed, verified two hours after: the signing time is the
        // signer's own claim, so only --revocation-at asserted lets it pass.
        let format = ISO8601DateFormatter()
        let inAnHour = format.string(from: Date().addingTimeInterval(3_600))
        let inTwoHours = format.string(from: Date().addingTimeInterval(7_200))
        #expect(try work.issue("later.crl", revokeCerts: ["signer.pem,keyCompromise,\(inAnHour)"]).status == 0)
        let judgedNow = try work.zwkit([
            "seal", "verify", "sig.dat", "--data", "doc.txt", "--trust", "ca.pem", "--crl", "later.crl", "--at",
            inTwoHours,
        ])
        #expect(judgedNow.status == 1, "\(judgedNow.stdoutText)")
        #expect(judgedNow.stdoutText.contains("failed      signerCertificateRevocation"))
        let judgedAsClaimed = try work.zwkit([
            "seal", "verify", "sig.dat", "--data", "doc.txt", "--trust", "ca.pem", "--crl", "later.crl", "--at",
            inTwoHours, "--revocation-at", "asserted",
        ])
        #expect(judgedAsClaimed.status == 0, "\(judgedAsClaimed.stdoutText)")
    }
}

/// `zwkit cert ocsp`: saved responses by `openssl ocsp` for the test CA.
@Suite("zwkit cert ocsp")
struct CertOCSPCommandTests {
    @Test func goodRevokedAndForgedResponses() throws {
        let pki = try OpenSSLPKI(sm2Leaves: ["maker", "signer"])
        defer { pki.cleanUp() }
        func serial(_ name: String) throws -> String {
            try pki.openssl(["x509", "-in", "\(name).pem", "-noout", "-serial"]).stdoutText
                .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "serial=", with: "")
        }
        // An `openssl ca` database by hand: the maker valid, the signer revoked for key compromise.
        try """
        V\t301231000000Z\t\t\(serial("maker"))\tunknown\t/CN=Test maker
        R\t301231000000Z\t260102030405Z,keyCompromise\t\(serial("signer"))\tunknown\t/CN=Test signer

        """.write(to: pki.directory.appendingPathComponent("index.txt"), atomically: true, encoding: .utf8)
        for (name, sm2ID) in [("resp", true), ("empty-id", false)] {
            try pki.makeOCSPResponse(
                about: ["maker.pem", "signer.pem"], database: "index.txt", out: "\(name).der", sm2ID: sm2ID)
        }
        let good = try Processes.zwkit(
            ["cert", "ocsp", "resp.der", "--cert", "maker.pem", "--issuer", "ca.pem"], currentDirectory: pki.directory)
        #expect(good.status == 0, "\(good.stderrText)")
        #expect(good.stdoutText == "good\n")

        let revoked = try Processes.zwkit(
            ["cert", "ocsp", "resp.der", "--cert", "signer.pem", "--issuer", "ca.pem", "--json"],
            currentDirectory: pki.directory)
        #expect(revoked.status == 1)
        let object = try JSONSerialization.jsonObject(with: revoked.stdout) as? [String: Any] ?? [:]
        #expect(object["status"] as? String == "revoked")
        #expect(object["reason"] as? String == "keyCompromise")
        #expect(object["revocationDate"] as? String == "2026-01-02T03:04:05Z")

        let forged = try Processes.zwkit(
            ["cert", "ocsp", "empty-id.der", "--cert", "maker.pem", "--issuer", "ca.pem"],
            currentDirectory: pki.directory)
        #expect(forged.status == 1)
        #expect(forged.stderrText.contains("x509.ocsp.bad_signature"))

        let unreadable = try Processes.zwkit(
            ["cert", "ocsp", "ca.pem", "--cert", "maker.pem", "--issuer", "ca.pem"], currentDirectory: pki.directory)
        #expect(unreadable.status == 2)

        // The same response in chain verification: good for the maker, revoked for the signer.
        let chainGood = try Processes.zwkit(
            ["cert", "verify", "maker.pem", "--ca", "ca.pem", "--ocsp", "resp.der"], currentDirectory: pki.directory)
        #expect(chainGood.status == 0, "\(chainGood.stderrText)")
        let chainRevoked = try Processes.zwkit(
            ["cert", "verify", "signer.pem", "--ca", "ca.pem", "--ocsp", "resp.der"], currentDirectory: pki.directory)
        #expect(chainRevoked.status == 1)
        #expect(chainRevoked.stderrText.contains("x509.revocation.revoked"))
    }
}

extension CertCRLCommandTests {
    /// A validity no X.509 time can hold is bad usage (exit 2), not a crash.
    @Test func daysBeyondAnyX509TimeAreRefused() throws {
        let work = try Workspace()
        defer { work.pki.cleanUp() }
        for days in ["9223372036854775807", "100000000"] {
            let issued = try work.issue("far.crl", extra: ["--days", days])
            #expect(issued.status == 2, "--days \(days): \(issued.stderrText)")
            #expect(issued.stderrText.contains("9999"), "\(issued.stderrText)")
        }
    }
}
