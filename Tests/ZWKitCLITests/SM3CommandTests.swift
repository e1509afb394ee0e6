import Foundation
import Testing
import ZWKitTestSupport

/// `zwkit sm3` reproduces the GB/T 32905 vectors (Specs/vectors/sm3.json).
@Suite struct SM3CommandTests {
    struct Vectors: Decodable {
        struct Vector: Decodable {
            let messageASCII: String
            let `repeat`: Int
            let digest: String
        }
        let vectors: [Vector]
    }

    @Test func standardVectorsFromStandardInput() throws {
        let url = Fixtures.specs.appendingPathComponent("vectors/sm3.json")
        let file = try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
        #expect(file.vectors.count == 2)
        for vector in file.vectors {
            let message = Data(String(repeating: vector.messageASCII, count: vector.repeat).utf8)
            let result = try Processes.zwkit(["sm3", "-"], stdin: message)
            #expect(result.status == 0)
            #expect(result.stdoutText == vector.digest + "\n")
        }
    }

    @Test func filesAndJSON() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let path = directory.appendingPathComponent("abc.txt").path
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        let digest = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"

        let json = try Processes.zwkit(["sm3", "--json", path])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: json.stdout) as? [String: String]
        #expect(object?["digest"] == digest)
        #expect(object?["file"] == path)

        let two = try Processes.zwkit(["sm3", path, path])
        #expect(two.stdoutText == "\(digest)  \(path)\n\(digest)  \(path)\n")
    }

    @Test func unreadableFileExitsWithUsageStatus() throws {
        let result = try Processes.zwkit(["sm3", "/nonexistent/zwkit-file"])
        #expect(result.status == 2)
        #expect(result.stderrText.contains("cannot read"))
    }
}
