import Foundation
import Testing
import ZWKitTestSupport

/// `zwkit ofd verify|seal|info|invoice`, run as the built binary, and ZhengwuKit-sealed files
/// checked by Scripts/ofd-check (unzip + openssl CLI + Python's standard library only).
@Suite("zwkit ofd")
struct OFDCommandTests {
    private struct Workspace {
        let pki: OpenSSLPKI
        func path(_ name: String) -> String { pki.path(name) }

        init() throws {
            pki = try OpenSSLPKI(sm2Leaves: ["maker", "signer"])
            try Data(Fixtures.tinyPNG).write(to: pki.directory.appendingPathComponent("seal.png"))
            let made = try Processes.zwkit([
                "seal", "make", "--name", "测试市人民政府", "--type", "1", "--maker-key", path("maker.key"),
                "--maker-cert", path("maker.pem"), "--signer-cert", path("signer.pem"), "--picture",
                path("seal.png"), "--width", "40", "--height", "40", "--valid-days", "30", "-o", path("seal.esl"),
            ])
            guard made.status == 0 else { throw FixtureError.missing("seal make: \(made.stderrText)") }
            let script = """
                import sys, zipfile
                pages = ["第一页 测试市人民政府", "第二页", "第三页"]
                ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
                with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                    z.writestr("OFD.xml", f'<ofd:OFD {ns} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>t</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
                    listed = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
                    z.writestr("Doc_0/Document.xml", f'<ofd:Document {ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>{listed}</ofd:Pages></ofd:Document>')
                    for i, text in enumerate(pages):
                        z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", f'<ofd:Page {ns}><ofd:Content><ofd:Layer><ofd:TextObject ID="5" Boundary="30 40 150 10" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g {len(text) - 1} 5">{text}</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>'.encode())
                """
            let result = try Processes.run("python3", ["-c", script, path("in.ofd")])
            guard result.status == 0 else { throw FixtureError.missing(result.stderrText) }
        }

        func seal(_ input: String, _ output: String, _ placement: [String]) throws -> ProcessResult {
            try Processes.zwkit(
                [
                    "ofd", "seal", path(input), "--seal", path("seal.esl"), "--key", path("signer.key"), "--cert",
                    path("signer.pem"), "-o", path(output),
                ] + placement)
        }

        func check(_ name: String) throws -> ProcessResult {
            try Processes.run(
                "python3", [Fixtures.packageRoot.appendingPathComponent("Scripts/ofd-check").path, path(name)])
        }
    }

    @Test("sealed by position, keyword and cross-page, and twice: zwkit and the independent check agree")
    func sealAndVerify() throws {
        let work = try Workspace()
        defer { work.pki.cleanUp() }
        let cases: [(String, [String])] = [
            ("position.ofd", ["--page", "2", "--at", "120,200", "--size", "42,42"]),
            ("keyword.ofd", ["--keyword", "测试市人民政府"]),
            ("cross.ofd", ["--cross-page", "1-3"]),
        ]
        for (name, placement) in cases {
            let sealed = try work.seal("in.ofd", name, placement)
            #expect(sealed.status == 0, "\(name): \(sealed.stderrText)")
            let verified = try Processes.zwkit(["ofd", "verify", work.path(name), "--trust", work.path("ca.pem")])
            #expect(verified.status == 0, "\(name): \(verified.stdoutText)")
            let check = try work.check(name)
            #expect(check.status == 0, "\(name): \(check.stdoutText)")
            #expect(check.stdoutText.contains("ok Doc_0/Signs/Sign_0/Signature.xml signer signature over TBS_Sign"))
        }
        // A second seal on a sealed file: continue-sign; both verify, both pass the independent check.
        let twice = try work.seal("keyword.ofd", "twice.ofd", ["--cross-page", "1-2"])
        #expect(twice.status == 0, "\(twice.stderrText)")
        let json = try Processes.zwkit([
            "ofd", "verify", work.path("twice.ofd"), "--trust", work.path("ca.pem"), "--json",
        ])
        #expect(json.status == 0, "\(json.stdoutText)")
        let objects = try json.stdoutText.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
        #expect(
            objects.map { $0["signature"] as? String } == [
                "Doc_0/Signs/Sign_0/Signature.xml", "Doc_0/Signs/Sign_1/Signature.xml",
            ])
        #expect(objects.map { $0["verdict"] as? String } == ["signature-list-changed", "intact"])
        #expect(objects.allSatisfy { $0["trust"] as? String == "trusted" })
        #expect(objects.allSatisfy { $0["format"] as? String == "GB/T 38540 v4" })
        #expect(
            objects.allSatisfy { $0["modifiedFiles"] is [Any] && $0["warnings"] is [Any] && $0["failures"] is [Any] })
        let check = try work.check("twice.ofd")
        #expect(check.status == 0, "\(check.stdoutText)")
        #expect(check.stdoutText.contains("ok Doc_0/Signs/Sign_1/Signature.xml signer signature over TBS_Sign"))
    }

    @Test("ofd sign: a GB/T 35275 SignedData signature, trusted with --trust, untrusted without")
    func sign() throws {
        let work = try Workspace()
        defer { work.pki.cleanUp() }
        for form in ["signed-attributes", "digest-content"] {
            let signed = try Processes.zwkit([
                "ofd", "sign", work.path("in.ofd"), "--key", work.path("signer.key"), "--cert", work.path("signer.pem"),
                "--form", form, "-o", work.path("signed.ofd"),
            ])
            #expect(signed.status == 0, "\(signed.stderrText)")
            let json = try Processes.zwkit([
                "ofd", "verify", work.path("signed.ofd"), "--trust", work.path("ca.pem"), "--json",
            ])
            #expect(json.status == 0, "\(json.stdoutText)")
            let object = try JSONSerialization.jsonObject(with: Data(json.stdoutText.utf8)) as? [String: Any] ?? [:]
            #expect((object["format"] as? String)?.hasPrefix("GB/T 35275 SignedData") == true)
            #expect(object["verdict"] as? String == "intact")
            #expect(object["trust"] as? String == "trusted")
            #expect(try Processes.zwkit(["ofd", "verify", work.path("signed.ofd")]).status == 1)
        }
        // The maker's key with the signer's certificate: refused before anything is written.
        let mismatched = try Processes.zwkit([
            "ofd", "sign", work.path("in.ofd"), "--key", work.path("maker.key"), "--cert", work.path("signer.pem"),
            "-o", work.path("bad.ofd"),
        ])
        #expect(mismatched.status == 2)
        #expect(!FileManager.default.fileExists(atPath: work.path("bad.ofd")))
    }

    @Test("fail-closed exit codes: 1 without --trust, 0 with --integrity-only, 1 when modified, 2 unreadable")
    func exitCodes() throws {
        let work = try Workspace()
        defer { work.pki.cleanUp() }
        #expect(try work.seal("in.ofd", "sealed.ofd", ["--keyword", "测试市人民政府"]).status == 0)
        let anchorless = try Processes.zwkit(["ofd", "verify", work.path("sealed.ofd")])
        #expect(anchorless.status == 1)
        #expect(anchorless.stdoutText.contains("未验证信任链"))
        #expect(try Processes.zwkit(["ofd", "verify", work.path("sealed.ofd"), "--integrity-only"]).status == 0)
        let script = """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as zin, zipfile.ZipFile(sys.argv[2], "w") as zout:
                for info in zin.infolist():
                    data = zin.read(info.filename)
                    if info.filename == "Doc_0/Pages/Page_1/Content.xml":
                        data = data.replace("第二页".encode(), "第贰页".encode())
                    zout.writestr(info.filename, data)
            """
        _ = try Processes.run("python3", ["-c", script, work.path("sealed.ofd"), work.path("tampered.ofd")])
        let tampered = try Processes.zwkit(["ofd", "verify", work.path("tampered.ofd"), "--integrity-only", "--json"])
        #expect(tampered.status == 1)
        #expect(tampered.stdoutText.contains(#""verdict":"modified""#))
        #expect(
            tampered.stdoutText.contains("Doc_0\\/Pages\\/Page_1\\/Content.xml")
                || tampered.stdoutText.contains("Doc_0/Pages/Page_1/Content.xml"))
        #expect(try work.check("tampered.ofd").status == 1)
        #expect(try Processes.zwkit(["ofd", "verify", work.path("seal.png")]).status == 2)
        #expect(try Processes.zwkit(["ofd", "verify", work.path("absent.ofd")]).status == 2)
        #expect(try work.seal("in.ofd", "x.ofd", ["--keyword", "不存在"]).status == 2)
        #expect(try work.seal("in.ofd", "x.ofd", ["--page", "1"]).status == 2)
    }

    @Test("the shared samples: verify with --integrity-only, info and invoice")
    func sharedSamples() throws {
        guard let directory = try Fixtures.shared("samples/ofd") else { return }
        let invoice = directory.appendingPathComponent("v4signed.ofd").path
        #expect(try Processes.zwkit(["ofd", "verify", invoice, "--integrity-only"]).status == 0)
        #expect(try Processes.zwkit(["ofd", "verify", invoice]).status == 1)
        let expired = directory.appendingPathComponent("SESV4SignDoc.ofd").path
        #expect(try Processes.zwkit(["ofd", "verify", expired, "--integrity-only"]).status == 1)
        let unsigned = directory.appendingPathComponent("helloworld-unsigned.ofd").path
        #expect(try Processes.zwkit(["ofd", "verify", unsigned, "--integrity-only"]).status == 1)
        let read = try Processes.zwkit(["ofd", "invoice", invoice, "--json"])
        #expect(read.status == 0)
        let object = try JSONSerialization.jsonObject(with: read.stdout) as? [String: Any] ?? [:]
        #expect(object["number"] as? String == "99999951")
        #expect(object["total"] as? String == "318.00")
        let info = try Processes.zwkit(["ofd", "info", invoice])
        #expect(info.status == 0)
        #expect(info.stdoutText.contains("attachment original_invoice"))
    }

    @Test("a part that is not in the encoding it declares: one line on standard error, nothing from libxml2")
    func misencodedPart() throws {
        guard try Processes.pythonHas(["zipfile"]) else { return }
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let url = directory.appendingPathComponent("misencoded.ofd")
        // Bytes that are no GB2312: libxml2's input layer fails and, left alone, prints
        // "xmlParseChunk: encoder error" itself.
        let script = """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], "w") as z:
                z.writestr("OFD.xml", b'<?xml version="1.0" encoding="GB2312"?>' + b"\\xff\\xff\\xff<a/>")
            """
        let made = try Processes.python(script, [url.path])
        try #require(made.status == 0, "\(made.stderrText)")
        for command in [["ofd", "info"], ["ofd", "verify"]] {
            let result = try Processes.zwkit(command + [url.path])
            #expect(result.status == 2)
            let lines = result.stderrText.split(separator: "\n")
            #expect(lines.count == 1, "\(result.stderrText)")
            #expect(lines.first?.contains("OFD.xml: malformed XML: input conversion failed") == true, "\(lines)")
        }
    }
}
