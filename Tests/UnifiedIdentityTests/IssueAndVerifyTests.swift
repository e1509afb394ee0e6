import Foundation
import GMCrypto
import Testing

@testable import UnifiedIdentity

@Suite struct IssueAndVerifyTests {
    @Test(arguments: [KeyKind.sm2, .p256, .ed25519])
    func issuedTokensVerifyWithTheirKeyType(keyType: KeyKind) async throws {
        let key = try SigningKey.generate(keyType)
        let token = try TestTokens.issuer(key).issue(TestTokens.claims())
        let verified = try await TestTokens.verifier(KeySet(signingKey: key)).verify(token)
        #expect(verified.algorithm == SignatureAlgorithm(keyType: keyType))
        #expect(verified.keyID == key.keyID)
        #expect(verified.claims.subject == "pairwise-subject")
        #expect(verified.claims.audience?.values == [TestTokens.department])
        #expect(verified.claims.tokenID?.count == 22)
    }

    @Test func headersNameTheDefaultAlgorithmsAndTheThumbprint() throws {
        let expected: [(KeyKind, String)] = [(.sm2, "SM2SM3"), (.p256, "ES256"), (.ed25519, "Ed25519")]
        for (keyType, alg) in expected {
            let key = try SigningKey.generate(keyType)
            let token = try TestTokens.issuer(key).issue(TestTokens.claims())
            let jws = try CompactJWS(parsing: token)
            #expect(jws.header.algorithm == alg)
            #expect(jws.header.keyID == key.publicKey.thumbprint)
            #expect(jws.header.type == "JWT")
            // Raw r‖s for the curves, 64 bytes for Ed25519: never DER.
            #expect(jws.signature.count == 64)
        }
    }

    @Test func sm2AliasesAreAcceptedOnlyWhenConfigured() async throws {
        let key = try SigningKey.generate(.sm2)
        for alias in ["GmSM2", "SM3withSM2", "SM2"] {
            let token = try TestTokens.issuer(key, names: AlgorithmNames(sm2Name: alias)).issue(TestTokens.claims())
            await #expect(throws: TokenError.algorithmNotAllowed(alias)) {
                try await TestTokens.verifier(KeySet(signingKey: key)).verify(token)
            }
            let verified = try await TestTokens.verifier(KeySet(signingKey: key), names: .interoperable).verify(token)
            #expect(verified.algorithm == .sm2WithSM3)
        }
    }

    @Test func eddsaIsAcceptedOnInputForEd25519Keys() async throws {
        let key = try SigningKey.generate(.ed25519)
        let token = try TestTokens.issuer(key, names: AlgorithmNames(ed25519Name: "EdDSA")).issue(TestTokens.claims())
        #expect(try CompactJWS(parsing: token).header.algorithm == "EdDSA")
        #expect(try await TestTokens.verifier(KeySet(signingKey: key)).verify(token).algorithm == .ed25519)
        await #expect(throws: TokenError.algorithmNotAllowed("EdDSA")) {
            try await TestTokens.verifier(KeySet(signingKey: key), names: AlgorithmNames(acceptsEdDSA: false))
                .verify(token)
        }
    }

    @Test func claimsRoundTripThroughTheToken() async throws {
        let key = try SigningKey.generate(.p256)
        var claims = TestTokens.claims(tokenID: "jti-1")
        claims.holderIdentifier = "11010519491231002X"
        claims.name = "张三"
        claims.department = "dept-a"
        claims.sessionID = "sid-1"
        claims.additional = ["scope": "apply", "levels": [1, 2]]
        let token = try TestTokens.issuer(key).sign(claims)
        let verified = try await TestTokens.verifier(KeySet(signingKey: key)).verify(token)
        #expect(verified.claims == claims)
    }

    @Test func issuingForAPrincipalUsesAPairwiseSubjectAndDisclosesNothingByDefault() throws {
        let key = try SigningKey.generate(.sm2)
        let issuer = try TestTokens.issuer(key)
        let person = Principal(
            kind: .naturalPerson, identifier: "11010519491231002X", name: "张三", assuranceLevel: .inPerson)
        let first = try issuer.issue(for: person, audience: "dept-a")
        let again = try issuer.issue(for: person, audience: "dept-a")
        let other = try issuer.issue(for: person, audience: "dept-b")
        #expect(first.claims.subject == again.claims.subject)
        #expect(first.claims.subject != other.claims.subject)
        #expect(first.claims.subject?.contains("11010519491231002X") == false)
        #expect(first.claims.holderIdentifier == nil && first.claims.name == nil)
        let disclosed = try issuer.issue(for: person, audience: "dept-a", disclosing: [.identifier, .name])
        #expect(disclosed.claims.holderIdentifier == "11010519491231002X")
        #expect(disclosed.claims.name == "张三")
    }

    @Test func pairwiseSubjectsAreHMACSM3OfSectorAndIdentifier() throws {
        let generator = try PairwiseSubjectGenerator(secret: Array(repeating: 7, count: 32))
        let subject = generator.subject(for: "11010519491231002X", in: "dept-a")
        let message = Array("dept-a".utf8) + [0] + Array("11010519491231002X".utf8)
        #expect(
            Base64URL.decode(subject) == GMCryptoBackends.hmacSM3(key: Array(repeating: 7, count: 32), message: message)
        )
        #expect(throws: PairwiseSubjectError.secretTooShort(8)) {
            try PairwiseSubjectGenerator(secret: Array(repeating: 1, count: 8))
        }
    }

    @Test func invalidHolderIdentifiersAreRefused() throws {
        let key = try SigningKey.generate(.sm2)
        let issuer = try TestTokens.issuer(key)
        let badCitizen = Principal(kind: .naturalPerson, identifier: "110105194912310021")
        #expect(throws: TokenError.self) { try issuer.issue(for: badCitizen, audience: "dept-a") }
        let company = Principal(kind: .legalPerson, identifier: "91110000600037341L")
        #expect(
            try issuer.issue(for: company, audience: "dept-a", disclosing: [.identifier]).claims.holderIdentifier != nil
        )
        var claims = TestTokens.claims()
        claims.holderIdentifier = "110105194912310021"
        #expect(throws: TokenError.self) { try issuer.issue(claims) }
        let badCompany = Principal(kind: .legalPerson, identifier: "91110000600037341N")
        #expect(throws: TokenError.self) {
            try issuer.issue(for: badCompany, audience: "dept-a", disclosing: [.identifier])
        }
    }
}
