import ESeal
import Foundation
import GMCrypto
import OFD
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

@Suite("Vendor quirks are tolerated and reported as warnings")
struct QuirkTests {
    @Test("bytes before and after the zip are skipped and reported")
    func bytesAroundZip() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let url = directory.appendingPathComponent("framed.ofd")
        try TestPackages.zip(TestPackages.ofd(pages: ["你好"]), to: url, prefix: "VENDORHEADER-0001", suffix: "TRAILER")
        let file = try OFDFile(contentsOf: url)
        #expect(file.warnings.map(\.code) == ["ofd.bytes_before_zip", "ofd.bytes_after_zip"])
        #expect(try file.page(file.documents[0].pages[0], of: file.documents[0]).text == "你好")
        let inMemory = try OFDFile(data: Data(contentsOf: url))
        #expect(inMemory.warnings.map(\.code) == ["ofd.bytes_before_zip", "ofd.bytes_after_zip"])
    }

    @Test("the shared e-invoice's template path in the wrong letter case resolves, with a warning")
    func sharedInvoiceQuirks() throws {
        guard let url = try Fixtures.shared("samples/ofd/v4signed.ofd") else { return }
        let file = try OFDFile(contentsOf: url)
        #expect(file.warnings.isEmpty)
        // Document.xml names its template "TPLS/Tpl_0/Content.xml"; the entry is Doc_0/Tpls/….
        let resolved = file.package.resolve("TPLS/Tpl_0/Content.xml", from: "Doc_0/Document.xml")
        #expect(resolved?.path == "Doc_0/Tpls/Tpl_0/Content.xml")
        #expect(resolved?.warning?.code == "ofd.path_case")
    }

    @Test("references without a leading / or relative to the signature folder resolve, with a warning")
    func pathForms() throws {
        let pki = try OFDTestPKI.make()
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let input = directory.appendingPathComponent("in.ofd")
        try TestPackages.zip(TestPackages.ofd(pages: ["一"]), to: input)
        let sealed = try pki.sealer().seal(try OFDFile(contentsOf: input), placement: .position(page: 1, x: 1, y: 1))
        let original = try OFDFile(data: sealed)
        let list = String(decoding: try original.package.data(at: "Doc_0/Signs/Signatures.xml"), as: UTF8.self)
        // Signatures.xml: BaseLoc relative to its own folder instead of absolute.
        let relative = list.replacingOccurrences(of: "/Doc_0/Signs/Sign_0/Signature.xml", with: "Sign_0/Signature.xml")
        let url = directory.appendingPathComponent("relative.ofd")
        try Tamper.replace("Doc_0/Signs/Signatures.xml", in: sealed, with: relative, to: url)
        let file = try OFDFile(contentsOf: url)
        let entries = try file.signatureEntries(of: file.documents[0])
        #expect(entries.map(\.path) == ["Doc_0/Signs/Sign_0/Signature.xml"])
        // The list itself is protected by the first seal, so only it changed; nothing else.
        let report = OFDVerifier(sealVerifier: SealVerifier(), mode: .integrityOnly).verify(file)
        #expect(report.signatures[0].modifiedFiles == ["Doc_0/Signs/Signatures.xml"])
        // A Signature.xml written with root paths without the leading "/" (a vendor form).
        let signature = try original.signature(at: "Doc_0/Signs/Sign_0/Signature.xml")
        #expect(signature.warnings.isEmpty)
    }

    @Test("a signature stored as raw r‖s or as DER with non-minimal integers verifies, with a warning")
    func signatureForms() throws {
        let pki = try OFDTestPKI.make()
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let input = directory.appendingPathComponent("in.ofd")
        try TestPackages.zip(TestPackages.ofd(pages: ["一"]), to: input)
        let sealed = try pki.sealer().seal(try OFDFile(contentsOf: input), placement: .position(page: 1, x: 1, y: 1))
        let value = try OFDFile(data: sealed).package.data(at: "Doc_0/Signs/Sign_0/SignedValue.dat")
        let signature = try ElectronicSignature(derEncoded: value)
        guard case .v4(let structure) = signature.structure else {
            Issue.record("not v4")
            return
        }
        let der = structure.signature
        let raw = try SM2.Signing.Signature(derRepresentation: der).rawRepresentation
        let padded = Self.paddedDER(Array(raw))
        for (form, code) in [(Array(raw), "ofd.raw_signature_value"), (padded, "ofd.non_minimal_der")] {
            let rebuilt = try SESSignature(
                toSign: structure.toSign, cert: structure.cert, signatureAlgID: structure.signatureAlgID,
                signature: form)
            let url = directory.appendingPathComponent("\(code).ofd")
            try BinaryTamper.replace(
                "Doc_0/Signs/Sign_0/SignedValue.dat", in: sealed, with: try rebuilt.derBytes(), to: url)
            let report = OFDVerifier(sealVerifier: SealVerifier(trustAnchors: [pki.ca])).verify(
                try OFDFile(contentsOf: url))
            #expect(report.signatures[0].warnings.map(\.code).contains(code), "\(report.signatures[0].warnings)")
            #expect(report.signatures[0].verdict == .trusted, "\(code): \(report.signatures[0].failures)")
        }
    }

    /// DER `SEQUENCE { INTEGER r, INTEGER s }` with each integer padded to 34 bytes by zeros.
    static func paddedDER(_ raw: [UInt8]) -> [UInt8] {
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] { [0x02, 34, 0x00, 0x00] + bytes }
        let body = integer(raw[0..<32]) + integer(raw[32..<64])
        return [0x30, UInt8(body.count)] + body
    }
}

/// Rewrites one entry of a package with given bytes (hex through Python's zipfile).
enum BinaryTamper {
    static func replace(_ entry: String, in package: Data, with bytes: [UInt8], to url: URL) throws {
        let source = url.deletingLastPathComponent().appendingPathComponent("source-\(UUID().uuidString).ofd")
        try package.write(to: source)
        let script = """
            import sys, zipfile
            src, dst, name, hexdata = sys.argv[1:5]
            with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
                for info in zin.infolist():
                    data = bytes.fromhex(hexdata) if info.filename == name else zin.read(info.filename)
                    zout.writestr(info.filename, data)
            """
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let result = try Processes.run("python3", ["-c", script, source.path, url.path, entry, hex])
        guard result.status == 0 else { throw FixtureError.missing(result.stderrText) }
    }
}
