import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport

@Suite struct SM3Tests {
    @Test func standardVectors() throws {
        let file = try Vectors.load("sm3", as: Vectors.SM3File.self)
        #expect(file.vectors.count == 2)
        for vector in file.vectors {
            let digest = SM3.hash(data: vector.message)
            #expect(digest.hexString == vector.digest, "\(vector.name)")
            #expect(digest == (try Hex.bytes(vector.digest)))
        }
    }

    @Test func streamingMatchesOneShotAcrossSplits() throws {
        let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let expected = SM3.hash(data: message)
        for split in [0, 1, 63, 64, 65, 999, 1000] {
            var hasher = SM3()
            hasher.update(data: message[..<split])
            hasher.update(data: message[split...])
            #expect(hasher.finalize() == expected, "split at \(split)")
        }
    }

    @Test func copiesAreIndependentAndFinalizeCanContinue() {
        var first = SM3()
        first.update(data: Array("ab".utf8))
        var second = first
        second.update(data: Array("c".utf8))
        #expect(second.finalize().hexString == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
        #expect(first.finalize() == SM3.hash(data: Array("ab".utf8)))
        first.update(data: Array("c".utf8))
        #expect(first.finalize() == second.finalize())
    }

    @Test func nonContiguousDataHashesLikeContiguous() {
        let parts = DispatchData.joined([Array("ab".utf8), Array("c".utf8)])
        #expect(SM3.hash(data: parts) == SM3.hash(data: Array("abc".utf8)))
    }

    @Test func digestFromBytesChecksLength() throws {
        let digest = SM3.hash(data: Data())
        #expect(try SM3Digest(bytes: digest.bytes) == digest)
        #expect(throws: GMCryptoError.invalidLength(what: "a digest of SM3", expected: "32", actual: 31)) {
            try SM3Digest(bytes: digest.bytes.dropLast())
        }
        #expect(!(digest == digest.bytes.dropLast()))
    }

    @Test func matchesOpenSSLAndGmssl() throws {
        let message = Data((0..<777).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        let openSSLOutput = try openssl(["dgst", "-sm3", "-r"], stdin: message)
        let expected = SM3.hash(data: message).hexString
        #expect(openSSLOutput.stdoutText.hasPrefix(expected))
        guard try Processes.pythonHas(["gmssl"]) else { return }
        let python = try Processes.python(
            "import sys; from gmssl import sm3; print(sm3.sm3_hash(list(sys.stdin.buffer.read())))", stdin: message)
        #expect(python.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
    }

    @Test func hmacSM3MatchesOpenSSL() throws {
        let key = SecretKey(data: Array("zhengwukit-secret".utf8))
        let message = Data("政务服务".utf8)
        let code = KeyedHash<SM3>.authenticationCode(for: message, using: key)
        let result = try openssl(
            ["mac", "-digest", "SM3", "-macopt", "key:zhengwukit-secret", "HMAC"], stdin: message)
        #expect(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == code.hexString)
        #expect(KeyedHash<SM3>.isValidAuthenticationCode(code.bytes, authenticating: message, using: key))
        var tampered = code.bytes
        tampered[31] ^= 1
        #expect(!KeyedHash<SM3>.isValidAuthenticationCode(tampered, authenticating: message, using: key))
        #expect(!KeyedHash<SM3>.isValidAuthenticationCode(code.bytes.dropLast(), authenticating: message, using: key))
    }

    @Test func hmacStreamingMatchesOneShot() {
        let key = SecretKey(size: .bits256)
        var mac = KeyedHash<SM3>(key: key)
        mac.update(data: Array("message ".utf8))
        mac.update(data: Array("digest".utf8))
        #expect(mac.finalize() == KeyedHash<SM3>.authenticationCode(for: Array("message digest".utf8), using: key))
    }
}

extension DispatchData {
    static func joined(_ parts: [[UInt8]]) -> DispatchData {
        var data = DispatchData.empty
        for part in parts {
            part.withUnsafeBytes { data.append($0) }
        }
        return data
    }
}
