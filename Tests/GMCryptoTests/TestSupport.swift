import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport

/// Hex in and out, for vectors written as the standards print them.
/// Reads `Specs/vectors/<name>.json`.
enum Vectors {
    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = Fixtures.specs.appendingPathComponent("vectors/\(name).json")
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    struct SM3File: Decodable {
        struct Vector: Decodable {
            let name: String
            let messageASCII: String
            let `repeat`: Int
            let digest: String
            var message: [UInt8] { Array(repeating: Array(messageASCII.utf8), count: `repeat`).flatMap { $0 } }
        }
        let vectors: [Vector]
    }

    struct SM4File: Decodable {
        struct Vector: Decodable {
            let name: String
            let key: String
            let plaintext: String
            let iterations: Int
            let ciphertext: String
        }
        let vectors: [Vector]
    }

    struct SM2SignatureFile: Decodable {
        struct Vector: Decodable {
            let name: String
            let messageASCII: String
            let userIDASCII: String
            let privateKey: String
            let publicKeyX: String
            let publicKeyY: String
            let z: String
            let e: String
            let r: String
            let s: String
        }
        let vectors: [Vector]
    }

    static var sm2Example: SM2SignatureFile.Vector {
        get throws {
            let file = try load("sm2-signature", as: SM2SignatureFile.self)
            return try #require(file.vectors.first)
        }
    }
}

/// A scratch directory for files exchanged with the openssl CLI and Python.
struct Scratch: ~Copyable {
    let url: URL
    init() throws { url = try Fixtures.temporaryDirectory() }
    deinit { Fixtures.cleanUp(url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ data: Data, _ name: String) throws -> String {
        let path = path(name)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func read(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(name)))
    }
}

/// Runs openssl, failing the test with its stderr when it exits non-zero.
@discardableResult
func openssl(_ arguments: [String], stdin: Data? = nil) throws -> ProcessResult {
    let result = try Processes.run("openssl", arguments, stdin: stdin)
    if result.status != 0 {
        Issue.record("openssl \(arguments.joined(separator: " ")) failed: \(result.stderrText)")
    }
    return result
}
