import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport

/// SM2 public-key encryption (GB/T 32918.4) in its three byte layouts, against openssl and gmssl.
@Suite struct SM2EncryptionTests {
    let key = SM2.Signing.PrivateKey()
    let plaintext = Data("加密的政务数据 / encrypted e-government data".utf8)

    @Test func roundTripsInEveryFormat() throws {
        for format in [SM2.Encryption.CiphertextFormat.c1c3c2, .c1c2c3, .asn1] {
            let ciphertext = try SM2.Encryption.encrypt(plaintext, to: key.publicKey, format: format)
            #expect(try SM2.Encryption.decrypt(ciphertext, using: key, format: format) == plaintext, "\(format)")
        }
        let c1c3c2 = try SM2.Encryption.encrypt(plaintext, to: key.publicKey)
        #expect(c1c3c2.count == 1 + 64 + 32 + plaintext.count)
        #expect(c1c3c2.first == 0x04)
    }

    @Test func everySingleByteTamperFails() throws {
        let ciphertext = [UInt8](try SM2.Encryption.encrypt(Data("short".utf8), to: key.publicKey))
        for index in ciphertext.indices {
            var tampered = ciphertext
            tampered[index] ^= 0x01
            #expect(throws: GMCryptoError.self, "byte \(index)") {
                try SM2.Encryption.decrypt(tampered, using: key)
            }
        }
        let other = SM2.Signing.PrivateKey()
        #expect(throws: GMCryptoError.self) { try SM2.Encryption.decrypt(ciphertext, using: other) }
        #expect(throws: GMCryptoError.self) { try SM2.Encryption.decrypt(ciphertext.prefix(90), using: key) }
        #expect(throws: GMCryptoError.self) { try SM2.Encryption.encrypt(Data(), to: key.publicKey) }
    }

    @Test func interoperatesWithOpenSSLPkeyutl() throws {
        let scratch = try Scratch()
        let keyPath = try scratch.write(Data(key.pemRepresentation.utf8), "key.pem")
        let publicPath = try scratch.write(Data(key.publicKey.pemRepresentation.utf8), "pub.pem")
        let inPath = try scratch.write(plaintext, "in")
        try openssl(["pkeyutl", "-encrypt", "-pubin", "-inkey", publicPath, "-in", inPath, "-out", scratch.path("ct")])
        #expect(try SM2.Encryption.decrypt(try scratch.read("ct"), using: key, format: .asn1) == plaintext)

        let ours = try SM2.Encryption.encrypt(plaintext, to: key.publicKey, format: .asn1)
        let ctPath = try scratch.write(ours, "ours")
        let decrypted = try openssl(["pkeyutl", "-decrypt", "-inkey", keyPath, "-in", ctPath]).stdout
        #expect(decrypted == plaintext)
    }

    @Test func interoperatesWithPythonGmssl() throws {
        guard try Processes.pythonHas(["gmssl"]) else { return }
        let publicHex = Hex.string(key.publicKey.rawRepresentation)
        let privateHex = Hex.string(key.rawRepresentation)
        // gmssl writes C1 as x‖y without the 04 and defaults to mode 0 (C1C2C3). Its constructor
        // strips a "04" prefix with lstrip, which also eats leading 0 and 4 digits of x, so the
        // key is assigned after construction.
        let script = """
            import sys
            from gmssl import sm2
            c = sm2.CryptSM2(private_key=sys.argv[1], public_key='', mode=int(sys.argv[3]))
            c.public_key = sys.argv[2]
            if sys.argv[4] == 'encrypt':
                print(c.encrypt(sys.stdin.buffer.read()).hex())
            else:
                print(c.decrypt(bytes.fromhex(sys.argv[5])).hex())
            """
        for (mode, format) in [(1, SM2.Encryption.CiphertextFormat.c1c3c2), (0, .c1c2c3)] {
            let encrypted = try Processes.python(
                script, [privateHex, publicHex, "\(mode)", "encrypt"], stdin: plaintext)
            let theirs = try Hex.bytes(encrypted.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(theirs.count == 64 + 32 + plaintext.count)
            #expect(try SM2.Encryption.decrypt(theirs, using: key, format: format) == plaintext, "gmssl mode \(mode)")

            let ours = try SM2.Encryption.encrypt(plaintext, to: key.publicKey, format: format)
            let decrypted = try Processes.python(
                script, [privateHex, publicHex, "\(mode)", "decrypt", Hex.string(ours.dropFirst())])
            #expect(decrypted.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == Hex.string(plaintext))
        }
    }
}
