import Foundation
import Testing
import ZWKitTestSupport

@testable import OFD

@Suite("Package paths and the zip CRC-32, as the reader resolves and checks entries")
struct PackagePathTests {
    @Test(
        "Entry names are normalised, and absolute or climbing names refused",
        arguments: [
            ("Doc_0/Document.xml", "Doc_0/Document.xml"),
            ("Doc_0/./Pages//Page_0/Content.xml", "Doc_0/Pages/Page_0/Content.xml"),
            ("Doc_0\\Signs\\Sign_0\\Signature.xml", "Doc_0/Signs/Sign_0/Signature.xml"),
            ("Doc_0/Pages/../Res/image.png", "Doc_0/Res/image.png"),
            ("Doc_0/", "Doc_0"),
            (".hidden/a..b/...", ".hidden/a..b/..."),
            ("证照/数据.xml", "证照/数据.xml"),
            ("/OFD.xml", nil),
            ("\\OFD.xml", nil),
            ("C:/OFD.xml", nil),
            ("c:\\OFD.xml", nil),
            ("Doc_0/../../etc/passwd", nil),
            ("..", nil),
        ] as [(String, String?)])
    func entryNames(raw: String, expected: String?) {
        #expect(PackagePath.entryName(raw) == expected)
    }

    @Test("A reference means the standard's reading first, then the vendors' one")
    func candidates() {
        func paths(_ reference: String, _ base: String) -> [String] {
            PackagePath.candidates(reference, from: base).map { "\($0.path) \($0.standard)" }
        }
        #expect(
            paths("/Doc_0/Document.xml", "Doc_0/Signs") == [
                "Doc_0/Document.xml true", "Doc_0/Signs/Doc_0/Document.xml false",
            ])
        #expect(
            paths("  Pages\\Page_0/Content.xml \n", "Doc_0") == [
                "Doc_0/Pages/Page_0/Content.xml true", "Pages/Page_0/Content.xml false",
            ])
        #expect(paths("../Res/a.png", "Doc_0/Pages") == ["Doc_0/Res/a.png true"])
        #expect(paths("../../x", "a").isEmpty)
        #expect(paths("\u{3000}Pages/a.xml\u{3000}", "Doc_0") == ["Doc_0/Pages/a.xml true", "Pages/a.xml false"])
        #expect(PackagePath.folder(of: "Doc_0/Signs/Sign_0/Signature.xml") == "Doc_0/Signs/Sign_0")
        #expect(PackagePath.folder(of: "OFD.xml") == "")
    }

    @Test("The CRC-32 agrees with the check value of the standard and with Python's zlib, in any chunking")
    func crc32() throws {
        var check = ZipCRC32()
        Array("123456789".utf8).withUnsafeBytes { check.update($0) }
        #expect(check.value == 0xCBF4_3926)

        guard try Processes.pythonHas(["zlib"]) else { return }
        var generator = SeededGenerator(seed: 0x0FD_C2C)
        var samples: [[UInt8]] = [[]]
        for length in [1, 7, 8, 9, 63, 64, 65, 1000, 70_000] {
            samples.append((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        let hex = samples.map { $0.map { String(format: "%02x", $0) }.joined() }.joined(separator: "\n")
        let result = try Processes.python(
            "import sys, zlib\nfor line in sys.stdin.read().split('\\n'): print(zlib.crc32(bytes.fromhex(line)))",
            stdin: Data(hex.utf8))
        let expected = result.stdoutText.split(separator: "\n").compactMap { UInt32($0) }
        try #require(expected.count == samples.count, "python: \(result.stderrText)")
        for (sample, value) in zip(samples, expected) {
            var whole = ZipCRC32()
            sample.withUnsafeBytes { whole.update($0) }
            #expect(whole.value == value, "\(sample.count) bytes in one piece")
            var pieces = ZipCRC32()
            var start = 0
            while start < sample.count {
                let end = min(sample.count, start + Int.random(in: 1...97, using: &generator))
                sample[start..<end].withUnsafeBytes { pieces.update($0) }
                start = end
            }
            #expect(pieces.value == value, "\(sample.count) bytes in pieces")
        }
    }

    @Test("An entry whose bytes do not match its CRC-32 is refused by name")
    func damagedEntry() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let url = directory.appendingPathComponent("damaged.ofd")
        try TestPackages.zip(TestPackages.ofd(pages: ["第一页 damaged-page-marker"]), to: url, compress: false)
        var bytes = try Data(contentsOf: url)
        let marker = Data("damaged-page-marker".utf8)
        let found = try #require(bytes.range(of: marker))
        bytes[found.lowerBound] ^= 0x20
        try bytes.write(to: url)

        let package = try OFDPackage(contentsOf: url)
        let damaged = try #require(package.entries.first { $0.path.hasSuffix("Content.xml") }?.path)
        #expect(throws: OFDError.self) { try package.data(at: damaged) }
        do {
            _ = try package.data(at: damaged)
        } catch {
            #expect(error.code == "ofd.unreadable_package")
            #expect(error.message.contains(damaged) && error.message.contains("CRC-32"))
        }
        #expect(throws: Never.self) { try package.data(at: "OFD.xml") }
    }
}

@Suite("SignatureDateTime, written as every other time: UTC, proleptic Gregorian")
struct SignatureDateTimeTests {
    @Test(
        "yyyyMMddHHmmss of the instant, before 1582 too, four-digit years only",
        arguments: [
            (1_776_000_000.5, "20260412132000"),
            (-14_826_672_000, "15000301000000"),
            (-62_167_219_200, "00000101000000"),
            (-1e20, "00000101000000"),
            (1e20, "99991231235959"),
        ])
    func signatureDateTime(seconds: Double, expected: String) {
        #expect(SignatureAppender.dateTime(Date(timeIntervalSince1970: seconds)) == expected)
    }
}
