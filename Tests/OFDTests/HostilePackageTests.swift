import Foundation
import OFD
import Testing
import ZWKitTestSupport

@Suite("Hostile packages are refused with typed errors")
struct HostilePackageTests {
    private func refuse(_ files: [(String, String)], code: String, limits: OFDReadingLimits = .default) throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let url = directory.appendingPathComponent("hostile.ofd")
        try TestPackages.zip(files, to: url)
        do {
            let file = try OFDFile(contentsOf: url, limits: limits)
            for document in file.documents {
                _ = try file.pages(of: document)
                for entry in try file.signatureEntries(of: document) { _ = try file.signature(at: entry.path) }
            }
            Issue.record("accepted a package that should be refused with \(code)")
        } catch {
            #expect(error.code == code, "\(error)")
            #expect(!error.message.isEmpty && !error.chineseTerm.isEmpty)
        }
    }

    @Test("entry names that climb out of the package or are absolute")
    func traversal() throws {
        for name in ["../evil.xml", "Doc_0/../../evil.xml", "/etc/passwd", "\\evil.xml", "C:/evil.xml"] {
            try refuse(TestPackages.ofd(pages: ["a"]) + [(name, "x")], code: "ofd.path_traversal")
        }
    }

    @Test("duplicate entry names, exact or differing in case")
    func duplicates() throws {
        let files = TestPackages.ofd(pages: ["a"])
        try refuse(files + [("OFD.xml", "<x/>")], code: "ofd.duplicate_entry")
        try refuse(files + [("doc_0/document.xml", "<x/>")], code: "ofd.duplicate_entry")
    }

    @Test("entries past the size limit, and zip bombs past the ratio limit")
    func expansion() throws {
        let files = TestPackages.ofd(pages: ["a"])
        let big = String(repeating: "A", count: 3 << 20)
        try refuse(
            files + [("Doc_0/Res/big.bin", big)], code: "ofd.entry_too_large",
            limits: OFDReadingLimits(maximumEntrySize: 1 << 20))
        try refuse(
            files + [("Doc_0/Res/big.bin", big)], code: "ofd.package_too_large",
            limits: OFDReadingLimits(maximumTotalSize: 2 << 20))
        // 3 MiB of one letter deflates about 1000:1.
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let url = directory.appendingPathComponent("bomb.ofd")
        try TestPackages.zip(files + [("Doc_0/Res/bomb.bin", big)], to: url)
        let file = try OFDFile(contentsOf: url)
        #expect(throws: OFDError.compressionRatio(entry: "Doc_0/Res/bomb.bin", limit: 200)) {
            try file.package.sm3(at: "Doc_0/Res/bomb.bin")
        }
    }

    @Test("XML with a DTD, external entities or network loads, and deeply nested XML")
    func hostileXML() throws {
        var files = TestPackages.ofd(pages: ["a"])
        let ofd = files[0].1
        files[0].1 = ofd.replacingOccurrences(
            of: #"<?xml version="1.0" encoding="UTF-8"?>"#,
            with: #"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>"#)
        try refuse(files, code: "ofd.xml")
        files[0].1 = ofd.replacingOccurrences(
            of: #"<?xml version="1.0" encoding="UTF-8"?>"#,
            with: #"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE r SYSTEM "http://127.0.0.1:9/x.dtd">"#)
        try refuse(files, code: "ofd.xml")
        files[0].1 = ofd
        files[2].1 =
            "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\">" + String(repeating: "<a>", count: 500)
            + String(repeating: "</a>", count: 500) + "</ofd:Page>"
        try refuse(files, code: "ofd.xml")
    }

    @Test("not a zip, no OFD.xml, a DocRoot that is missing")
    func structure() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let url = directory.appendingPathComponent("text.ofd")
        try Data("not a zip at all".utf8).write(to: url)
        #expect(throws: OFDError.self) { try OFDFile(contentsOf: url) }
        #expect(throws: OFDError.self) { try OFDFile(data: Data()) }
        try refuse([("Doc_0/Document.xml", "<x/>")], code: "ofd.missing_entry")
        try refuse(
            Array(TestPackages.ofd(pages: ["a"]).dropFirst(1).prefix(0)) + [TestPackages.ofd(pages: ["a"])[0]],
            code: "ofd.missing_entry")
    }
}
