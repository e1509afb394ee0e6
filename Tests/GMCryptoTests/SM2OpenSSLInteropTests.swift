import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport

/// GMCrypto and the openssl CLI (3.0) must accept each other's SM2 keys and signatures,
/// with the ID `1234567812345678` set explicitly on the CLI side too.
@Suite struct SM2OpenSSLInteropTests {
    let message = Data("电子政务 interoperability: 国密 SM2 over OpenSSL".utf8)

    @Test func gmcryptoSignaturesVerifyWithOpenSSL() throws {
        let scratch = try Scratch()
        let key = SM2.Signing.PrivateKey()
        let publicPath = try scratch.write(Data(key.publicKey.pemRepresentation.utf8), "pub.pem")
        let dataPath = try scratch.write(message, "data")
        let signaturePath = try scratch.write(try key.signature(for: message).derRepresentation, "sig")
        let verified = try openssl([
            "dgst", "-sm3", "-verify", publicPath, "-sigopt", "distid:1234567812345678", "-signature", signaturePath,
            dataPath,
        ])
        #expect(verified.stdoutText.contains("Verified OK"))
        // Without the ID OpenSSL 3.0 uses an empty one, and the signature must not verify.
        let emptyID = try Processes.run(
            "openssl", ["dgst", "-sm3", "-verify", publicPath, "-signature", signaturePath, dataPath])
        #expect(emptyID.status != 0)
    }

    @Test func openSSLSignaturesVerifyInGMCrypto() throws {
        let scratch = try Scratch()
        let keyPath = scratch.path("key.pem")
        try openssl(["genpkey", "-algorithm", "SM2", "-out", keyPath])
        let dataPath = try scratch.write(message, "data")
        let signaturePath = scratch.path("sig")
        try openssl([
            "dgst", "-sm3", "-sign", keyPath, "-sigopt", "distid:1234567812345678", "-out", signaturePath, dataPath,
        ])
        let key = try SM2.Signing.PrivateKey(
            pemRepresentation: String(decoding: try scratch.read("key.pem"), as: UTF8.self))
        let signature = try SM2.Signing.Signature(derRepresentation: try scratch.read("sig"))
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(!key.publicKey.isValidSignature(signature, for: message, userID: ""))
        #expect(!key.publicKey.isValidSignature(signature, for: message.dropLast()))
    }

    @Test func keysWrittenByGMCryptoLoadInOpenSSL() throws {
        let scratch = try Scratch()
        let key = SM2.Signing.PrivateKey()
        let keyPath = try scratch.write(Data(key.pemRepresentation.utf8), "key.pem")
        let derPath = try scratch.write(key.derRepresentation, "key.der")
        let text = try openssl(["pkey", "-in", keyPath, "-noout", "-text"]).stdoutText
        #expect(text.contains("SM2"))
        // Bytes 8..<12 of d sit on OpenSSL's first "priv:" line however many leading zeros it drops.
        let middle = Hex.string(key.rawRepresentation.dropFirst(8).prefix(4)).split(by: 2).joined(separator: ":")
        #expect(text.contains(middle))
        // The public key OpenSSL derives from our private key is the one we derive.
        let publicPEM = try openssl(["pkey", "-in", derPath, "-inform", "DER", "-pubout"]).stdoutText
        #expect(publicPEM == key.publicKey.pemRepresentation)
    }

    @Test func keysWrittenByOpenSSLLoadInGMCrypto() throws {
        let scratch = try Scratch()
        let keyPath = scratch.path("key.pem")
        try openssl(["genpkey", "-algorithm", "SM2", "-out", keyPath])
        try openssl(["pkey", "-in", keyPath, "-outform", "DER", "-out", scratch.path("key.der")])
        try openssl(["pkey", "-in", keyPath, "-pubout", "-out", scratch.path("pub.pem")])
        try openssl(["pkey", "-in", keyPath, "-pubout", "-outform", "DER", "-out", scratch.path("pub.der")])
        // SEC1 "EC PRIVATE KEY" files, as `openssl ec` writes them, load as SM2 keys too.
        try openssl(["ec", "-in", keyPath, "-out", scratch.path("sec1.pem")])

        let pem = String(decoding: try scratch.read("key.pem"), as: UTF8.self)
        let fromPEM = try SM2.Signing.PrivateKey(pemRepresentation: pem)
        let fromDER = try SM2.Signing.PrivateKey(derRepresentation: try scratch.read("key.der"))
        let fromSEC1 = try SM2.Signing.PrivateKey(
            pemRepresentation: String(decoding: try scratch.read("sec1.pem"), as: UTF8.self))
        #expect(fromPEM.rawRepresentation == fromDER.rawRepresentation)
        #expect(fromSEC1.rawRepresentation == fromPEM.rawRepresentation)
        #expect(fromPEM.pemRepresentation == pem)

        let publicFromPEM = try SM2.Signing.PublicKey(
            pemRepresentation: String(decoding: try scratch.read("pub.pem"), as: UTF8.self))
        let publicFromDER = try SM2.Signing.PublicKey(derRepresentation: try scratch.read("pub.der"))
        #expect(publicFromPEM.rawRepresentation == fromPEM.publicKey.rawRepresentation)
        #expect(publicFromDER.derRepresentation == (try scratch.read("pub.der")))

        // A key from SEC1 signs with the SM2 scheme (not plain ECDSA): OpenSSL verifies it.
        let signature = try fromSEC1.signature(for: message)
        #expect(publicFromDER.isValidSignature(signature, for: message))
    }

    @Test func standardVectorVerifiesInOpenSSL() throws {
        let vector = try Vectors.sm2Example
        let scratch = try Scratch()
        let publicKey = try SM2.Signing.PublicKey(
            rawRepresentation: try Hex.bytes(vector.publicKeyX) + Hex.bytes(vector.publicKeyY))
        let signature = try SM2.Signing.Signature(rawRepresentation: try Hex.bytes(vector.r) + Hex.bytes(vector.s))
        let publicPath = try scratch.write(Data(publicKey.pemRepresentation.utf8), "pub.pem")
        let dataPath = try scratch.write(Data(vector.messageASCII.utf8), "data")
        let signaturePath = try scratch.write(signature.derRepresentation, "sig")
        let verified = try openssl([
            "dgst", "-sm3", "-verify", publicPath, "-sigopt", "distid:\(vector.userIDASCII)", "-signature",
            signaturePath, dataPath,
        ])
        #expect(verified.stdoutText.contains("Verified OK"))
    }

    @Test func signaturesInteroperateWithPythonGmssl() throws {
        guard try Processes.pythonHas(["gmssl"]) else { return }
        let key = SM2.Signing.PrivateKey()
        let publicHex = Hex.string(key.publicKey.rawRepresentation)
        let privateHex = Hex.string(key.rawRepresentation)
        // gmssl signs e = SM3(Z‖M) it computes itself ("sign_with_sm3") and returns raw r‖s hex.
        let script = """
            import sys
            from gmssl import sm2, func
            crypt = sm2.CryptSM2(private_key=sys.argv[1], public_key='')
            crypt.public_key = sys.argv[2]  # the constructor's lstrip("04") would eat digits of x
            data = sys.argv[3].encode()
            if sys.argv[4] == 'sign':
                print(crypt.sign_with_sm3(data, func.random_hex(crypt.para_len)))
            else:
                print(crypt.verify_with_sm3(sys.argv[5], data))
            """
        let text = "gmssl interop"
        let signed = try Processes.python(script, [privateHex, publicHex, text, "sign"])
        let raw = try Hex.bytes(signed.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))
        let theirs = try SM2.Signing.Signature(rawRepresentation: raw)
        #expect(key.publicKey.isValidSignature(theirs, for: Data(text.utf8)))

        let ours = try key.signature(for: Data(text.utf8))
        let verified = try Processes.python(
            script, [privateHex, publicHex, text, "verify", Hex.string(ours.rawRepresentation)])
        #expect(verified.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == "True")
    }
}

extension String {
    /// The string cut into pieces of `length` characters.
    func split(by length: Int) -> [String] {
        stride(from: 0, to: count, by: length).map { offset in
            let start = index(startIndex, offsetBy: offset)
            let end = index(start, offsetBy: length, limitedBy: endIndex) ?? endIndex
            return String(self[start..<end])
        }
    }
}
