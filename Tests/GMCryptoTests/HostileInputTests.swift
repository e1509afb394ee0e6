import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport

/// Random and mutated bytes thrown at every parser: each must answer with a typed error
/// (or a valid value), never crash, trap or hang.
@Suite struct HostileInputTests {
    @Test func parsersSurviveRandomAndMutatedInput() throws {
        // A fixed seed, so a failure reproduces.
        var random = SeededGenerator(seed: 20_260_121)
        let key = SM2.Signing.PrivateKey()
        let seeds: [[UInt8]] = [
            [UInt8](key.derRepresentation), [UInt8](key.publicKey.derRepresentation),
            [UInt8](try key.signature(for: [1]).derRepresentation),
            [UInt8](try SM2.Encryption.encrypt([1, 2, 3], to: key.publicKey, format: .asn1)),
        ]
        var typedErrors = 0
        for round in 0..<1500 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int.random(in: 0...120, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
            } else {
                bytes = seeds[round % seeds.count]
                for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
            }
            let attempts: [() throws -> Any] = [
                { try SM2.Signing.PrivateKey(derRepresentation: bytes) },
                { try SM2.Signing.PublicKey(derRepresentation: bytes) },
                { try SM2.Signing.PublicKey(rawRepresentation: bytes) },
                { try SM2.Signing.Signature(derRepresentation: bytes) },
                { try NISTP256.Signing.PublicKey(derRepresentation: bytes) },
                { try Ed25519.Signing.PublicKey(derRepresentation: bytes) },
                { try RSA.Signing.PublicKey(derRepresentation: bytes) },
                { try SM2.Encryption.decrypt(bytes, using: key, format: .asn1) },
                { try SM2.Encryption.decrypt(bytes, using: key, format: .c1c3c2) },
                {
                    try SM2.Signing.PrivateKey(
                        pemRepresentation:
                            "-----BEGIN PRIVATE KEY-----\n\(Data(bytes).base64EncodedString())\n-----END PRIVATE KEY-----"
                    )
                },
            ]
            for attempt in attempts {
                do {
                    _ = try attempt()
                } catch is GMCryptoError {
                    typedErrors += 1
                }
            }
        }
        #expect(typedErrors > 10_000)
    }
}
