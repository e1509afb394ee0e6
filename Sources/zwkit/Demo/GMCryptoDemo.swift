import Foundation
import GMCrypto
import ZhengwuKitSupport

/// The 国密 section of `zwkit demo`: the GB/T test vectors reproduced, then a fresh key
/// signing, verifying, encrypting, as a department developer would use GMCrypto.
struct GMCryptoDemo: DemoSection {
    let title = "国密 GMCrypto (SM2 / SM3 / SM4)"

    func run() async throws {
        let digest = SM3.hash(data: Data("abc".utf8))
        Console.output("SM3(\"abc\")            = \(digest.hexString)")
        try check(
            digest.hexString == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
            "SM3 disagrees with GB/T 32905 A.1")

        let sm4Key = SecretKey(data: try hex("0123456789abcdeffedcba9876543210"))
        let block = try SM4.ECB.encrypt(try hex("0123456789abcdeffedcba9876543210"), using: sm4Key, padding: .none)
        Console.output("SM4(GB/T 32907 A.1)    = \(Hex.encode(block))")
        try check(Hex.encode(block) == "681edf34d206965e86b3e94f536e4246", "SM4 disagrees with GB/T 32907 A.1")

        // GB/T 32918.5's example: its signature verifies with ID 1234567812345678, not with an empty one.
        let standardKey = try SM2.Signing.PublicKey(
            rawRepresentation: try hex(
                "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
                    + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13"))
        let standardSignature = try SM2.Signing.Signature(
            rawRepresentation: try hex(
                "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3"
                    + "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA"))
        let message = Data("message digest".utf8)
        let z = try standardKey.zValue()
        Console.output("SM2 Z_A (GB/T 32918.5) = \(z.hexString)")
        try check(
            z.hexString == "b2e14c5c79c6df5b85f4fe7ed8db7a262b9da7e07ccb0ea9f4747b8ccda8a4f3", "Z_A disagrees")
        let standardValid = standardKey.isValidSignature(standardSignature, for: message)
        let emptyIDValid = standardKey.isValidSignature(standardSignature, for: message, userID: "")
        Console.output(
            "SM2 standard signature: valid with ID 1234567812345678: \(standardValid); with empty ID: \(emptyIDValid)")
        try check(standardValid && !emptyIDValid, "the GB/T 32918.5 signature example does not behave as specified")

        let key = SM2.Signing.PrivateKey()
        let document = Data("关于开展政务服务事项标准化工作的通知".utf8)
        let signature = try key.signature(for: document)
        let valid = key.publicKey.isValidSignature(signature, for: document)
        let tampered = key.publicKey.isValidSignature(signature, for: document + Data([0]))
        Console.output(
            "fresh SM2 key: signature (\(signature.derRepresentation.count) bytes DER) valid: \(valid); tampered: \(tampered)"
        )
        try check(valid && !tampered, "a fresh SM2 signature does not behave")

        let secret = try SM2.Encryption.encrypt(document, to: key.publicKey)
        let opened = try SM2.Encryption.decrypt(secret, using: key)
        Console.output("SM2 encryption (C1C3C2, \(secret.count) bytes) round trip: \(opened == document)")
        try check(opened == document, "SM2 decryption did not return the plaintext")
    }

    /// A demo check that came out wrong.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private func check(_ condition: Bool, _ message: String) throws {
        if !condition { throw Failure(description: message) }
    }

    private func hex(_ text: String) throws -> [UInt8] {
        guard let bytes = Hex.decode(text) else { throw Failure(description: "not hexadecimal: \(text)") }
        return bytes
    }
}
