import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport

/// The SM2 signature example of GB/T 32918.5 (Specs/vectors/sm2-signature.json).
@Suite struct SM2StandardVectorTests {
    let vector: Vectors.SM2SignatureFile.Vector
    let publicKey: SM2.Signing.PublicKey
    let signature: SM2.Signing.Signature
    let message: [UInt8]

    init() throws {
        vector = try Vectors.sm2Example
        publicKey = try SM2.Signing.PublicKey(
            x963Representation: [0x04] + Hex.bytes(vector.publicKeyX) + Hex.bytes(vector.publicKeyY))
        signature = try SM2.Signing.Signature(rawRepresentation: Hex.bytes(vector.r) + Hex.bytes(vector.s))
        message = Array(vector.messageASCII.utf8)
    }

    @Test func privateKeyDerivesThePublicKey() throws {
        let privateKey = try SM2.Signing.PrivateKey(rawRepresentation: Hex.bytes(vector.privateKey))
        #expect(privateKey.publicKey.x963Representation == publicKey.x963Representation)
        #expect(Hex.string(privateKey.rawRepresentation) == vector.privateKey.lowercased())
    }

    @Test func zAndEMatchTheStandard() throws {
        let userID = SM2.UserID(vector.userIDASCII)
        #expect(try publicKey.zValue(userID: userID).hexString == vector.z.lowercased())
        #expect(try publicKey.digest(for: message, userID: userID).hexString == vector.e.lowercased())
    }

    @Test func signatureVerifiesWithTheDefaultID() {
        #expect(SM2.UserID.default == SM2.UserID(vector.userIDASCII))
        #expect(publicKey.isValidSignature(signature, for: message))
        // The DER form, re-parsed, is the same signature.
        let reparsed = try? SM2.Signing.Signature(derRepresentation: signature.derRepresentation)
        #expect(reparsed == signature)
    }

    @Test func signatureFailsWithAnEmptyIDOrAnotherID() {
        #expect(!publicKey.isValidSignature(signature, for: message, userID: ""))
        #expect(!publicKey.isValidSignature(signature, for: message, userID: "1234567812345679"))
    }

    @Test func precomputedDigestVerifies() throws {
        let e = try SM3Digest(bytes: Hex.bytes(vector.e))
        #expect(publicKey.isValidSignature(signature, for: e))
        let emptyIDDigest = try publicKey.digest(for: message, userID: "")
        #expect(!publicKey.isValidSignature(signature, for: emptyIDDigest))
    }

    @Test func everySingleByteTamperFails() throws {
        for index in message.indices {
            var tampered = message
            tampered[index] ^= 0x01
            #expect(!publicKey.isValidSignature(signature, for: tampered), "message byte \(index)")
        }
        let raw = [UInt8](signature.rawRepresentation)
        for index in raw.indices {
            var tampered = raw
            tampered[index] ^= 0x80
            let changed = try SM2.Signing.Signature(rawRepresentation: tampered)
            #expect(!publicKey.isValidSignature(changed, for: message), "signature byte \(index)")
        }
        let point = [UInt8](publicKey.rawRepresentation)
        for index in point.indices {
            var tampered = point
            tampered[index] ^= 0x01
            // Almost every change leaves the curve (invalidKey); a key that loads must not verify.
            if let changed = try? SM2.Signing.PublicKey(rawRepresentation: tampered) {
                #expect(!changed.isValidSignature(signature, for: message), "public key byte \(index)")
            }
        }
    }

    @Test func signingTheStandardDigestProducesAVerifiableSignature() throws {
        let privateKey = try SM2.Signing.PrivateKey(rawRepresentation: Hex.bytes(vector.privateKey))
        let e = try SM3Digest(bytes: Hex.bytes(vector.e))
        let fresh = try privateKey.signature(for: e)
        #expect(publicKey.isValidSignature(fresh, for: message))
        let viaMessage = try privateKey.signature(for: message)
        #expect(publicKey.isValidSignature(viaMessage, for: e))
    }
}
