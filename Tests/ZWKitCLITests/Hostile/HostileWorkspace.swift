import Foundation
import ZWKitTestSupport

/// The files every hostile invocation starts from, made once: a test PKI by the openssl CLI,
/// and a seal, a signature, keys, a token, a CRL and an OCSP answer made by zwkit itself.
struct HostileWorkspace: Sendable {
    let pki: OpenSSLPKI
    var directory: URL { pki.directory }

    static let shared: Result<HostileWorkspace, any Error> = Result { try HostileWorkspace() }

    private init() throws {
        pki = try OpenSSLPKI(sm2Leaves: ["maker", "signer"])
        let directory = pki.directory
        func write(_ text: String, _ name: String) throws {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        try Data(Fixtures.tinyPNG).write(to: directory.appendingPathComponent("seal.png"))
        try write("请于三日内办结。", "doc.txt")
        try write("11010519491231002X\n150102198807303035\n", "ids.txt")
        try write("150102880730303\n", "legacy.txt")
        try write("91110000600037341L\n", "uscc.txt")
        try write("D2143569X\n", "org.txt")
        try write("000101001000\n", "items.txt")
        try write(#"{"sub":"citizen-1","aud":"dept"}"#, "claims.json")
        let catalogue = Fixtures.specs.appendingPathComponent("service-item/examples/panyu-land-use-permit.json")
        try Data(contentsOf: catalogue).write(to: directory.appendingPathComponent("catalogue.json"))

        func zwkit(_ arguments: [String], into output: String? = nil) throws {
            let result = try Processes.zwkit(arguments, currentDirectory: directory, timeout: 120)
            guard result.status == 0 else {
                throw FixtureError.missing("zwkit \(arguments.joined(separator: " ")): \(result.stderrText)")
            }
            if let output { try result.stdout.write(to: directory.appendingPathComponent(output)) }
        }
        try zwkit([
            "seal", "make", "--name", "测试局", "--type", "1", "--maker-key", "maker.key", "--maker-cert", "maker.pem",
            "--signer-cert", "signer.pem", "--picture", "seal.png", "--width", "40", "--height", "40",
            "--valid-days", "30", "--output", "seal.esl",
        ])
        try zwkit([
            "seal", "sign", "--seal", "seal.esl", "--key", "signer.key", "--cert", "signer.pem", "--data", "doc.txt",
            "--property", "doc.txt", "--output", "sig.dat",
        ])
        try zwkit(["sm2", "keygen", "--out", "sm2.key", "--pub", "sm2.pub"])
        try zwkit(["sm2", "sign", "--key", "sm2.key", "--out", "doc.sig", "doc.txt"])
        try zwkit(["token", "keygen", "--alg", "ES256", "--out", "token.key"])
        try zwkit(["token", "jwks", "token.key"], into: "jwks.json")
        try zwkit(
            ["token", "issue", "--key", "token.key", "--claims", "@claims.json", "--iss", "https://idp"],
            into: "token.txt")
        try zwkit(["cert", "crl", "issue", "--ca-cert", "ca.pem", "--ca-key", "ca.key", "--out", "crl.pem"])
        let serial = try pki.openssl(["x509", "-in", "maker.pem", "-noout", "-serial"]).stdoutText
            .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "serial=", with: "")
        try write("V\t301231000000Z\t\t\(serial)\tunknown\t/CN=Test maker\n", "index.txt")
        try pki.makeOCSPResponse(about: ["maker.pem"], database: "index.txt", out: "ocsp.der")
        try write(HostileInvocations.licenceIdentifier + "\n", "licence-ids.txt")
        try zwkit(["license", "template", "--type", HostileInvocations.licenceType], into: "licence.json")
        let issuer = ["--seal", "seal.esl", "--key", "signer.key", "--cert", "signer.pem"]
        try zwkit(
            ["license", "issue", "--type", HostileInvocations.licenceType, "--data", "licence.json"] + issuer + [
                "--output", "licence.ofd",
            ])
        try zwkit([
            "license", "status", "issue", "--key", "signer.key", "--cert", "signer.pem", "--entry",
            HostileInvocations.licenceIdentifier + "=07", "--output", "status.der",
        ])
        try Self.writeOFDs(in: directory)
        try zwkit(
            ["ofd", "seal", "plain.ofd"] + issuer + ["--keyword", "测试局", "--output", "sealed.ofd"])
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("a-directory"), withIntermediateDirectories: true)
        try HostileLoginPlatform.start(profileInto: directory)
    }

    /// A one-page OFD document and an OFD e-invoice (its data in DocInfo's CustomDatas), zipped
    /// by Python's standard library rather than by ZhengwuKit.
    private static func writeOFDs(in directory: URL) throws {
        let script = """
            import sys, zipfile
            ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
            def write(path, custom):
                with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
                    z.writestr("OFD.xml", f'<ofd:OFD {ns} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>h</ofd:DocID><ofd:CustomDatas>{custom}</ofd:CustomDatas></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
                    z.writestr("Doc_0/Document.xml", f'<ofd:Document {ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>')
                    z.writestr("Doc_0/Pages/Page_0/Content.xml", f'<ofd:Page {ns}><ofd:Content><ofd:Layer><ofd:TextObject ID="5" Boundary="30 40 150 10" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 2 5">测试局</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>'.encode())
            write(sys.argv[1], '<ofd:CustomData Name="密级">公开</ofd:CustomData>')
            write(sys.argv[2], '<ofd:CustomData Name="发票代码">050001700111</ofd:CustomData><ofd:CustomData Name="发票号码">00000001</ofd:CustomData><ofd:CustomData Name="价税合计">106.00</ofd:CustomData>')
            """
        let result = try Processes.run(
            "python3",
            [
                "-c", script, directory.appendingPathComponent("plain.ofd").path,
                directory.appendingPathComponent("invoice.ofd").path,
            ], timeout: 60)
        guard result.status == 0 else { throw FixtureError.missing("writing the OFD files: \(result.stderrText)") }
    }
}
