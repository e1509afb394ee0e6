import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport

@Suite struct SM4Tests {
    let key = SecretKey(data: [UInt8](0..<16))
    let iv = Data([UInt8](repeating: 0xa5, count: 16))

    @Test func standardVectors() throws {
        let file = try Vectors.load("sm4", as: Vectors.SM4File.self)
        #expect(file.vectors.count == 2)
        for vector in file.vectors {
            let key = SecretKey(data: try Hex.bytes(vector.key))
            let plaintext = try Hex.bytes(vector.plaintext)
            let ciphertext: Data
            if vector.iterations == 1 {
                ciphertext = try SM4.ECB.encrypt(plaintext, using: key, padding: .none)
                #expect(try SM4.ECB.decrypt(ciphertext, using: key, padding: .none) == Data(plaintext))
            } else {
                // CBC with a zero IV over P‖0‖0‖… gives C_i = E(C_(i-1)): the last block is P
                // encrypted `iterations` times, in one call instead of a million.
                var input = plaintext
                input += [UInt8](repeating: 0, count: 16 * (vector.iterations - 1))
                let chained = try SM4.CBC.encrypt(input, using: key, iv: Data(count: 16), padding: .none)
                ciphertext = chained.suffix(16)
            }
            #expect(Hex.string(ciphertext) == vector.ciphertext, "\(vector.name)")
        }
    }

    @Test func cbcAndCTRMatchOpenSSL() throws {
        let scratch = try Scratch()
        let plaintext = Data((0..<100).map { UInt8($0) })
        let inPath = try scratch.write(plaintext, "in")
        let keyHex = key.withUnsafeBytes { Hex.string($0) }
        for (mode, ours) in [
            ("sm4-cbc", try SM4.CBC.encrypt(plaintext, using: key, iv: iv)),
            ("sm4-ctr", try SM4.CTR.encrypt(plaintext, using: key, counter: iv)),
            ("sm4-ecb", try SM4.ECB.encrypt(plaintext, using: key)),
        ] {
            var arguments = ["enc", "-\(mode)", "-K", keyHex, "-in", inPath]
            if mode != "sm4-ecb" { arguments += ["-iv", Hex.string(iv)] }
            let theirs = try openssl(arguments).stdout
            #expect(theirs == ours, "\(mode)")
        }
        #expect(try SM4.CTR.encrypt(plaintext, using: key, counter: iv).count == plaintext.count)
        #expect(try SM4.CBC.encrypt(plaintext, using: key, iv: iv).count == 112)
    }

    @Test func cbcMatchesPythonGmssl() throws {
        guard try Processes.pythonHas(["gmssl"]) else { return }
        let plaintext = Data("国密 SM4 与 gmssl 互通".utf8)
        let keyHex = key.withUnsafeBytes { Hex.string($0) }
        let script = """
            import sys
            from gmssl.sm4 import CryptSM4, SM4_ENCRYPT
            c = CryptSM4(); c.set_key(bytes.fromhex(sys.argv[1]), SM4_ENCRYPT)
            print(c.crypt_cbc(bytes.fromhex(sys.argv[2]), sys.stdin.buffer.read()).hex())
            """
        let result = try Processes.python(script, [keyHex, Hex.string(iv)], stdin: plaintext)
        let ours = try SM4.CBC.encrypt(plaintext, using: key, iv: iv)
        #expect(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == Hex.string(ours))
    }

    @Test func roundTripsEveryLengthAndMode() throws {
        for length in [0, 1, 15, 16, 17, 31, 32, 100] {
            let plaintext = Data((0..<length).map { UInt8(truncatingIfNeeded: $0 * 13) })
            let cbc = try SM4.CBC.encrypt(plaintext, using: key, iv: iv)
            #expect(try SM4.CBC.decrypt(cbc, using: key, iv: iv) == plaintext)
            let ecb = try SM4.ECB.encrypt(plaintext, using: key)
            #expect(try SM4.ECB.decrypt(ecb, using: key) == plaintext)
            let ctr = try SM4.CTR.encrypt(plaintext, using: key, counter: iv)
            #expect(try SM4.CTR.decrypt(ctr, using: key, counter: iv) == plaintext)
        }
    }

    @Test func badKeysIVsLengthsAndPaddingEachGetTheirError() throws {
        let shortKey = SecretKey(data: [UInt8](repeating: 1, count: 15))
        #expect(throws: GMCryptoError.invalidLength(what: "an SM4 key", expected: "16", actual: 15)) {
            try SM4.ECB.encrypt([1], using: shortKey)
        }
        #expect(throws: GMCryptoError.invalidLength(what: "an SM4-CBC IV", expected: "16", actual: 8)) {
            try SM4.CBC.encrypt([1], using: key, iv: [UInt8](repeating: 0, count: 8))
        }
        #expect(throws: GMCryptoError.self) {
            try SM4.CBC.decrypt([UInt8](repeating: 0, count: 17), using: key, iv: iv)
        }
        #expect(throws: GMCryptoError.self) { try SM4.ECB.encrypt([1, 2, 3], using: key, padding: .none) }
        let ciphertext = try SM4.CBC.encrypt(Data("padding oracle".utf8), using: key, iv: iv)
        let wrongKey = SecretKey(data: [UInt8](repeating: 9, count: 16))
        let outcome = Result { try SM4.CBC.decrypt(ciphertext, using: wrongKey, iv: iv) }
        switch outcome {
        case .failure(let error as GMCryptoError): #expect(error.code == "gmcrypto.decryption_failed")
        case .failure(let error): Issue.record("unexpected \(error)")
        // One time in 256 a wrong key still ends in valid padding; the text then differs.
        case .success(let text): #expect(text != Data("padding oracle".utf8))
        }
    }

    @Test func gcmIsAClearUnsupportedError() {
        #expect(throws: GMCryptoError.self) { try SM4.GCM.seal([1, 2, 3], using: key) }
        let error = GMCryptoErrorCapture.error { try SM4.GCM.seal([1, 2, 3], using: key) }
        #expect(error?.code == "gmcrypto.unsupported")
        #expect(error?.description.contains("OpenSSL 3.0") == true)
    }
}
