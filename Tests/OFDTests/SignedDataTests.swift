import ESeal
import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

@testable import OFD

@Suite("GB/T 35275 SignedData signatures (Type=\"Sign\"): signing, verification, independent check")
struct SignedDataTests {
    private static let time = Date(timeIntervalSince1970: 1_780_000_000)

    private func unsigned() throws -> OFDFile {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let url = directory.appendingPathComponent("in.ofd")
        try TestPackages.zip(TestPackages.ofd(pages: ["第一页", "第二页"]), to: url)
        return try OFDFile(contentsOf: url)
    }

    private func signer(_ pki: OFDTestPKI, _ form: OFDDigitalSigner.Form = .signedAttributes) throws
        -> OFDDigitalSigner
    {
        try OFDDigitalSigner(privateKey: pki.signerKey, certificate: pki.signer, form: form)
    }

    private func verifier(_ pki: OFDTestPKI, anchors: [X509Certificate]? = nil) -> OFDVerifier {
        OFDVerifier(sealVerifier: SealVerifier(trustAnchors: [pki.ca]), signedDataTrustAnchors: anchors ?? [pki.ca])
    }

    /// A document signed with a Type="Sign" signature whose value `value` makes from Signature.xml.
    private func signed(with value: ([UInt8]) throws -> [UInt8]) throws -> OFDFile {
        let file = try unsigned()
        let parts = try SignatureAppender(type: "Sign", stamps: [], seal: nil).append(to: file, at: Self.time) {
            (xml, _) throws(OFDError) in
            do { return try value(xml) } catch { throw .signing("\(error)") }
        }
        return try OFDFile(
            data: try PackageWriter.data(source: file.package, replacing: parts.replaced, adding: parts.added))
    }

    /// A SignedData over `xml` made by `builder` (its certificates set to the test signer's).
    private func signedData(_ pki: OFDTestPKI, _ builder: CMSSignedDataBuilder) throws -> [UInt8] {
        try builder.build { Array(try pki.signerKey.signature(for: $0).derRepresentation) }
    }

    private func builder(_ pki: OFDTestPKI, over xml: [UInt8]) -> CMSSignedDataBuilder {
        var builder = CMSSignedDataBuilder(certificates: [Array(pki.signer.derRepresentation)])
        builder.messageDigest = Array(SM3.hash(data: xml))
        builder.signingTime = Self.time
        return builder
    }

    private func only(_ report: OFDVerificationReport) throws -> OFDSignatureReport {
        try #require(report.signatures.count == 1)
        return report.signatures[0]
    }

    @Test("both forms sign and verify as intact and trusted", arguments: OFDDigitalSigner.Form.allCases)
    func roundTrip(form: OFDDigitalSigner.Form) throws {
        let pki = try OFDTestPKI.make()
        let file = try OFDFile(data: try signer(pki, form).sign(try unsigned(), at: Self.time))
        let entries = try file.signatureEntries(of: file.documents[0])
        #expect(entries.map(\.type) == ["Sign"])
        let signature = try file.signature(at: entries[0].path)
        #expect(signature.sealPath == nil)
        #expect(signature.stampAnnotations.isEmpty)
        let report = try only(verifier(pki).verify(file))
        #expect(report.integrity == .intact)
        #expect(report.verdict == .trusted, "\(report.checks.map(\.description))")
        #expect(report.trust == .trusted)
        #expect(report.format.hasPrefix("GB/T 35275 SignedData"))
        #expect(report.sealName?.contains("CN=") == true)
        if form == .signedAttributes {
            #expect(report.format.contains("detached, signed attributes"))
            #expect(report.signingTime == "2026-05-28T20:26:40Z")
        } else {
            #expect(report.format.contains("without ContentInfo"))
            #expect(report.format.contains("SM3 digest attached"))
        }
        #expect(report.isValid)
    }

    @Test("the signed value passes an independent check: asn1crypto parses it, openssl verifies SM3 and SM2")
    func independentCheck() throws {
        guard try Processes.pythonHas(["asn1crypto"]) else { return }
        let pki = try OFDTestPKI.make()
        let file = try OFDFile(data: try signer(pki).sign(try unsigned(), at: Self.time))
        let path = try file.signatureEntries(of: file.documents[0])[0].path
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        try Data(file.package.data(at: path)).write(to: directory.appendingPathComponent("Signature.xml"))
        let folder = (path as NSString).deletingLastPathComponent
        try Data(file.package.data(at: folder + "/SignedValue.dat")).write(
            to: directory.appendingPathComponent("SignedValue.dat"))
        let script = """
            import subprocess, sys, os
            from asn1crypto import core, cms
            work = sys.argv[1]
            def run(*args):
                return subprocess.run(args, capture_output=True)
            class GMContentInfo(core.Sequence):
                _fields = [("content_type", core.ObjectIdentifier), ("content", cms.SignedData, {"explicit": 0})]
            data = open(os.path.join(work, "SignedValue.dat"), "rb").read()
            outer = GMContentInfo.load(data)
            assert outer["content_type"].dotted == "1.2.156.10197.6.1.4.2.2", outer["content_type"].dotted
            signed = outer["content"]
            signer = signed["signer_infos"][0]
            attrs = signer["signed_attrs"]
            digest = [a["values"][0].native for a in attrs if a["type"].dotted == "1.2.840.113549.1.9.4"][0]
            sm3 = run("openssl", "dgst", "-sm3", "-binary", os.path.join(work, "Signature.xml")).stdout
            print("digest", "ok" if digest == sm3 else "FAIL")
            covered = b"\\x31" + attrs.dump()[1:]
            open(os.path.join(work, "attrs.der"), "wb").write(covered)
            open(os.path.join(work, "sig.der"), "wb").write(signer["signature"].native)
            cert = signed["certificates"][0].chosen.dump()
            open(os.path.join(work, "signer.der"), "wb").write(cert)
            pub = run("openssl", "x509", "-inform", "DER", "-in", os.path.join(work, "signer.der"), "-pubkey", "-noout")
            open(os.path.join(work, "pub.pem"), "wb").write(pub.stdout)
            verify = run("openssl", "dgst", "-sm3", "-verify", os.path.join(work, "pub.pem"), "-sigopt",
                         "distid:1234567812345678", "-signature", os.path.join(work, "sig.der"),
                         os.path.join(work, "attrs.der"))
            print("signature", "ok" if verify.returncode == 0 else "FAIL " + verify.stderr.decode())
            """
        let result = try Processes.python(script, [directory.path])
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "digest ok\nsignature ok\n", "\(result.stdoutText)")
    }

    @Test("a page changed after signing names the page; a changed Signature.xml names itself")
    func tamperedContent() throws {
        let pki = try OFDTestPKI.make()
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let signed = try signer(pki).sign(try unsigned(), at: Self.time)
        let page = directory.appendingPathComponent("page.ofd")
        try Tamper.replace("Doc_0/Pages/Page_0/Content.xml", in: signed, with: "<ofd:Page/>", to: page)
        let pageReport = try only(verifier(pki).verify(try OFDFile(contentsOf: page)))
        #expect(pageReport.integrity == .modified)
        #expect(pageReport.modifiedFiles == ["Doc_0/Pages/Page_0/Content.xml"])
        #expect(pageReport.verdict == .invalid)

        let file = try OFDFile(data: signed)
        let path = try file.signatureEntries(of: file.documents[0])[0].path
        let xml = String(decoding: try file.package.data(at: path), as: UTF8.self)
        let changed = xml.replacingOccurrences(of: "ZhengwuKit", with: "Somebody")
        let rewritten = directory.appendingPathComponent("signature.ofd")
        try Tamper.replace(path, in: signed, with: changed, to: rewritten)
        let report = try only(verifier(pki).verify(try OFDFile(contentsOf: rewritten)))
        #expect(report.integrity == .modified)
        #expect(report.modifiedFiles == [path])
        #expect(report.result(for: .signedData)?.outcome == .failed)
        #expect(report.verdict == .invalid)
    }

    @Test("a signed attribute changed after signing fails the signature, not the digest")
    func tamperedAttribute() throws {
        let pki = try OFDTestPKI.make()
        let file = try signed { xml in
            var value = try signedData(pki, builder(pki, over: xml))
            // The signingTime UTCTime (tag 0x17, 13 characters): move it by one second.
            let start = try #require(value.indices.first { value[$0] == 0x17 && value[$0 + 1] == 0x0D })
            value[start + 14] = value[start + 14] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
            return value
        }
        let report = try only(verifier(pki).verify(file))
        #expect(report.result(for: .signedData)?.outcome == .passed)
        #expect(report.result(for: .signature)?.outcome == .failed)
        #expect(report.verdict == .invalid)
        #expect(!report.isValid)
    }

    @Test("a digest algorithm other than SM3 is unsupported, with the reason")
    func wrongDigestAlgorithm() throws {
        let pki = try OFDTestPKI.make()
        let file = try signed { xml in
            var builder = builder(pki, over: xml)
            builder.digestAlgorithm = "2.16.840.1.101.3.4.2.1"
            return try signedData(pki, builder)
        }
        let report = try only(verifier(pki).verify(file))
        #expect(report.integrity == .unsupported)
        #expect(report.result(for: .signature)?.outcome == .notChecked)
        #expect(report.result(for: .signature)?.detail.contains("SHA-256") == true)
        #expect(!report.isValid)
    }

    @Test("forms that cannot be verified are unsupported with the reason, never read as a seal")
    func unknownForms() throws {
        let pki = try OFDTestPKI.make()
        // ofdrw's DigitalSignContainer: a bare signature, no certificate.
        let bare = try signed { xml in Array(try pki.signerKey.signature(for: xml).rawRepresentation) }
        let bareReport = try only(verifier(pki).verify(bare))
        #expect(bareReport.integrity == .unsupported)
        #expect(bareReport.result(for: .signature)?.detail.contains("bare SM2 signature") == true)
        // A ContentInfo of another type (GB/T 35275 envelopedData).
        let enveloped = try signed { xml in
            var builder = builder(pki, over: xml)
            builder.outerType = CMSIdentifiers.gmEnvelopedData
            return try signedData(pki, builder)
        }
        let envelopedReport = try only(verifier(pki).verify(enveloped))
        #expect(envelopedReport.integrity == .unsupported)
        #expect(envelopedReport.result(for: .signature)?.detail.contains("envelopedData") == true)
        // A seal's SES_Signature written under Type="Sign": not verified as a seal.
        let sealed = try OFDFile(
            data: try pki.sealer().seal(try unsigned(), placement: .position(page: 1, x: 10, y: 10)))
        let sealValue = try sealed.package.data(at: "Doc_0/Signs/Sign_0/SignedValue.dat")
        let mislabelled = try signed { _ in sealValue }
        let mislabelledReport = try only(verifier(pki).verify(mislabelled))
        #expect(mislabelledReport.integrity == .unsupported)
        #expect(!mislabelledReport.format.contains("38540"))
        #expect(!mislabelledReport.checks.contains { $0.name.hasPrefix("seal.") })
    }

    @Test("no trust anchors leaves the signature untrusted; a foreign anchor fails the chain")
    func trust() throws {
        let pki = try OFDTestPKI.make()
        let file = try OFDFile(data: try signer(pki).sign(try unsigned(), at: Self.time))
        let none = try only(verifier(pki, anchors: []).verify(file))
        #expect(none.integrity == .intact)
        #expect(none.verdict == .untrusted)
        #expect(none.trust == .notChecked)
        #expect(!none.isValid)
        let integrityOnly = try only(
            OFDVerifier(sealVerifier: SealVerifier(), mode: .integrityOnly).verify(file))
        #expect(integrityOnly.verdict == .intact)
        #expect(integrityOnly.isValid)
        // The seal maker's certificate as the only anchor: the signer was not issued by it.
        let other = try only(verifier(pki, anchors: [pki.maker]).verify(file))
        #expect(other.result(for: .certificateChain)?.outcome == .failed)
        #expect(other.verdict == .untrusted)
    }

    @Test("PKCS #7 object identifiers, the content attached, and a base64 digest are read")
    func variants() throws {
        let pki = try OFDTestPKI.make()
        let pkcs7 = try signed { xml in
            var builder = builder(pki, over: xml)
            builder.outerType = CMSIdentifiers.pkcs7SignedData
            builder.dataType = CMSIdentifiers.pkcs7Data
            builder.signatureAlgorithm = CMSIdentifiers.sm3WithSM2
            return try signedData(pki, builder)
        }
        let pkcs7Report = try only(verifier(pki).verify(pkcs7))
        #expect(pkcs7Report.verdict == .trusted, "\(pkcs7Report.checks.map(\.description))")
        #expect(pkcs7Report.format.hasPrefix("PKCS #7 SignedData"))
        let attached = try signed { xml in
            var builder = builder(pki, over: xml)
            builder.content = xml
            return try signedData(pki, builder)
        }
        #expect(try only(verifier(pki).verify(attached)).verdict == .trusted)
        let base64 = try signed { xml in
            var builder = CMSSignedDataBuilder(certificates: [Array(pki.signer.derRepresentation)])
            builder.content = Array(Data(SM3.hash(data: xml)).base64EncodedString().utf8)
            return try signedData(pki, builder)
        }
        let base64Report = try only(verifier(pki).verify(base64))
        #expect(base64Report.verdict == .trusted, "\(base64Report.checks.map(\.description))")
        #expect(base64Report.warnings.contains { $0.code == "ofd.signed_data_deviation" })
    }

    @Test("a digital signature after a seal: continue-sign keeps both verifying")
    func afterSeal() throws {
        let pki = try OFDTestPKI.make()
        let sealed = try pki.sealer().seal(try unsigned(), placement: .position(page: 1, x: 10, y: 10))
        let both = try OFDFile(data: try signer(pki).sign(try OFDFile(data: sealed)))
        let report = verifier(pki).verify(both)
        #expect(report.signatures.map(\.integrity) == [.signatureListChanged, .intact])
        #expect(report.signatures.allSatisfy { $0.verdict == .trusted })
        #expect(report.isValid)
    }

    @Test("signing a file in place replaces it only once the new package is complete")
    func inPlace() throws {
        let pki = try OFDTestPKI.make()
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let url = directory.appendingPathComponent("doc.ofd")
        try TestPackages.zip(TestPackages.ofd(pages: ["原文"]), to: url)
        try signer(pki).sign(contentsOf: url, to: url)
        try signer(pki).sign(contentsOf: url, to: url)
        let report = verifier(pki).verify(try OFDFile(contentsOf: url))
        #expect(report.signatures.map(\.integrity) == [.signatureListChanged, .intact])
        #expect(report.isValid)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".part")
        }
        #expect(leftovers.isEmpty)
    }

    @Test("a key that is not the certificate's is refused")
    func mismatchedKey() throws {
        let pki = try OFDTestPKI.make()
        #expect(throws: OFDError.self) {
            try OFDDigitalSigner(privateKey: SM2.Signing.PrivateKey(), certificate: pki.signer)
        }
    }
}
