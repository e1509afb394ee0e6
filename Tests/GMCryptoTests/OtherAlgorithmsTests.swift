import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport

/// P-256 (ES256), Ed25519 and RS256 through the same backend, checked against openssl.
@Suite struct OtherAlgorithmsTests {
    let message = Data("token payload".utf8)

    @Test func p256SignaturesInteroperateWithOpenSSL() throws {
        let scratch = try Scratch()
        let key = NISTP256.Signing.PrivateKey()
        let signature = try key.signature(for: message)
        #expect(signature.rawRepresentation.count == 64)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(!key.publicKey.isValidSignature(signature, for: message.dropFirst()))
        #expect(try NISTP256.Signing.ECDSASignature(derRepresentation: signature.derRepresentation) == signature)

        let publicPath = try scratch.write(Data(key.publicKey.pemRepresentation.utf8), "pub.pem")
        let dataPath = try scratch.write(message, "data")
        let signaturePath = try scratch.write(signature.derRepresentation, "sig")
        let verified = try openssl(["dgst", "-sha256", "-verify", publicPath, "-signature", signaturePath, dataPath])
        #expect(verified.stdoutText.contains("Verified OK"))

        let keyPath = try scratch.write(Data(key.pemRepresentation.utf8), "key.pem")
        try openssl(["dgst", "-sha256", "-sign", keyPath, "-out", scratch.path("theirs"), dataPath])
        let theirs = try NISTP256.Signing.ECDSASignature(derRepresentation: try scratch.read("theirs"))
        #expect(key.publicKey.isValidSignature(theirs, for: message))
    }

    @Test func p256RawFormsRoundTrip() throws {
        let key = NISTP256.Signing.PrivateKey()
        let again = try NISTP256.Signing.PrivateKey(rawRepresentation: key.rawRepresentation)
        #expect(again.publicKey.rawRepresentation == key.publicKey.rawRepresentation)
        let publicKey = key.publicKey
        #expect(publicKey.rawRepresentation.count == 64)
        #expect(publicKey.x963Representation == Data([0x04]) + publicKey.rawRepresentation)
        let fromCompressed = try NISTP256.Signing.PublicKey(
            compressedRepresentation: publicKey.compressedRepresentation)
        #expect(fromCompressed.x963Representation == publicKey.x963Representation)
        #expect(
            try NISTP256.Signing.PublicKey(derRepresentation: publicKey.derRepresentation).rawRepresentation
                == publicKey.rawRepresentation)
    }

    @Test func ed25519InteroperatesWithOpenSSL() throws {
        let scratch = try Scratch()
        let keyPath = scratch.path("key.pem")
        try openssl(["genpkey", "-algorithm", "ED25519", "-out", keyPath])
        let dataPath = try scratch.write(message, "data")
        try openssl(["pkeyutl", "-sign", "-rawin", "-inkey", keyPath, "-in", dataPath, "-out", scratch.path("sig")])
        let key = try Ed25519.Signing.PrivateKey(
            pemRepresentation: String(decoding: try scratch.read("key.pem"), as: UTF8.self))
        let theirs = try scratch.read("sig")
        #expect(key.publicKey.isValidSignature(theirs, for: message))
        // Ed25519 is deterministic: our signature is byte-identical to OpenSSL's.
        #expect(try key.signature(for: message) == theirs)
        #expect(key.rawRepresentation.count == 32)
        #expect(key.publicKey.rawRepresentation.count == 32)
        let rebuilt = try Ed25519.Signing.PrivateKey(rawRepresentation: key.rawRepresentation)
        #expect(rebuilt.publicKey.rawRepresentation == key.publicKey.rawRepresentation)
        var tampered = [UInt8](theirs)
        tampered[10] ^= 1
        #expect(!key.publicKey.isValidSignature(tampered, for: message))
    }

    @Test func rs256VerifiesOpenSSLSignaturesFromPEMAndFromModulus() throws {
        let scratch = try Scratch()
        let keyPath = scratch.path("rsa.pem")
        try openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", keyPath])
        try openssl(["pkey", "-in", keyPath, "-pubout", "-out", scratch.path("pub.pem")])
        let dataPath = try scratch.write(message, "data")
        try openssl(["dgst", "-sha256", "-sign", keyPath, "-out", scratch.path("sig"), dataPath])
        let signature = try scratch.read("sig")

        let fromPEM = try RSA.Signing.PublicKey(
            pemRepresentation: String(decoding: try scratch.read("pub.pem"), as: UTF8.self))
        #expect(fromPEM.modulusBitCount == 2048)
        #expect(fromPEM.isValidSignature(signature, for: message))
        #expect(!fromPEM.isValidSignature(signature, for: message + [0]))

        let modulusText = try openssl(["rsa", "-pubin", "-in", scratch.path("pub.pem"), "-noout", "-modulus"])
            .stdoutText
        let modulusHex = modulusText.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(
            of: "Modulus=", with: "")
        let fromNumbers = try RSA.Signing.PublicKey(modulus: try Hex.bytes(modulusHex), exponent: [0x01, 0x00, 0x01])
        #expect(fromNumbers.isValidSignature(signature, for: message))
        #expect(fromNumbers.derRepresentation == fromPEM.derRepresentation)
    }

    @Test func pooledContextsSurviveRepeatedUseOfOneKey() throws {
        let ed25519 = Ed25519.Signing.PrivateKey()
        let p256 = NISTP256.Signing.PrivateKey()
        let sm2 = SM2.Signing.PrivateKey()
        for index in 0..<5 {
            let message = Data("message \(index)".utf8)
            let edSignature = try ed25519.signature(for: message)
            #expect(ed25519.publicKey.isValidSignature(edSignature, for: message))
            #expect(!ed25519.publicKey.isValidSignature([UInt8](repeating: 0, count: 64), for: message))
            let p256Signature = try p256.signature(for: message)
            #expect(p256.publicKey.isValidSignature(p256Signature, for: message))
            let sm2Signature = try sm2.signature(for: message)
            #expect(sm2.publicKey.isValidSignature(sm2Signature, for: message))
            #expect(!sm2.publicKey.isValidSignature(sm2Signature, for: message + [0]))
        }
    }

    @Test func rsaKeysBelow2048BitsAreRefused() throws {
        let scratch = try Scratch()
        let keyPath = scratch.path("rsa.pem")
        try openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", keyPath])
        let publicPEM = try openssl(["pkey", "-in", keyPath, "-pubout"]).stdoutText
        #expect(throws: GMCryptoError.self) { try RSA.Signing.PublicKey(pemRepresentation: publicPEM) }
        #expect(throws: GMCryptoError.self) { try RSA.Signing.PublicKey(modulus: [0xff, 0xff], exponent: [3]) }
    }
}
