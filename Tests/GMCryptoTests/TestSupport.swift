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
