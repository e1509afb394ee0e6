import Foundation
import Testing
import ZhengwuKitCore

@testable import UnifiedIdentity

@Suite struct PolicyTests {
    let key: SigningKey
    init() throws { key = try SigningKey.generate(.p256) }

    private func verify(
        _ claims: IdentityClaims, stages: [any TokenVerificationStage] = [],
        @PolicyBuilder<TokenPolicyContext> policies: () -> [any VerificationPolicy<TokenPolicyContext>] = { [] }
    ) async throws(TokenError) {
        let token: String
        do { token = try TestTokens.issuer(key).sign(claims) } catch { throw .signingFailed("\(error)") }
        _ = try await TestTokens.verifier(KeySet(signingKey: key), stages: stages, policies: policies).verify(token)
    }

    @Test func assuranceAndPrincipalKindPolicies() async throws {
        let claims = TestTokens.claims()
        try await verify(claims) { MinimumAssurance(.strongVerification) }
        await #expect(throws: TokenError.insufficientAssurance(required: .inPerson, found: .strongVerification)) {
            try await verify(claims) { MinimumAssurance(.inPerson) }
        }
        try await verify(claims) { AllowedPrincipalKinds([.naturalPerson, .civilServant]) }
        await #expect(throws: TokenError.principalKindNotAllowed(found: .naturalPerson)) {
            try await verify(claims) { AllowedPrincipalKinds([.legalPerson]) }
        }
    }

    @Test func ageAndLifetimeLimits() async throws {
        let old = TestTokens.claims(lifetime: 7200, issuedAt: TestTokens.now.addingTimeInterval(-3600))
        var verifier = TestTokens.verifier(KeySet(signingKey: key))
        verifier.timeValidity = TimeValidity(maximumAge: 1800)
        let token = try TestTokens.issuer(key).sign(old)
        await #expect(throws: TokenError.tooOld(issuedAt: TestTokens.now.addingTimeInterval(-3600), maximumAge: 1800)) {
            try await verifier.verify(token)
        }
        verifier.timeValidity = TimeValidity(maximumLifetime: 3600)
        await #expect(throws: TokenError.lifetimeTooLong(seconds: 7200, limit: 3600)) {
            try await verifier.verify(token)
        }
    }

    @Test func policiesComposeWithConditionsAndRunInOrder() async throws {
        let strict = true
        let claims = TestTokens.claims(tokenID: "j-1")
        // The first failing policy is reported.
        await #expect(throws: TokenError.issuerNotAllowed(TestTokens.province)) {
            try await verify(claims) {
                IssuerAllowList(["https://other"])
                if strict { MinimumAssurance(.inPerson) }
            }
        }
        await #expect(throws: TokenError.missingClaim("sid")) {
            try await verify(claims) {
                IssuerAllowList([TestTokens.province])
                for audience in [TestTokens.department] { AudienceRequirement(audience) }
                RequiredClaims(["jti", "sid"])
            }
        }
    }

    @Test func storesThatFailRefuseTheToken() async throws {
        struct Down: RevocationStore {
            func isRevoked(tokenID: String) async throws -> Bool { throw CancellationError() }
        }
        await #expect(throws: TokenError.self) {
            try await verify(TestTokens.claims(tokenID: "x"), stages: [RevocationCheck(Down())])
        }
        let full = InMemoryReplayStore(capacity: 1)
        try await verify(TestTokens.claims(tokenID: "a"), stages: [OneTimeUse(full)])
        await #expect(throws: TokenError.self) {
            try await verify(TestTokens.claims(tokenID: "b"), stages: [OneTimeUse(full)])
        }
    }
}
