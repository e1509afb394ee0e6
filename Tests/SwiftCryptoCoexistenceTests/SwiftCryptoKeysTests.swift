import Crypto
import Foundation
import GMCrypto
import Testing

/// Keys a service already holds as swift-crypto values come into GMCrypto through their
/// standard representations (raw, DER, PEM), exactly as swift-crypto emits them, and the
/// signatures of each side verify on the other.
@Suite struct SwiftCryptoKeysTests {
    static let message = Data("统一身份认证令牌".utf8)

    @Test func p256PrivateKeysComeInThroughRawDERAndPEM() throws {
        let theirs = P256.Signing.PrivateKey()
        let fromRaw = try NISTP256.Signing.PrivateKey(rawRepresentation: theirs.rawRepresentation)
        let fromDER = try NISTP256.Signing.PrivateKey(derRepresentation: theirs.derRepresentation)
        let fromPEM = try NISTP256.Signing.PrivateKey(pemRepresentation: theirs.pemRepresentation)
        for ours in [fromRaw, fromDER, fromPEM] {
            #expect(ours.rawRepresentation == theirs.rawRepresentation)
            #expect(ours.publicKey.rawRepresentation == theirs.publicKey.rawRepresentation)
        }
        // And back: swift-crypto reads what GMCrypto writes.
        #expect(
            try P256.Signing.PrivateKey(pemRepresentation: fromRaw.pemRepresentation).rawRepresentation
                == theirs.rawRepresentation)
        #expect(
            try P256.Signing.PrivateKey(derRepresentation: fromRaw.derRepresentation).rawRepresentation
                == theirs.rawRepresentation)
    }

    @Test func p256PublicKeysComeInThroughEveryRepresentation() throws {
        let theirs = P256.Signing.PrivateKey().publicKey
        let representations: [NISTP256.Signing.PublicKey] = [
            try .init(rawRepresentation: theirs.rawRepresentation),
            try .init(x963Representation: theirs.x963Representation),
            try .init(compressedRepresentation: theirs.compressedRepresentation),
            try .init(derRepresentation: theirs.derRepresentation),
            try .init(pemRepresentation: theirs.pemRepresentation),
        ]
        for ours in representations {
            #expect(ours.x963Representation == theirs.x963Representation)
        }
        #expect(
            try P256.Signing.PublicKey(derRepresentation: representations[0].derRepresentation).rawRepresentation
                == theirs.rawRepresentation)
    }

    @Test func p256SignaturesCrossBothWays() throws {
        let theirKey = P256.Signing.PrivateKey()
        let ourKey = try NISTP256.Signing.PrivateKey(pemRepresentation: theirKey.pemRepresentation)
        let theirSignature = try theirKey.signature(for: Self.message)
        let readRaw = try NISTP256.Signing.ECDSASignature(rawRepresentation: theirSignature.rawRepresentation)
        let readDER = try NISTP256.Signing.ECDSASignature(derRepresentation: theirSignature.derRepresentation)
        #expect(readRaw == readDER)
        #expect(ourKey.publicKey.isValidSignature(readRaw, for: Self.message))
        #expect(!ourKey.publicKey.isValidSignature(readRaw, for: Self.message + [0]))

        let ourSignature = try ourKey.signature(for: Self.message)
        let asTheirs = try P256.Signing.ECDSASignature(derRepresentation: ourSignature.derRepresentation)
        #expect(theirKey.publicKey.isValidSignature(asTheirs, for: Self.message))
        #expect(
            try P256.Signing.ECDSASignature(rawRepresentation: ourSignature.rawRepresentation).derRepresentation
                == asTheirs.derRepresentation)
    }

    @Test func ed25519KeysAndSignaturesCross() throws {
        let theirs = Curve25519.Signing.PrivateKey()
        let ours = try Ed25519.Signing.PrivateKey(rawRepresentation: theirs.rawRepresentation)
        #expect(ours.publicKey.rawRepresentation == theirs.publicKey.rawRepresentation)
        let ourPublic = try Ed25519.Signing.PublicKey(rawRepresentation: theirs.publicKey.rawRepresentation)

        let theirSignature = try theirs.signature(for: Self.message)
        #expect(ourPublic.isValidSignature(theirSignature, for: Self.message))
        #expect(!ourPublic.isValidSignature(theirSignature, for: Self.message + [0]))
        let ourSignature = try ours.signature(for: Self.message)
        #expect(theirs.publicKey.isValidSignature(ourSignature, for: Self.message))
        // Ed25519 is deterministic (RFC 8032): both sides sign alike.
        #expect(ourSignature == theirSignature)
    }

    @Test func secretKeyBytesComeAcrossForHMAC() throws {
        let theirs = SymmetricKey(size: .bits256)
        let ours = theirs.withUnsafeBytes { SecretKey(data: Data($0)) }
        let theirCode = HMAC<SHA256>.authenticationCode(for: Self.message, using: theirs)
        let ourCode = KeyedHash<SHA2.SHA256>.authenticationCode(for: Self.message, using: ours)
        #expect(Array(theirCode) == ourCode.bytes)
    }
}
