import Foundation
import Testing
import ZhengwuKitSupport

/// The one PEM reader: every block in order, the first wanted one, and each way a block breaks.
@Suite struct PEMBlockTests {
    private static func block(_ label: String, _ bytes: [UInt8]) -> String {
        PEMBlock(label: label, derBytes: Data(bytes)).pemString
    }

    @Test func writingAndReadingRoundTripWithSixtyFourColumnLines() throws {
        let bytes = (0..<200).map { UInt8($0) }
        let text = Self.block("CERTIFICATE", bytes)
        #expect(text.split(separator: "\n").dropFirst().dropLast().allSatisfy { $0.count <= 64 })
        let blocks = try PEMBlock.blocks(in: text)
        #expect(blocks == [PEMBlock(label: "CERTIFICATE", derBytes: Data(bytes))])
    }

    @Test func everyBlockIsReadInOrderAndTextAroundThemIsIgnored() throws {
        let text =
            "subject=CN=root\r\n" + Self.block("CERTIFICATE", [1, 2, 3]) + "  comment\n\t"
            + Self.block("PRIVATE KEY", [4, 5])
        #expect(try PEMBlock.blocks(in: text).map(\.label) == ["CERTIFICATE", "PRIVATE KEY"])
        let key = try PEMBlock(parsing: text, expecting: ["EC PRIVATE KEY", "PRIVATE KEY"])
        #expect(key.label == "PRIVATE KEY" && key.derBytes == Data([4, 5]))
    }

    @Test func theFirstLabelFoundIsNamedWhenNoneIsWanted() {
        #expect(throws: PEMError.unexpectedLabel("PUBLIC KEY", expected: ["PRIVATE KEY"])) {
            try PEMBlock(parsing: Self.block("PUBLIC KEY", [1]), expecting: ["PRIVATE KEY"])
        }
        #expect(
            PEMError.unexpectedLabel("PUBLIC KEY", expected: ["PRIVATE KEY", "EC PRIVATE KEY"]).description
                == #"the PEM label is "PUBLIC KEY", expected "PRIVATE KEY" or "EC PRIVATE KEY""#)
    }

    @Test(arguments: [
        ("", PEMError.noBlock),
        ("no armour here", .noBlock),
        ("-----BEGIN X-----\nAQID\n", .malformed(#"no "-----END X-----" line"#)),
        ("-----END X-----\n", .malformed("END X without BEGIN")),
        ("-----BEGIN X-----\nAQID\n-----END Y-----\n", .malformed("BEGIN X closed by END Y")),
        ("-----BEGIN X-----\n-----BEGIN Y-----\n", .malformed("BEGIN Y inside an unfinished X block")),
        ("-----BEGIN X-----\nA*ID\n-----END X-----\n", .malformed(#"the body of the "X" block is not valid base64"#)),
        ("-----BEGIN X-----\n-----END X-----\n", .malformed(#"the body of the "X" block is not valid base64"#)),
        (
            "-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\nAQID\n-----END X-----\n",
            .malformed(#"a header line in the "X" block: encrypted or header-carrying PEM is not supported"#)
        ),
    ])
    func brokenTextIsRefusedSayingWhy(text: String, expected: PEMError) {
        #expect(throws: expected) { try PEMBlock.blocks(in: text) }
    }

    /// A bundle written by the openssl CLI (an independent writer) reads block for block.
    @Test func readsWhatOpensslWrites() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else {
            print("openssl is not at /usr/bin/openssl: the PEM cross-check is skipped")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pem-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func openssl(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "openssl \(arguments)")
        }
        try openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "key.pem"])
        try openssl(["pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem"])
        try openssl(["pkey", "-in", "key.pem", "-pubout", "-outform", "DER", "-out", "pub.der"])
        try openssl(["pkcs8", "-topk8", "-nocrypt", "-in", "key.pem", "-outform", "DER", "-out", "key.der"])
        let read = { (name: String) in try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) }
        let bundle = try read("pub.pem") + read("key.pem")
        let blocks = try PEMBlock.blocks(in: bundle)
        #expect(blocks.map(\.label) == ["PUBLIC KEY", "PRIVATE KEY"])
        #expect(blocks[0].derBytes == (try Data(contentsOf: directory.appendingPathComponent("pub.der"))))
        #expect(blocks[1].derBytes == (try Data(contentsOf: directory.appendingPathComponent("key.der"))))
        #expect(try PEMBlock(parsing: bundle, expecting: ["PRIVATE KEY"]).pemString == (try read("key.pem")))
    }
}
