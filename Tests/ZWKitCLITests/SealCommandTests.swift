import Foundation
import Testing
import ZWKitTestSupport

/// `zwkit seal make|show|sign|verify`, run as the built binary.
@Suite("zwkit seal")
struct SealCommandTests {
    private struct Workspace {
        let pki: OpenSSLPKI
        var directory: URL { pki.directory }
        func path(_ name: String) -> String { pki.path(name) }

        init() throws {
            pki = try OpenSSLPKI(sm2Leaves: ["maker", "signer"])
            try Data(Fixtures.tinyPNG).write(to: directory.appendingPathComponent("seal.png"))
            try Data("请于三日内办结。".utf8).write(to: directory.appendingPathComponent("doc.txt"))
        }

        func make(_ extra: [String] = []) throws -> ProcessResult {
            try Processes.zwkit(
                [
                    "seal", "make", "--name", "测试局", "--type", "1", "--maker-key", path("maker.key"),
                    "--maker-cert", path("maker.pem"), "--signer-cert", path("signer.pem"), "--picture",
                    path("seal.png"), "--width", "40", "--height", "40", "--valid-days", "30", "-o",
                    path("seal.esl"),
                ] + extra)
        }

        func sign() throws -> ProcessResult {
            try Processes.zwkit([
                "seal", "sign", "--seal", path("seal.esl"), "--key", path("signer.key"), "--cert",
                path("signer.pem"), "--data", path("doc.txt"), "--property", "doc.txt", "-o", path("sig.dat"),
            ])
        }
    }

    private func json(_ result: ProcessResult) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: result.stdout)
        return object as? [String: Any] ?? [:]
    }

    @Test("make, show, sign and verify end to end; the JSON report lists every check")
    func endToEnd() throws {
        let work = try Workspace()
        defer { Fixtures.cleanUp(work.directory) }
        let made = try work.make()
        #expect(made.status == 0, "\(made.stderrText)")
        let shown = try Processes.zwkit([
            "seal", "show", work.path("seal.esl"), "--json", "--picture", work.path("out.png"),
        ])
        #expect(shown.status == 0, "\(shown.stderrText)")
        let seal = try json(shown)["seal"] as? [String: Any]
        #expect(seal?["name"] as? String == "测试局")
        #expect(seal?["version"] as? Int == 4)
        #expect(try Data(contentsOf: work.directory.appendingPathComponent("out.png")) == Data(Fixtures.tinyPNG))

        let sealCheck = try Processes.zwkit(["seal", "verify", work.path("seal.esl"), "--trust", work.path("ca.pem")])
        #expect(sealCheck.status == 0, "\(sealCheck.stdoutText)")
        #expect(sealCheck.stdoutText.contains("makerSignature"))

        let signed = try work.sign()
        #expect(signed.status == 0, "\(signed.stderrText)")
        let verified = try Processes.zwkit([
            "seal", "verify", work.path("sig.dat"), "--data", work.path("doc.txt"), "--trust", work.path("ca.pem"),
            "--json",
        ])
        #expect(verified.status == 0, "\(verified.stdoutText)")
        let report = try json(verified)
        #expect(report["valid"] as? Bool == true)
        #expect(report["verdict"] as? String == "trusted" && report["trust"] as? String == "trusted")
        let checks = (report["checks"] as? [[String: Any]] ?? []).compactMap { $0["check"] as? String }
        #expect(
            checks.starts(with: [
                "structure", "makerSignature", "makerCertificateValidity", "sealValidity", "signerCertificateValidity",
                "signerCertificateInSeal", "dataHash", "signature", "makerCertificateChain", "signerCertificateChain",
            ]))

        // Without the data the signature is incomplete, however trusted its signer.
        let withoutData = try Processes.zwkit([
            "seal", "verify", work.path("sig.dat"), "--trust", work.path("ca.pem"), "--json",
        ])
        #expect(withoutData.status == 1)
        let incomplete = try json(withoutData)
        #expect(incomplete["verdict"] as? String == "incomplete" && incomplete["trust"] as? String == "trusted")
        let outcomes = (incomplete["checks"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) {
            $0[$1["check"] as? String ?? ""] = $1["outcome"] as? String
        }
        #expect(outcomes["dataHash"] == "not-checked")
        #expect(outcomes["makerCertificateChain"] == "passed")

        let shownSignature = try Processes.zwkit(["seal", "show", work.path("sig.dat")])
        #expect(shownSignature.status == 0)
        #expect(shownSignature.stdoutText.contains("propertyInfo       doc.txt"))
    }

    @Test("changed data, a changed signature, or a foreign anchor exit with 1 and name the failed check")
    func refusals() throws {
        let work = try Workspace()
        defer { Fixtures.cleanUp(work.directory) }
        #expect(try work.make().status == 0)
        #expect(try work.sign().status == 0)
        try Data("请于五日内办结。".utf8).write(to: work.directory.appendingPathComponent("changed.txt"))
        let changed = try Processes.zwkit(["seal", "verify", work.path("sig.dat"), "--data", work.path("changed.txt")])
        #expect(changed.status == 1)
        #expect(changed.stdoutText.contains("failed      dataHash"))

        var bytes = try Data(contentsOf: work.directory.appendingPathComponent("sig.dat"))
        bytes[bytes.count - 5] ^= 0x01
        try bytes.write(to: work.directory.appendingPathComponent("bad.dat"))
        let tampered = try Processes.zwkit(["seal", "verify", work.path("bad.dat"), "--integrity-only", "--json"])
        #expect(tampered.status == 1)
        let failed = (try json(tampered)["checks"] as? [[String: Any]] ?? []).filter {
            $0["outcome"] as? String == "failed"
        }
        #expect(failed.compactMap { $0["check"] as? String } == ["signature"])

        let foreign = try Processes.zwkit([
            "seal", "verify", work.path("sig.dat"), "--data", work.path("doc.txt"), "--trust", work.path("signer.pem"),
        ])
        #expect(foreign.status == 1)
        #expect(foreign.stdoutText.contains("NOT VALID: untrusted"))
    }

    @Test(
        "fail-closed: a correctly signed seal exits 1 without --trust and says why, 0 with --trust or --integrity-only")
    func failClosed() throws {
        let work = try Workspace()
        defer { Fixtures.cleanUp(work.directory) }
        #expect(try work.make().status == 0)
        #expect(try work.sign().status == 0)
        for file in ["seal.esl", "sig.dat"] {
            let data = file == "sig.dat" ? ["--data", work.path("doc.txt")] : []
            let bare = try Processes.zwkit(["seal", "verify", work.path(file)] + data)
            #expect(bare.status == 1, "\(file): \(bare.stdoutText)")
            #expect(bare.stdoutText.contains("no trust anchors were given"))
            #expect(bare.stdoutText.contains("未验证信任链"))
            #expect(bare.stdoutText.contains("--trust ROOTS.pem") && bare.stdoutText.contains("--integrity-only"))
            #expect(!bare.stdoutText.contains("VALID: trusted"))

            let bareJSON = try Processes.zwkit(["seal", "verify", work.path(file), "--json"] + data)
            #expect(bareJSON.status == 1)
            let untrusted = try json(bareJSON)
            #expect(untrusted["verdict"] as? String == "untrusted" && untrusted["trust"] as? String == "not-checked")
            #expect(untrusted["valid"] as? Bool == false)
            #expect(bareJSON.stderrText.contains("未验证信任链"))

            let trusted = try Processes.zwkit(
                ["seal", "verify", work.path(file), "--trust", work.path("ca.pem")] + data)
            #expect(trusted.status == 0, "\(file): \(trusted.stdoutText)")
            #expect(trusted.stdoutText.contains("VALID: trusted"))

            let intact = try Processes.zwkit(["seal", "verify", work.path(file), "--integrity-only", "--json"] + data)
            #expect(intact.status == 0, "\(file): \(intact.stdoutText)")
            let report = try json(intact)
            #expect(report["verdict"] as? String == "intact" && report["trust"] as? String == "not-checked")
            #expect(report["mode"] as? String == "integrity-only")
        }
        let both = try Processes.zwkit([
            "seal", "verify", work.path("seal.esl"), "--integrity-only", "--trust", work.path("ca.pem"),
        ])
        #expect(both.status == 2)
    }

    @Test("a seal stated as made before its maker certificate: exit 0 with the named warning, 1 with --strict")
    func selfAssertedTimes() throws {
        let work = try Workspace()
        defer { Fixtures.cleanUp(work.directory) }
        let threeDaysAgo = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3 * 86_400))
        let made = try work.make(["--created", threeDaysAgo])
        #expect(made.status == 0, "\(made.stderrText)")
        let lenient = try Processes.zwkit(["seal", "verify", work.path("seal.esl"), "--trust", work.path("ca.pem")])
        #expect(lenient.status == 0, "\(lenient.stdoutText)")
        #expect(lenient.stdoutText.contains("warning     eseal.seal_made_before_maker_certificate"))
        let json = try json(
            Processes.zwkit(["seal", "verify", work.path("seal.esl"), "--trust", work.path("ca.pem"), "--json"]))
        let codes = (json["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes == ["eseal.seal_made_before_maker_certificate"])
        let strict = try Processes.zwkit([
            "seal", "verify", work.path("seal.esl"), "--trust", work.path("ca.pem"), "--strict",
        ])
        #expect(strict.status == 1)
        #expect(strict.stdoutText.contains("failed      strictSealTimes"))
        #expect(strict.stdoutText.contains("INVALID"))
        // A seal made now meets --strict.
        #expect(try work.make().status == 0)
        let fresh = try Processes.zwkit([
            "seal", "verify", work.path("seal.esl"), "--trust", work.path("ca.pem"), "--strict",
        ])
        #expect(fresh.status == 0, "\(fresh.stdoutText)")
    }

    @Test("a seal made with a self-signed certificate not among the anchors is untrusted, never valid")
    func selfSignedMaker() throws {
        let work = try Workspace()
        defer { Fixtures.cleanUp(work.directory) }
        try work.pki.makeRoot("rogue", subject: "/CN=Rogue seal maker")
        let made = try Processes.zwkit([
            "seal", "make", "--name", "冒名局", "--type", "1", "--maker-key", work.path("rogue.key"), "--maker-cert",
            work.path("rogue.pem"), "--signer-cert", work.path("signer.pem"), "--picture", work.path("seal.png"),
            "--width", "40", "--height", "40", "--valid-days", "30", "-o", work.path("rogue.esl"),
        ])
        #expect(made.status == 0, "\(made.stderrText)")
        let verified = try Processes.zwkit([
            "seal", "verify", work.path("rogue.esl"), "--trust", work.path("ca.pem"), "--json",
        ])
        #expect(verified.status == 1)
        let report = try json(verified)
        #expect(report["verdict"] as? String == "untrusted" && report["trust"] as? String == "untrusted")
        let failed = (report["checks"] as? [[String: Any]] ?? []).filter { $0["outcome"] as? String == "failed" }
        #expect(failed.compactMap { $0["check"] as? String } == ["makerCertificateChain"])
        // Its signatures hold: integrity alone says intact, and says so.
        let intact = try Processes.zwkit(["seal", "verify", work.path("rogue.esl"), "--integrity-only"])
        #expect(intact.status == 0 && intact.stdoutText.contains("INTACT"))
    }

    @Test("bad usage and unreadable input exit with 2")
    func usage() throws {
        let work = try Workspace()
        defer { Fixtures.cleanUp(work.directory) }
        #expect(try work.make(["--valid-from", "2026-01-01"]).status == 2)
        #expect(try Processes.zwkit(["seal", "verify", work.path("absent.esl")]).status == 2)
        #expect(try Processes.zwkit(["seal", "show", work.path("doc.txt")]).status == 2)
        let wrongKey = try Processes.zwkit([
            "seal", "make", "--name", "x", "--type", "1", "--maker-key", work.path("signer.key"), "--maker-cert",
            work.path("maker.pem"), "--signer-cert", work.path("signer.pem"), "--picture", work.path("seal.png"),
            "--width", "40", "--height", "40", "--valid-days", "1", "-o", work.path("x.esl"),
        ])
        #expect(wrongKey.status == 2)
        #expect(wrongKey.stderrText.contains("密钥与证书不匹配"))
        // Not a seal at all is unreadable input, in verify as in show.
        let notASeal = try Processes.zwkit(["seal", "verify", work.path("doc.txt")])
        #expect(notASeal.status == 2)
        #expect(notASeal.stderrText.contains("数据格式错误"))
        #expect(!notASeal.stderrText.contains("ASN1Error"))
    }

    @Test("the shared samples: show reads every field, verify passes the 2020 signature")
    func samples() throws {
        guard let root = try Fixtures.shared("samples/eseal") else { return }
        for file in [
            "UserV1.esl", "UserV4.esl", "UserV5.esl", "UserV5_ts.esl", "SignedValueV4.dat", "SignedValueV5.dat",
        ] {
            let shown = try Processes.zwkit(["seal", "show", root.appendingPathComponent(file).path, "--json"])
            #expect(shown.status == 0, "\(file): \(shown.stderrText)")
        }
        // No root of the samples' makers is at hand, so they are checked with --integrity-only:
        // without it they are untrusted, and the command says so.
        let v4Path = root.appendingPathComponent("SignedValueV4.dat").path
        let zero = String(repeating: "0", count: 64)  // their dataHash: SM3 of data nobody has
        let v4 = try Processes.zwkit(["seal", "verify", v4Path, "--data-sm3", zero, "--integrity-only"])
        #expect(v4.status == 0, "\(v4.stdoutText)")
        let withoutData = try Processes.zwkit(["seal", "verify", v4Path, "--integrity-only"])
        #expect(withoutData.status == 1, "\(withoutData.stdoutText)")
        #expect(withoutData.stdoutText.contains("incomplete") && withoutData.stdoutText.contains("dataHash"))
        let otherDigest = try Processes.zwkit([
            "seal", "verify", v4Path, "--data-sm3", "01" + zero.dropFirst(2), "--integrity-only",
        ])
        #expect(otherDigest.status == 1 && otherDigest.stdoutText.contains("failed      dataHash"))
        #expect(try Processes.zwkit(["seal", "verify", v4Path, "--data-sm3", "xyz"]).status == 2)
        let untrusted = try Processes.zwkit(["seal", "verify", v4Path])
        #expect(untrusted.status == 1 && untrusted.stdoutText.contains("未验证信任链"))
        let seal = try Processes.zwkit([
            "seal", "verify", root.appendingPathComponent("UserV1.esl").path, "--at", "2021-06-01", "--integrity-only",
        ])
        #expect(seal.status == 0, "\(seal.stdoutText)")
        let expired = try Processes.zwkit([
            "seal", "verify", root.appendingPathComponent("UserV4.esl").path, "--integrity-only",
        ])
        #expect(expired.status == 1)
        #expect(expired.stdoutText.contains("failed      sealValidity"))
    }
}
