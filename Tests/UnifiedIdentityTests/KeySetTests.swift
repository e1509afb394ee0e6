import Foundation
import GMCrypto
import Testing

@testable import UnifiedIdentity

@Suite struct KeySetTests {
    @Test func rotationKeepsOldTokensValidUntilTheKeyIsRetired() async throws {
        let first = try SigningKey.generate(.sm2)
        let second = try SigningKey.generate(.sm2)
        var keys = KeySet(signingKey: first)
        let oldToken = try TestTokens.issuer(first).issue(TestTokens.claims())

        keys.rotate(to: second)
        #expect(keys.signingKey?.keyID == second.keyID)
        #expect(keys.verificationKeys.map(\.keyID) == [first.keyID, second.keyID])
        let newToken = try TestTokens.issuer(second).issue(TestTokens.claims())
        _ = try await TestTokens.verifier(keys).verify(oldToken)
        _ = try await TestTokens.verifier(keys).verify(newToken)

        keys.retire(keyID: first.keyID)
        await #expect(throws: TokenError.retiredKey(kid: first.keyID)) {
            try await TestTokens.verifier(keys).verify(oldToken)
        }
        _ = try await TestTokens.verifier(keys).verify(newToken)
        #expect(keys.jwks().keys.map(\.keyID) == [second.keyID])
    }

    @Test func withoutAKidExactlyOneKeyOfTheTypeMustFit() async throws {
        let key = try SigningKey.generate(.p256)
        let token = try TestTokens.sign(header: #"{"alg":"ES256"}"#, payload: TestTokens.payload(), with: key)
        _ = try await TestTokens.verifier(KeySet(verificationKeys: [key.publicKey])).verify(token)
        let two = KeySet(verificationKeys: [key.publicKey, try SigningKey.generate(.p256).publicKey])
        await #expect(throws: TokenError.unknownKey(kid: nil)) { try await TestTokens.verifier(two).verify(token) }
    }

    @Test func jwksRoundTripsEveryKeyType() async throws {
        let signers = try [KeyKind.sm2, .p256, .ed25519].map { try SigningKey.generate($0) }
        let published = KeySet(verificationKeys: signers.map(\.publicKey)).jwks()
        let text = published.jsonString
        let reread = try JWKSet(jsonString: text)
        #expect(reread == published)
        let keys = try KeySet(jwks: reread)
        for signer in signers {
            let token = try TestTokens.issuer(signer).issue(TestTokens.claims())
            _ = try await TestTokens.verifier(keys).verify(token)
        }
        let sm2 = try #require(reread.keys.first { $0.curve == "SM2" })
        #expect(sm2.keyType == "EC")
        #expect(sm2.algorithm == "SM2SM3")
        #expect(sm2.use == "sig")
        #expect(try sm2.thumbprint() == signers[0].keyID)
        #expect(Base64URL.decode(sm2.members["x"]?.stringValue ?? "")?.count == 32)
        #expect(Base64URL.decode(sm2.members["y"]?.stringValue ?? "")?.count == 32)
    }

    @Test(
        "an EC coordinate written without its leading zero bytes (as authlib writes one key in 128) verifies",
        arguments: [KeyKind.sm2, .p256])
    func shortCoordinatesArePaddedBack(kind: KeyKind) async throws {
        // A key one of whose coordinates starts with a zero byte, found by trying.
        var found: (key: SigningKey, member: String, object: [String: Any])?
        for _ in 0..<5_000 where found == nil {
            let key = try SigningKey.generate(kind)
            let text = KeySet(verificationKeys: [key.publicKey]).jwks().jsonString
            let set = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let object = try #require((set["keys"] as? [[String: Any]])?.first)
            for member in ["x", "y"] where try Self.coordinate(object, member).first == 0 {
                found = (key, member, object)
            }
        }
        let (key, member, object) = try #require(found)
        var short = object
        let bytes = try Self.coordinate(object, member)
        short[member] = Base64URL.encode(Data(bytes.drop { $0 == 0 }))
        let token = try TestTokens.issuer(key).issue(TestTokens.claims())
        _ = try await TestTokens.verifier(try KeySet(jwks: Self.set(short))).verify(token)

        var long = object
        long[member] = Base64URL.encode(Data([0] + bytes))
        #expect(throws: JWKError.self) { try KeySet(jwks: Self.set(long)) }
    }

    private static func coordinate(_ object: [String: Any], _ member: String) throws -> [UInt8] {
        let text = try #require(object[member] as? String)
        return try #require(Base64URL.decode(text))
    }

    private static func set(_ object: [String: Any]) throws -> JWKSet {
        let data = try JSONSerialization.data(withJSONObject: ["keys": [object]])
        return try JWKSet(jsonString: String(decoding: data, as: UTF8.self))
    }

    @Test func rfc7638ThumbprintOfTheRFCsRSAKey() throws {
        // RFC 7638 §3.1's example key and thumbprint.
        let jwk = try JWK(
            jsonString:
                #"{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}"#
        )
        #expect(try jwk.thumbprint() == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
        let key = try VerificationKey(jwk: jwk)
        #expect(key.keyType == .rsa)
        #expect(key.keyID == "2011-04-29")
    }

    @Test func rfc8037ThumbprintOfTheRFCsEd25519Key() throws {
        let jwk = try JWK(
            jsonString: #"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#)
        #expect(try jwk.thumbprint() == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")
        #expect(try VerificationKey(jwk: jwk).keyID == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")
    }

    @Test func jwksWithPrivateOrSymmetricMaterialIsRefused() throws {
        #expect(throws: JWKError.privateMaterial("d")) {
            try JWK(
                jsonString:
                    #"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}"#
            )
        }
        #expect(throws: JWKError.self) { try JWK(jsonString: #"{"kty":"oct","k":"c2VjcmV0"}"#) }
        #expect(throws: JWKError.self) {
            try JWK(jsonString: #"{"kty":"EC","crv":"P-256","x":"AA","y":"AA","use":"enc"}"#)
        }
        // Coordinates that are not a point on the curve.
        let offCurve =
            #"{"kty":"EC","crv":"SM2","x":"\#(Base64URL.encode([UInt8](repeating: 1, count: 32)))","y":"\#(Base64URL.encode([UInt8](repeating: 2, count: 32)))"}"#
        #expect(throws: JWKError.self) { try VerificationKey(jwk: JWK(jsonString: offCurve)) }
        #expect(throws: JWKError.self) { try JWKSet(jsonString: #"{"keys":{}}"#) }
    }

    @Test func pemRoundTripsAndYieldsTheSameKid() throws {
        for keyType in [KeyKind.sm2, .p256, .ed25519] {
            let key = try SigningKey.generate(keyType)
            #expect(try SigningKey(pemRepresentation: key.pemRepresentation).keyID == key.keyID)
            #expect(try VerificationKey(pemRepresentation: key.publicKey.pemRepresentation).keyID == key.keyID)
        }
    }
}
