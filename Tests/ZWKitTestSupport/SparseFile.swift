import Foundation

extension Fixtures {
    /// Writes a file of `holeSize` zero bytes that take no disk (a hole), followed by `tail`:
    /// an input larger than any read limit, for tests of what must stream.
    public static func sparseFile(at url: URL, holeSize: UInt64, tail: Data) throws {
        try Data().write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.truncate(atOffset: holeSize)
        try handle.seekToEnd()
        try handle.write(contentsOf: tail)
    }
}
