import Foundation
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

@testable import UnifiedIdentity

/// Holds the code to Specs/unified-identity/token-profile.json, which other languages read.
@Suite struct SpecsTests {
    private func profile() throws -> JSONValue {
        let url = Fixtures.specs.appendingPathComponent("unified-identity/token-profile.json")
        return try JSONReader.parse(Array(try Data(contentsOf: url)), maximumDepth: 8)
    }

    @Test func errorCodesAndTermsMatchTheProfile() throws {
        let errors = try #require(try profile()["errors"]?.objectValue)
        let samples: [TokenError] = [
            .tokenTooLarge(size: 2, limit: 1), .malformedToken("x"), .invalidEncoding(.header),
            .invalidJSON(.payload, reason: ""),
            .unsecuredToken, .algorithmNotAllowed("HS256"), .algorithmKeyMismatch(algorithm: "ES256", keyType: "SM2"),
            .unsupportedCriticalHeader("b64"), .unknownKey(kid: nil), .retiredKey(kid: "k"), .invalidSignature,
            .expired(expiresAt: TestTokens.now, now: TestTokens.now),
            .notYetValid(notBefore: TestTokens.now, now: TestTokens.now),
            .issuedInFuture(issuedAt: TestTokens.now, now: TestTokens.now),
            .tooOld(issuedAt: TestTokens.now, maximumAge: 1),
            .lifetimeTooLong(seconds: 2, limit: 1), .issuerNotAllowed(nil), .audienceMismatch(expected: "a", found: []),
            .insufficientAssurance(required: .inPerson, found: nil), .principalKindNotAllowed(found: nil),
            .invalidHolderIdentifier(""), .revoked(jti: "j"), .replayed(jti: "j"), .storeUnavailable(""),
            .exchangeRefused(""), .signingFailed(""), .invalidHeader(parameter: "alg", reason: ""),
            .missingClaim("exp"), .invalidClaim("exp", reason: ""), .invalidEncoding(.signature),
            .invalidEncoding(.payload), .invalidJSON(.header, reason: ""),
        ]
        // The DER rules' codes; DERSignatureTests reaches each with a real signature.
        let derErrors: [TokenError] = [
            "not_sequence", "truncated", "indefinite_length", "non_minimal_length", "trailing_bytes", "not_integer",
            "empty_integer", "non_minimal_integer", "negative_integer", "integer_too_long", "integer_out_of_range",
        ].map { .malformedDERSignature(rule: $0, reason: "") }
        let signatureCodes = errors.keys.filter { $0.hasPrefix("token.signature_der_") }
        #expect(Set(signatureCodes) == Set(derErrors.map(\.code)))
        for error in samples + derErrors {
            #expect(errors[error.code] == .string(error.chineseTerm), "\(error.code)")
        }
        // Every code is in the house form, and the profile lists no code the library lacks.
        for error in samples + derErrors { #expect(ZhengwuKitErrorCode.isWellFormed(error.code), "\(error.code)") }
        #expect(Set(errors.keys) == Set((samples + derErrors).map(\.code)))
    }

    @Test func algorithmNamesAndLimitsMatchTheProfile() throws {
        let profile = try profile()
        let sm2 = profile["algorithms"]?["SM2-with-SM3"]
        #expect(sm2?["issued_as"] == .string(AlgorithmNames.standard.name(for: .sm2WithSM3)))
        let aliases = try #require(sm2?["accepted_aliases_when_configured"]?.arrayValue).compactMap(\.stringValue)
        #expect(Set(aliases) == AlgorithmNames.interoperable.sm2Aliases)
        #expect(profile["algorithms"]?["Ed25519"]?["issued_as"] == .string(AlgorithmNames.standard.name(for: .ed25519)))
        #expect(profile["limits"]?["maximum_token_bytes"] == .integer(Int64(TokenLimits.standard.maximumTokenBytes)))
        #expect(profile["limits"]?["maximum_json_depth"] == .integer(Int64(TokenLimits.standard.maximumJSONDepth)))
        let claimNames = Set(try #require(profile["claims"]?.objectValue).keys)
        let written = try #require(
            IdentityClaims(
                issuer: "i", subject: "s", audience: "a", expiresAt: TestTokens.now, notBefore: TestTokens.now,
                issuedAt: TestTokens.now, tokenID: "j", principalKind: .legalPerson, holderIdentifier: "h", name: "n",
                assuranceLevel: .registered, authenticationMethods: [.sms], department: "d", sessionID: "s",
                originalTokenID: "o", actor: "a"
            ).jsonValue.objectValue)
        #expect(Set(written.keys) == claimNames)
    }
}
