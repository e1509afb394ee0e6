import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport

/// SHA-256 shares SM3's shape; its answers are held to FIPS 180-4, RFC 4231 and Python's hashlib.
@Suite struct SHA256Tests {
    @Test func fipsVectors() throws {
        #expect(
            SHA2.SHA256.hash(data: Array("abc".utf8)).hexString
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA2.SHA256.hash(data: [UInt8]()).hexString
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func streamingMatchesOneShotAcrossSplits() {
        let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let expected = SHA2.SHA256.hash(data: message)
        for split in [0, 1, 55, 64, 65, 1000] {
            var hasher = SHA2.SHA256()
            hasher.update(data: message[..<split])
            hasher.update(data: message[split...])
            #expect(hasher.finalize() == expected, "split at \(split)")
        }
    }

    @Test func hmacMatchesRFC4231TestCase2() {
        let mac = KeyedHash<SHA2.SHA256>.authenticationCode(
            for: Array("what do ya want for nothing?".utf8), using: SecretKey(data: Array("Jefe".utf8)))
        #expect(mac.hexString == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func agreesWithPythonHashlib() throws {
        guard Processes.which("python3") != nil else { return }
        let message = (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let result = try Processes.python(
            "import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())", stdin: Data(message))
        #expect(
            result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
                == SHA2.SHA256.hash(data: message).hexString)
    }

    @Test func digestsOfWrongLengthAreRefused() {
        #expect(throws: GMCryptoError.self) { try SHA2.SHA256.Digest(bytes: [UInt8](repeating: 0, count: 31)) }
    }
}
