import ESeal
import Foundation
import OFD
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

@Suite("Sealing by position, keyword and cross-page, and continue-sign, round-trip")
struct SealingTests {
    private func document(_ texts: [String]) throws -> (URL, URL) {
        let directory = try Fixtures.temporaryDirectory()
        let url = directory.appendingPathComponent("in.ofd")
        try TestPackages.zip(TestPackages.ofd(pages: texts), to: url)
        return (directory, url)
    }

    @Test("a seal at a position protects every file and verifies as trusted with the CA")
    func position() throws {
        let pki = try OFDTestPKI.make()
        let (directory, input) = try document(["第一页", "第二页"])
        defer { Fixtures.cleanUp(directory) }
        let output = directory.appendingPathComponent("out.ofd")
        try pki.sealer().seal(
            contentsOf: input, to: output, placement: .position(page: 2, x: 100, y: 200),
            size: OFDSealSize(width: 42, height: 42))
        let file = try OFDFile(contentsOf: output)
        let entries = try file.signatureEntries(of: file.documents[0])
        #expect(entries.map(\.path) == ["Doc_0/Signs/Sign_0/Signature.xml"])
        let signature = try file.signature(at: entries[0].path)
        #expect(signature.stampAnnotations.map(\.pageRef) == ["11"])
        #expect(signature.stampAnnotations.first?.boundary == OFDBox(x: 100, y: 200, width: 42, height: 42))
        let protected = Set(signature.references.compactMap(\.path))
        #expect(protected.isSuperset(of: ["OFD.xml", "Doc_0/Document.xml", "Doc_0/Signs/Signatures.xml"]))
        #expect(!protected.contains("Doc_0/Signs/Sign_0/SignedValue.dat"))
        let report = pki.verifier.verify(file)
        #expect(report.signatures.count == 1)
        #expect(report.signatures[0].verdict == .trusted, "\(report.signatures[0].checks.map(\.description))")
        #expect(report.signatures[0].integrity == .intact)
        #expect(Set(report.signatures[0].protectedFiles) == protected)
        #expect(report.isValid)
    }

    @Test("keyword sealing centres the seal on the text, on the first or every occurrence")
    func keyword() throws {
        let pki = try OFDTestPKI.make()
        let (directory, input) = try document(["关于开展检查的通知 测试市人民政府", "附件 测试市人民政府"])
        defer { Fixtures.cleanUp(directory) }
        let output = directory.appendingPathComponent("out.ofd")
        try pki.sealer().seal(
            contentsOf: input, to: output, placement: .keyword("测试市人民政府", occurrence: .all),
            size: OFDSealSize(width: 40, height: 40))
        let file = try OFDFile(contentsOf: output)
        let signature = try file.signature(at: file.signatureEntries(of: file.documents[0])[0].path)
        #expect(signature.stampAnnotations.map(\.pageRef) == ["10", "11"])
        // Page 1: the keyword starts at glyph 10 (5 mm each, boundary x 30): spans 80…115 mm, centre 97.5;
        // baseline 40 + 5, centre 42.5; the 40 mm seal's corner is 20 mm up and left. Page 2: glyphs 3…9, 45…80 mm.
        #expect(signature.stampAnnotations[0].boundary == OFDBox(x: 77.5, y: 22.5, width: 40, height: 40))
        #expect(signature.stampAnnotations[1].boundary == OFDBox(x: 42.5, y: 22.5, width: 40, height: 40))
        #expect(pki.verifier.verify(file).isValid)
        #expect(throws: OFDError.self) {
            try pki.sealer().seal(contentsOf: input, to: output, placement: .keyword("不存在的单位"))
        }
    }

    @Test("a cross-page seal slices the picture across the right edges of the pages")
    func crossPage() throws {
        let pki = try OFDTestPKI.make()
        let (directory, input) = try document(["一", "二", "三", "四"])
        defer { Fixtures.cleanUp(directory) }
        let output = directory.appendingPathComponent("out.ofd")
        try pki.sealer().seal(
            contentsOf: input, to: output, placement: .crossPage(from: 1, to: 4),
            size: OFDSealSize(width: 40, height: 40))
        let file = try OFDFile(contentsOf: output)
        let signature = try file.signature(at: file.signatureEntries(of: file.documents[0])[0].path)
        #expect(signature.stampAnnotations.count == 4)
        for (index, stamp) in signature.stampAnnotations.enumerated() {
            #expect(stamp.pageRef == "\(10 + index)")
            #expect(stamp.boundary == OFDBox(x: 210 - Double(index + 1) * 10, y: 128.5, width: 40, height: 40))
            #expect(stamp.clip == OFDBox(x: Double(index) * 10, y: 0, width: 10, height: 40))
        }
        #expect(pki.verifier.verify(file).isValid)
        #expect(throws: OFDError.self) {
            try pki.sealer().seal(contentsOf: input, to: output, placement: .crossPage(from: 3, to: 9))
        }
    }

    @Test("a second seal (continue-sign) leaves the first verifiable: only the signature list changed")
    func twice() throws {
        let pki = try OFDTestPKI.make()
        let (directory, input) = try document(["第一页 测试市人民政府", "第二页"])
        defer { Fixtures.cleanUp(directory) }
        let once = directory.appendingPathComponent("once.ofd")
        let twice = directory.appendingPathComponent("twice.ofd")
        try pki.sealer().seal(contentsOf: input, to: once, placement: .keyword("测试市人民政府"))
        try pki.sealer().seal(contentsOf: once, to: twice, placement: .crossPage(from: 1, to: 2))
        let file = try OFDFile(contentsOf: twice)
        let entries = try file.signatureEntries(of: file.documents[0])
        #expect(entries.map(\.id) == ["1", "3"])
        let second = try file.signature(at: entries[1].path)
        #expect(!second.references.contains { $0.path == "Doc_0/Signs/Signatures.xml" })
        #expect(second.references.contains { $0.path == "Doc_0/Signs/Sign_0/SignedValue.dat" })
        let report = pki.verifier.verify(file)
        #expect(report.signatures.map(\.integrity) == [.signatureListChanged, .intact])
        #expect(report.signatures[0].modifiedFiles == ["Doc_0/Signs/Signatures.xml"])
        #expect(report.signatures.allSatisfy { $0.verdict == .trusted })
        #expect(report.isValid)
    }

    @Test("tampering with a page after sealing names the page and fails")
    func tamper() throws {
        let pki = try OFDTestPKI.make()
        let (directory, input) = try document(["原文"])
        defer { Fixtures.cleanUp(directory) }
        let sealed = try pki.sealer().seal(try OFDFile(contentsOf: input), placement: .position(page: 1, x: 10, y: 10))
        let tampered = directory.appendingPathComponent("tampered.ofd")
        try Tamper.replace(
            "Doc_0/Pages/Page_0/Content.xml", in: sealed, with: #"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"/>"#,
            to: tampered)
        let report = pki.verifier.verify(try OFDFile(contentsOf: tampered))
        #expect(report.signatures[0].integrity == .modified)
        #expect(report.signatures[0].modifiedFiles == ["Doc_0/Pages/Page_0/Content.xml"])
        #expect(report.signatures[0].verdict == .invalid)
        #expect(!report.isValid)
    }

    @Test("an unusable placement is a typed error and writes nothing")
    func badPlacement() throws {
        let pki = try OFDTestPKI.make()
        let (directory, input) = try document(["一"])
        defer { Fixtures.cleanUp(directory) }
        let output = directory.appendingPathComponent("out.ofd")
        #expect(throws: OFDError.self) {
            try pki.sealer().seal(contentsOf: input, to: output, placement: .position(page: 2, x: 0, y: 0))
        }
        #expect(throws: OFDError.self) {
            try pki.sealer().seal(
                contentsOf: input, to: output, placement: .position(page: 1, x: 0, y: 0),
                size: OFDSealSize(width: 0, height: 40))
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}

/// Rewrites one entry of a package with Python's zipfile, keeping every other entry's bytes.
enum Tamper {
    static func replace(_ entry: String, in package: Data, with text: String, to url: URL) throws {
        let source = url.deletingLastPathComponent().appendingPathComponent("source.ofd")
        try package.write(to: source)
        let script = """
            import sys, zipfile
            src, dst, name, text = sys.argv[1:5]
            with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
                for info in zin.infolist():
                    data = text.encode("utf-8") if info.filename == name else zin.read(info.filename)
                    zout.writestr(info.filename, data)
            """
        let result = try Processes.run("python3", ["-c", script, source.path, url.path, entry, text])
        guard result.status == 0 else { throw FixtureError.missing(result.stderrText) }
    }
}
