import Foundation
import Testing
import ZhengwuKitCore

@testable import UnifiedIdentity

@Suite struct SessionExchangeTests {
    static let endpoint = "https://sso.example.gov.cn/token-exchange"

    struct Setting {
        let key: SigningKey
        let revocations = InMemoryRevocationStore()
        let issuer: TokenIssuer
        let exchange: DepartmentSessionExchange

        init() throws {
            key = try SigningKey.generate(.sm2)
            issuer = try TestTokens.issuer(key)
            let revocations = self.revocations
            exchange = DepartmentSessionExchange(
                subjectTokenVerifier: TestTokens.verifier(
                    KeySet(signingKey: key), stages: [RevocationCheck(revocations)]
                ) {
                    IssuerAllowList([TestTokens.province])
                    AudienceRequirement(SessionExchangeTests.endpoint)
                },
                sessionIssuer: issuer,
                pairwiseSubjects: try PairwiseSubjectGenerator(secret: Array(repeating: 9, count: 32)),
                sessionLifetime: 300, departments: ["dept-a", "dept-b"])
        }

        func departmentVerifier(_ department: String) -> TokenVerifier {
            let revocations = self.revocations
            return TestTokens.verifier(KeySet(signingKey: key), stages: [RevocationCheck(revocations)]) {
                AudienceRequirement(department)
            }
        }

        func login() throws -> (token: String, claims: IdentityClaims) {
            let person = Principal(
                kind: .naturalPerson, identifier: "11010519491231002X", name: "张三",
                assuranceLevel: .strongVerification, authenticationMethods: [.face], sessionID: "sso-1")
            return try issuer.issue(for: person, audience: SessionExchangeTests.endpoint, disclosing: [.identifier])
        }
    }

    @Test func aSessionIsNarrowerThanTheLoginAndLinkedToIt() async throws {
        let setting = try Setting()
        let login = try setting.login()
        let session = try await setting.exchange.exchange(login.token, for: "dept-a")
        #expect(session.claims.audience?.values == ["dept-a"])
        #expect(session.claims.originalTokenID == login.claims.tokenID)
        #expect(session.claims.actor == "dept-a")
        #expect(session.claims.tokenID != login.claims.tokenID)
        #expect(session.claims.subject != login.claims.subject)
        #expect(session.claims.holderIdentifier == nil)
        #expect(session.claims.assuranceLevel == .strongVerification)
        #expect(session.claims.sessionID == "sso-1")
        let lifetime = try #require(session.claims.expiresAt).timeIntervalSince(try #require(session.claims.issuedAt))
        #expect(lifetime == 300)
        let verified = try await setting.departmentVerifier("dept-a").verify(session.token)
        #expect(verified.claims == session.claims)
    }

    @Test func departmentsGetStableButUnlinkableSubjects() async throws {
        let setting = try Setting()
        let login = try setting.login()
        let a1 = try await setting.exchange.exchange(login.token, for: "dept-a")
        let a2 = try await setting.exchange.exchange(login.token, for: "dept-a")
        let b = try await setting.exchange.exchange(login.token, for: "dept-b")
        #expect(a1.claims.subject == a2.claims.subject)
        #expect(a1.claims.subject != b.claims.subject)
        // dept-b cannot use dept-a's session.
        await #expect(throws: TokenError.audienceMismatch(expected: "dept-b", found: ["dept-a"])) {
            try await setting.departmentVerifier("dept-b").verify(a1.token)
        }
    }

    @Test func aSessionNeverOutlivesItsLogin() async throws {
        let setting = try Setting()
        var shortLogin = try setting.login().claims
        shortLogin.expiresAt = TestTokens.now.addingTimeInterval(120)
        let token = try setting.issuer.sign(shortLogin)
        let session = try await setting.exchange.exchange(token, for: "dept-a")
        #expect(session.claims.expiresAt == shortLogin.expiresAt)
    }

    @Test func revokingTheLoginRefusesEverySessionMadeFromIt() async throws {
        let setting = try Setting()
        let login = try setting.login()
        let session = try await setting.exchange.exchange(login.token, for: "dept-b")
        _ = try await setting.departmentVerifier("dept-b").verify(session.token)
        let loginID = try #require(login.claims.tokenID)
        setting.revocations.revoke(tokenID: loginID)
        await #expect(throws: TokenError.revoked(jti: loginID)) {
            try await setting.departmentVerifier("dept-b").verify(session.token)
        }
        await #expect(throws: TokenError.revoked(jti: loginID)) {
            try await setting.exchange.exchange(login.token, for: "dept-a")
        }
    }

    @Test func exchangeRefusesWhatItShouldNotServe() async throws {
        let setting = try Setting()
        let login = try setting.login()
        await #expect(throws: TokenError.self) { try await setting.exchange.exchange(login.token, for: "dept-unknown") }
        // A department session is not a login: it has the wrong audience for the exchange.
        let session = try await setting.exchange.exchange(login.token, for: "dept-a")
        await #expect(throws: TokenError.audienceMismatch(expected: Self.endpoint, found: ["dept-a"])) {
            try await setting.exchange.exchange(session.token, for: "dept-b")
        }
        // A token from another issuer key is refused by signature.
        let outsider = try TestTokens.issuer(try SigningKey.generate(.sm2))
        let forged = try outsider.issue(
            for: Principal(kind: .naturalPerson, identifier: "11010519491231002X"), audience: Self.endpoint)
        await #expect(throws: TokenError.unknownKey(kid: outsider.signingKey.keyID)) {
            try await setting.exchange.exchange(forged.token, for: "dept-a")
        }
    }
}
