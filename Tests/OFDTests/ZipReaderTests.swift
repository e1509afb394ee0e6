import Foundation
import GMCrypto
import OFD
import Testing
import ZWKitTestSupport

@Suite("OFD's zip reader reads what Python's zipfile reads, and refuses damaged archives by name")
struct ZipReaderTests {
    @Test("every entry of every shared sample reads byte for byte as zipfile reads it, from a file and from memory")
    func sharedSamplesAgreeWithZipfile() throws {
        guard let folder = try Fixtures.shared("samples/ofd"), try Processes.pythonHas(["zipfile"]) else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".ofd") }
        try #require(!names.isEmpty)
        for name in names.sorted() {
            let url = folder.appendingPathComponent(name)
            let expected = try zipfileContents(of: url)
            for package in [try OFDPackage(contentsOf: url), try OFDPackage(data: Data(contentsOf: url))] {
                #expect(package.entries.map(\.path).sorted() == expected.keys.sorted(), "\(name)")
                for (path, bytes) in expected {
                    #expect(try package.data(at: path) == bytes, "\(name): \(path)")
                }
            }
        }
    }

    @Test("a ZIP64 archive, with a vendor's header before it, reads as zipfile reads it")
    func zip64() throws {
        guard try Processes.pythonHas(["zipfile"]) else { return }
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let files = TestPackages.ofd(pages: ["六十四位", "第二页"])
        for prefix in ["", "VENDOR-HEADER"] {
            let url = directory.appendingPathComponent("zip64\(prefix.count).ofd")
            try writeZip64(files, prefix: prefix, to: url)
            // The archive is well formed: zipfile reads it back (it skips a prefix itself).
            let expected = try zipfileContents(of: url)
            #expect(expected.keys.sorted() == files.map(\.0).sorted())
            let file = try OFDFile(contentsOf: url)
            #expect(file.warnings.map(\.code) == (prefix.isEmpty ? [] : ["ofd.bytes_before_zip"]))
            #expect(try file.page(file.documents[0].pages[1], of: file.documents[0]).text == "第二页")
            for (path, bytes) in expected {
                #expect(try file.package.data(at: path) == bytes, "\(path)")
            }
        }
    }

    @Test("entries with data descriptors (sizes after the data, from streaming writers) read as zipfile reads them")
    func dataDescriptors() throws {
        guard try Processes.pythonHas(["zipfile"]) else { return }
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let url = directory.appendingPathComponent("streamed.ofd")
        let files = TestPackages.ofd(pages: ["流式写入"])
        // zipfile writes a data descriptor after each entry when its output cannot seek.
        let script = """
            import io, json, sys, zipfile
            class Unseekable(io.RawIOBase):
                def __init__(self): self.buffer = bytearray()
                def writable(self): return True
                def write(self, data): self.buffer += data; return len(data)
            out = Unseekable()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
                for name, text in json.loads(sys.stdin.read()):
                    with z.open(name, "w") as entry:
                        entry.write(text.encode())
            assert all(info.flag_bits & 8 for info in zipfile.ZipFile(io.BytesIO(out.buffer)).infolist())
            open(sys.argv[1], "wb").write(out.buffer)
            """
        let spec = try JSONSerialization.data(withJSONObject: files.map { [$0.0, $0.1] })
        let made = try Processes.python(script, [url.path], stdin: spec)
        try #require(made.status == 0, "\(made.stderrText)")
        let expected = try zipfileContents(of: url)
        let file = try OFDFile(contentsOf: url)
        #expect(try file.page(file.documents[0].pages[0], of: file.documents[0]).text == "流式写入")
        for (path, bytes) in expected {
            #expect(try file.package.data(at: path) == bytes, "\(path)")
        }
    }

    @Test("a package over the whole-read size streams from its file and hashes as its bytes do")
    func largePackageStreams() throws {
        guard try Processes.pythonHas(["zipfile"]) else { return }
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let url = directory.appendingPathComponent("large.ofd")
        let raw = directory.appendingPathComponent("attachment.bin")
        // Random bytes, stored: the package stays over the 8 MiB that is read whole.
        let script = """
            import os, sys, zipfile
            out, raw = sys.argv[1:3]
            open(raw, "wb").write(os.urandom((9 << 20) + 12345))
            with zipfile.ZipFile(out, "a") as z:
                z.write(raw, "Doc_0/Attachs/large.bin", compress_type=zipfile.ZIP_STORED)
            """
        try TestPackages.zip(TestPackages.ofd(pages: ["大"]), to: url)
        let result = try Processes.python(script, [url.path, raw.path])
        try #require(result.status == 0, "\(result.stderrText)")
        let package = try OFDPackage(contentsOf: url)
        let attachment = try Data(contentsOf: raw)
        #expect(try package.sm3(at: "Doc_0/Attachs/large.bin") == Array(SM3.hash(data: attachment)))
        #expect(try package.data(at: "OFD.xml") == Array(TestPackages.ofd(pages: ["大"])[0].1.utf8))
    }

    @Test("an encrypted entry, an unknown method, a truncated stream, offsets past the end: refused by name")
    func damagedArchives() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let url = directory.appendingPathComponent("base.ofd")
        try TestPackages.zip(TestPackages.ofd(pages: ["损坏"]), to: url)
        let base = try [UInt8](Data(contentsOf: url))
        let record = try #require(Self.centralRecord(of: "OFD.xml", in: base))
        let end = try #require(Self.lastIndex(of: [0x50, 0x4B, 0x05, 0x06], in: base))

        func refused(_ change: (inout [UInt8]) -> Void, saying words: String) {
            var bytes = base
            change(&bytes)
            do {
                let file = try OFDFile(data: bytes)
                Issue.record("accepted an archive that should be refused (\(words)): \(file.documents.count) documents")
            } catch {
                #expect(error.code == "ofd.unreadable_package", "\(error)")
                #expect(error.message.contains(words), "\(error.message)")
            }
        }
        refused({ $0[record + 8] |= 1 }, saying: "OFD.xml: the entry is encrypted")
        refused({ $0[record + 10] = 12 }, saying: "OFD.xml: compression method 12 is not supported")
        refused({ Self.put32(0x7FFF_FFF0, at: record + 42, in: &$0) }, saying: "OFD.xml: the entry's local header")
        refused({ Self.put32(5, at: record + 20, in: &$0) }, saying: "OFD.xml: the compressed data ends")
        refused({ Self.put32(UInt32(base.count), at: record + 20, in: &$0) }, saying: "OFD.xml: the entry's data")
        refused({ $0[record + 16] ^= 0xFF }, saying: "OFD.xml: the entry is damaged (its CRC-32")
        refused({ Self.put32(0x7FFF_FFF0, at: end + 16, in: &$0) }, saying: "central directory")
        refused({ $0[end + 4] = 1 }, saying: "split over several files")
        refused({ $0.removeLast($0.count / 2) }, saying: "not a zip archive")
        refused({ $0 = Array($0.prefix(10)) }, saying: "not a zip archive")
    }

    @Test("a symbolic link entry is refused, and a FIFO or a folder given as the package is refused without waiting")
    func linksAndSpecialFiles() throws {
        guard try Processes.pythonHas(["zipfile"]) else { return }
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let url = directory.appendingPathComponent("link.ofd")
        try TestPackages.zip(TestPackages.ofd(pages: ["链接"]), to: url)
        let script = """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], "a") as z:
                info = zipfile.ZipInfo("Doc_0/Res/link.png")
                info.create_system = 3
                info.external_attr = 0o120777 << 16
                z.writestr(info, "/etc/passwd")
            """
        let made = try Processes.python(script, [url.path])
        try #require(made.status == 0, "\(made.stderrText)")
        #expect(throws: OFDError.pathTraversal(entry: "Doc_0/Res/link.png")) { try OFDPackage(contentsOf: url) }

        let fifo = directory.appendingPathComponent("fifo.ofd")
        try #require(mkfifo(fifo.path, 0o600) == 0)
        for special in [fifo, directory] {
            do {
                _ = try OFDPackage(contentsOf: special)
                Issue.record("\(special.lastPathComponent) was read as a package")
            } catch {
                #expect(error.code == "ofd.unreadable_package")
                #expect(error.message.contains("not a regular file"), "\(error.message)")
            }
        }
    }

    // MARK: - Helpers

    /// Every entry of the zip at `url` as Python's zipfile reads it.
    private func zipfileContents(of url: URL) throws -> [String: [UInt8]] {
        let script = """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as z:
                for info in z.infolist():
                    if not info.is_dir():
                        print(info.filename + "\\t" + z.read(info).hex())
            """
        let result = try Processes.python(script, [url.path])
        try #require(result.status == 0, "\(result.stderrText)")
        var contents: [String: [UInt8]] = [:]
        for line in result.stdoutText.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            contents[String(fields[0])] = try Hex.bytes(String(fields[1]))
        }
        return contents
    }

    /// Writes `files` as a stored ZIP64 archive: every size and offset in its 64-bit extra field,
    /// a ZIP64 end record and locator, and the classic end record's fields all ones.
    private func writeZip64(_ files: [(String, String)], prefix: String, to url: URL) throws {
        let script = """
            import json, struct, sys, zlib
            files = json.loads(sys.stdin.read())
            prefix = sys.argv[2].encode()
            body, central = b"", b""
            for name, text in files:
                data, raw = text.encode(), name.encode()
                crc, offset = zlib.crc32(text.encode()), len(body)
                extra = struct.pack("<HHQQ", 1, 16, len(data), len(data))
                body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0x800, 0, 0, 0, crc,
                                    0xFFFFFFFF, 0xFFFFFFFF, len(raw), len(extra)) + raw + extra + data
                extra = struct.pack("<HHQQQ", 1, 24, len(data), len(data), offset)
                central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0x800, 0, 0, 0, crc,
                                       0xFFFFFFFF, 0xFFFFFFFF, len(raw), len(extra), 0, 0, 0, 0,
                                       0xFFFFFFFF) + raw + extra
            end64 = len(body) + len(central)
            record = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, len(files), len(files),
                                 len(central), len(body))
            locator = struct.pack("<IIQI", 0x07064B50, 0, end64, 1)
            end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
            open(sys.argv[1], "wb").write(prefix + body + central + record + locator + end)
            """
        let spec = try JSONSerialization.data(withJSONObject: files.map { [$0.0, $0.1] })
        let result = try Processes.python(script, [url.path, prefix], stdin: spec)
        try #require(result.status == 0, "\(result.stderrText)")
    }

    /// Where the central-directory record of `name` starts.
    static func centralRecord(of name: String, in bytes: [UInt8]) -> Int? {
        let target = Array(name.utf8)
        var index = 0
        while let found = lastIndex(of: [0x50, 0x4B, 0x01, 0x02], in: bytes, before: bytes.count - index) {
            let length = Int(bytes[found + 28]) | Int(bytes[found + 29]) << 8
            if Array(bytes[(found + 46)..<(found + 46 + length)]) == target { return found }
            index = bytes.count - found
        }
        return nil
    }

    static func lastIndex(of pattern: [UInt8], in bytes: [UInt8], before limit: Int? = nil) -> Int? {
        var index = min(limit ?? bytes.count, bytes.count) - pattern.count
        while index >= 0 {
            if Array(bytes[index..<index + pattern.count]) == pattern { return index }
            index -= 1
        }
        return nil
    }

    static func put32(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
        for shift in 0..<4 { bytes[offset + shift] = UInt8(truncatingIfNeeded: value >> (8 * shift)) }
    }
}
