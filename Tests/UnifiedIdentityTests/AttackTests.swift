import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

@testable import UnifiedIdentity

/// Tokens an attacker would try. Each must be refused with the error naming the broken rule.
@Suite struct AttackTests {
    let sm2: SigningKey
    let p256: SigningKey
    let ed25519: SigningKey

    init() throws {
        sm2 = try SigningKey.generate(.sm2)
        p256 = try SigningKey.generate(.p256)
        ed25519 = try SigningKey.generate(.ed25519)
    }

    private var keys: KeySet { KeySet(verificationKeys: [sm2.publicKey, p256.publicKey, ed25519.publicKey]) }

    private func refusal(
        _ token: String,
        @PolicyBuilder<TokenPolicyContext> policies: () -> [any VerificationPolicy<TokenPolicyContext>] = { [] }
    ) async
        -> TokenError?
    {
        do {
            _ = try await TestTokens.verifier(keys, policies: policies).verify(token)
            return nil
        } catch {
            return error
        }
    }

    @Test func unsecuredTokensAreRefusedWhateverTheirSpelling() async {
        for alg in ["none", "None", "NONE", "nOnE"] {
            let token = TestTokens.forge(header: #"{"alg":"\#(alg)"}"#, payload: TestTokens.payload(), signature: [])
            #expect(await refusal(token) == .unsecuredToken)
            #expect(await refusal(String(token.dropLast(0)) + "AAAA") == .unsecuredToken)
        }
    }

    @Test func hmacSignedWithThePublicKeyIsRefused() async throws {
        guard try Processes.pythonHas(["hmac"]) else { return }
        for key in [sm2, p256, ed25519] {
            let header = #"{"alg":"HS256","kid":"\#(key.keyID)","typ":"JWT"}"#
            let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(TestTokens.payload().utf8))
            // The classic confusion: HMAC keyed with the bytes of the verifier's public key PEM.
            let script =
                "import hmac,hashlib,sys,base64;"
                + "print(base64.urlsafe_b64encode(hmac.new(sys.argv[1].encode(),sys.argv[2].encode(),hashlib.sha256).digest()).decode().rstrip('='))"
            let mac = try Processes.python(script, [key.publicKey.pemRepresentation, input])
            let token = input + "." + mac.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(await refusal(token) == .algorithmNotAllowed("HS256"))
        }
        for alg in ["HS384", "HS512", "RS512", "PS256", "ES384", "ES256K"] {
            let token = TestTokens.forge(header: #"{"alg":"\#(alg)"}"#, payload: TestTokens.payload(), signature: [1])
            #expect(await refusal(token) == .algorithmNotAllowed(alg))
        }
    }

    @Test func kidPointingToAnotherKeyIsRefused() async throws {
        // Signed by an outsider's SM2 key, claiming to be our SM2 key.
        let outsider = try SigningKey.generate(.sm2)
        let forged = try TestTokens.sign(
            header: #"{"alg":"SM2SM3","kid":"\#(sm2.keyID)"}"#, payload: TestTokens.payload(), with: outsider)
        #expect(await refusal(forged) == .invalidSignature)
        // Signed by our P-256 key but naming our Ed25519 key's kid.
        let crossed = try TestTokens.sign(
            header: #"{"alg":"ES256","kid":"\#(ed25519.keyID)"}"#, payload: TestTokens.payload(), with: p256)
        #expect(await refusal(crossed) == .algorithmKeyMismatch(algorithm: "ES256", keyType: "Ed25519"))
        // A kid nobody published.
        let unknown = try TestTokens.sign(
            header: #"{"alg":"ES256","kid":"nobody"}"#, payload: TestTokens.payload(), with: p256)
        #expect(await refusal(unknown) == .unknownKey(kid: "nobody"))
    }

    @Test func algorithmConfusionAcrossKeyTypesIsRefused() async throws {
        // A genuine ES256 signature relabelled as SM2 (same r‖s shape) must not verify under the SM2 key.
        let es256 = try TestTokens.sign(
            header: #"{"alg":"SM2SM3","kid":"\#(p256.keyID)"}"#, payload: TestTokens.payload(), with: p256)
        #expect(await refusal(es256) == .algorithmKeyMismatch(algorithm: "SM2SM3", keyType: "P-256"))
        let sm2AsES256 = try TestTokens.sign(
            header: #"{"alg":"ES256","kid":"\#(sm2.keyID)"}"#, payload: TestTokens.payload(), with: sm2)
        #expect(await refusal(sm2AsES256) == .algorithmKeyMismatch(algorithm: "ES256", keyType: "SM2"))
        let edAsRS = try TestTokens.sign(
            header: #"{"alg":"RS256","kid":"\#(ed25519.keyID)"}"#, payload: TestTokens.payload(), with: ed25519)
        #expect(await refusal(edAsRS) == .algorithmKeyMismatch(algorithm: "RS256", keyType: "Ed25519"))
    }

    @Test func aKeyEmbeddedInTheHeaderIsNeverUsed() async throws {
        let outsider = try SigningKey.generate(.p256)
        let embedded = outsider.publicKey.jwk().jsonString
        let token = try TestTokens.sign(
            header: #"{"alg":"ES256","jwk":\#(embedded)}"#, payload: TestTokens.payload(), with: outsider)
        #expect(await refusal(token) == .invalidSignature)
        let withKid = try TestTokens.sign(
            header: #"{"alg":"ES256","kid":"\#(outsider.keyID)","jku":"https://evil.example/jwks"}"#,
            payload: TestTokens.payload(), with: outsider)
        #expect(await refusal(withKid) == .unknownKey(kid: outsider.keyID))
    }

    @Test func timeRulesAreEnforced() async throws {
        let issuer = try TestTokens.issuer(p256, at: TestTokens.now.addingTimeInterval(-700))
        let expired = try issuer.issue(TestTokens.claims(issuedAt: TestTokens.now.addingTimeInterval(-700)))
        guard case .expired = await refusal(expired) else {
            Issue.record("expired token accepted")
            return
        }

        var future = TestTokens.claims()
        future.notBefore = TestTokens.now.addingTimeInterval(300)
        let notYet = try TestTokens.issuer(p256).sign(future)
        guard case .notYetValid = await refusal(notYet) else {
            Issue.record("nbf ignored")
            return
        }

        // Within the 60 s skew both are fine.
        var skewed = TestTokens.claims(issuedAt: TestTokens.now.addingTimeInterval(-630))
        skewed.notBefore = TestTokens.now.addingTimeInterval(30)
        #expect(await refusal(try TestTokens.issuer(p256).sign(skewed)) == nil)

        let forever = try TestTokens.sign(
            header: #"{"alg":"ES256","kid":"\#(p256.keyID)"}"#, payload: #"{"iss":"x","sub":"s"}"#, with: p256)
        #expect(await refusal(forever) == .missingClaim("exp"))
        let textDate = try TestTokens.sign(
            header: #"{"alg":"ES256","kid":"\#(p256.keyID)"}"#, payload: #"{"exp":"tomorrow"}"#, with: p256)
        #expect(await refusal(textDate)?.codeAndClaim == "token.claim_invalid exp")
    }

    @Test func wrongAudienceAndIssuerAreRefused() async throws {
        let token = try TestTokens.issuer(sm2).issue(TestTokens.claims(audience: "dept-housing"))
        let wrongAudience = await refusal(token) { AudienceRequirement(TestTokens.department) }
        #expect(wrongAudience == .audienceMismatch(expected: TestTokens.department, found: ["dept-housing"]))
        #expect(wrongAudience?.claim == "aud")
        let wrongIssuer = await refusal(token) { IssuerAllowList(["https://other.example.gov.cn"]) }
        #expect(wrongIssuer == .issuerNotAllowed(TestTokens.province))
        #expect(wrongIssuer?.chineseTerm == "签发方不受信任")
    }

    @Test func replayedOneTimeTokensAreRefused() async throws {
        let store = InMemoryReplayStore()
        let verifier = TestTokens.verifier(keys, stages: [OneTimeUse(store)])
        let token = try TestTokens.issuer(ed25519).issue(TestTokens.claims())
        _ = try await verifier.verify(token)
        let jti = try CompactJWS(parsing: token).claims().tokenID ?? ""
        await #expect(throws: TokenError.replayed(jti: jti)) { try await verifier.verify(token) }
    }

    @Test func revokedTokensAreRefused() async throws {
        let revocations = InMemoryRevocationStore()
        let verifier = TestTokens.verifier(keys, stages: [RevocationCheck(revocations)])
        let token = try TestTokens.issuer(sm2).issue(TestTokens.claims(tokenID: "login-1"))
        _ = try await verifier.verify(token)
        revocations.revoke(tokenID: "login-1")
        await #expect(throws: TokenError.revoked(jti: "login-1")) { try await verifier.verify(token) }
    }

    @Test(arguments: [KeyKind.sm2, .p256, .ed25519])
    func tamperingWithAnyPartIsDetected(keyType: KeyKind) async throws {
        let key = try #require([sm2, p256, ed25519].first { $0.keyType == keyType })
        let token = try TestTokens.issuer(key).issue(TestTokens.claims())
        let parts = token.split(separator: ".").map(String.init)
        // Header: same alg and kid, one more member.
        let header = Base64URL.encode(
            Array(
                #"{"alg":"\#(try CompactJWS(parsing: token).header.algorithm)","kid":"\#(key.keyID)","typ":"JWT","x":1}"#
                    .utf8))
        #expect(await refusal([header, parts[1], parts[2]].joined(separator: ".")) == .invalidSignature)
        // Payload: the audience changed.
        var claims = try CompactJWS(parsing: token).claims()
        claims.audience = "dept-other"
        let payload = Base64URL.encode(JSONWriter.bytes(claims.jsonValue))
        #expect(await refusal([parts[0], payload, parts[2]].joined(separator: ".")) == .invalidSignature)
        // Signature: one bit flipped, truncated, DER-shaped length.
        var signature = Base64URL.decode(parts[2]) ?? []
        signature[10] ^= 0x01
        #expect(
            await refusal([parts[0], parts[1], Base64URL.encode(signature)].joined(separator: ".")) == .invalidSignature
        )
        #expect(
            await refusal([parts[0], parts[1], Base64URL.encode(signature.prefix(63))].joined(separator: "."))
                == .invalidSignature)
        #expect(
            await refusal([parts[0], parts[1], Base64URL.encode(signature + [0])].joined(separator: "."))
                == .invalidSignature)
    }

    @Test func oversizedAndMalformedTokensAreRefusedBeforeCryptography() async throws {
        let token = try TestTokens.issuer(p256).issue(TestTokens.claims())
        let huge = token + String(repeating: "A", count: 9000)
        #expect(await refusal(huge) == .tokenTooLarge(size: huge.utf8.count, limit: 8192))
        let cases: [(String, String)] = [
            ("", "token.malformed"), ("abc", "token.malformed"), ("a.b", "token.malformed"),
            ("a.b.c.d.e", "token.malformed"), (".e30.AA", "token.malformed"), ("e30..AA", "token.malformed"),
            ("e30=.e30.AA", "token.header_encoding"), ("e3+.e30.AA", "token.header_encoding"),
            ("bm90IGpzb24.e30.AA", "token.header_json"),
            ("e30.e30.AA", "token.header_invalid alg"), ("W10.e30.AA", "token.header_json"),
        ]
        for (text, code) in cases { #expect(await refusal(text)?.codeAndClaim == code, "\(text)") }
        let duplicate = TestTokens.forge(header: #"{"alg":"ES256","alg":"none"}"#, payload: "{}", signature: [1])
        #expect(await refusal(duplicate)?.codeAndClaim == "token.header_json")
        let critical = TestTokens.forge(
            header: #"{"alg":"ES256","crit":["b64"],"b64":false}"#, payload: "{}", signature: [1])
        #expect(await refusal(critical) == .unsupportedCriticalHeader("b64"))
        let deep = TestTokens.forge(
            header: #"{"alg":"ES256","x":[[[[[[[[[[1]]]]]]]]]]}"#, payload: "{}", signature: [1])
        #expect(await refusal(deep)?.codeAndClaim == "token.header_json")
        // A payload that is not a claims object, correctly signed.
        let array = try TestTokens.sign(header: #"{"alg":"ES256","kid":"\#(p256.keyID)"}"#, payload: "[1]", with: p256)
        #expect(await refusal(array)?.codeAndClaim == "token.payload_json")
        // JWE parameters in a JWS ask for processing the verifier does not do (a compressed
        // payload, an encryption): refused even when the signature holds.
        for (name, value) in [("zip", "DEF"), ("enc", "A128GCM")] {
            let token = try TestTokens.sign(
                header: #"{"alg":"ES256","kid":"\#(p256.keyID)","\#(name)":"\#(value)"}"#, payload: #"{"sub":"x"}"#,
                with: p256)
            #expect(await refusal(token)?.codeAndClaim == "token.header_invalid \(name)")
        }
    }

    @Test func invalidHolderIdentifiersInSignedTokensAreRefused() async throws {
        let header = #"{"alg":"SM2SM3","kid":"\#(sm2.keyID)"}"#
        let badID = try TestTokens.sign(
            header: header,
            payload: TestTokens.payload(extra: #","principal":"natural_person","holder_id":"110105194912310021""#),
            with: sm2)
        #expect(await refusal(badID)?.codeAndClaim == "token.holder_id_invalid holder_id")
        let noKind = try TestTokens.sign(
            header: header, payload: TestTokens.payload(extra: #","holder_id":"11010519491231002X""#), with: sm2)
        #expect(await refusal(noKind)?.codeAndClaim == "token.claim_invalid holder_id")
        let company = try TestTokens.sign(
            header: header,
            payload: TestTokens.payload(extra: #","principal":"legal_person","holder_id":"91110000600037341L""#),
            with: sm2)
        #expect(await refusal(company) == nil)
    }

    @Test func everyErrorHasACodeAnEnglishMessageAndAChineseTerm() async throws {
        let errors: [TokenError] = [
            .unsecuredToken, .invalidSignature, .expired(expiresAt: TestTokens.now, now: TestTokens.now),
            .audienceMismatch(expected: "a", found: ["b"]), .revoked(jti: "j"), .replayed(jti: "j"),
            .insufficientAssurance(required: .inPerson, found: .registered), .tokenTooLarge(size: 2, limit: 1),
        ]
        for error in errors {
            #expect(error.code.contains("."))
            #expect(!error.description.isEmpty)
            #expect(error.chineseTerm.unicodeScalars.contains { $0.value >= 0x4E00 })
        }
        #expect(TokenError.expired(expiresAt: TestTokens.now, now: TestTokens.now).claim == "exp")
        #expect(TokenError.invalidSignature.claim == nil)
    }
}
