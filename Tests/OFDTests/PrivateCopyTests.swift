import Foundation
import Testing
import ZWKitTestSupport

@testable import OFD

@Suite("The private copies a package is read through")
struct PrivateCopyTests {
    @Test("A copy of bytes in memory is a new file only its owner can read, holding exactly those bytes")
    func copyOfBytes() throws {
        var generator = SeededGenerator(seed: 0x0C0F_FEE)
        let bytes = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let copy = try PrivateCopy.make(Data(bytes))
        defer { PrivateCopy.remove(copy) }
        #expect(try Data(contentsOf: copy) == Data(bytes))
        let attributes = try FileManager.default.attributesOfItem(atPath: copy.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(copy.lastPathComponent.hasPrefix("zwkit-ofd-"))

        let other = try PrivateCopy.make(Data(bytes.prefix(10)))
        defer { PrivateCopy.remove(other) }
        #expect(other != copy)
    }

    @Test("A copy from an offset of a file holds the rest of the file, and removing it removes it")
    func copyFromOffset() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let source = directory.appendingPathComponent("prefixed.ofd")
        let bytes = Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: source)
        let copy = try PrivateCopy.make(from: source, startingAt: 1_000_003)
        #expect(try Data(contentsOf: copy) == bytes.suffix(from: 1_000_003))
        PrivateCopy.remove(copy)
        #expect(!FileManager.default.fileExists(atPath: copy.path))

        #expect(throws: OFDError.self) {
            try PrivateCopy.make(from: directory.appendingPathComponent("absent.ofd"), startingAt: 0)
        }
    }
}
