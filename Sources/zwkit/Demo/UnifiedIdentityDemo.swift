import Foundation
import UnifiedIdentity

/// One login serving two departments: the province issues an SM2 token, two departments
/// exchange it for their own sessions and verify them offline, and after the province
/// revokes the login the next request is refused.
struct UnifiedIdentityDemo: DemoSection {
    let title = "UnifiedIdentity: one login across departments (统一身份认证)"

    private static let province = "https://sso.zj.example.gov.cn"
    private static let exchangeEndpoint = "https://sso.zj.example.gov.cn/token-exchange"
    private static let departments = ["dept-social-security", "dept-housing-fund"]

    func run() async throws {
        let provinceKey = try SigningKey.generate(.sm2)
        let pairwise = try PairwiseSubjectGenerator(secret: Array("demo pairwise secret, 32 bytes!!".utf8))
        let provinceIssuer = TokenIssuer(
            issuer: Self.province, signingKey: provinceKey, lifetime: 1800, pairwiseSubjects: pairwise)
        let published = KeySet(signingKey: provinceKey).jwks()
        Console.output("province publishes its JWKS: kid \(provinceKey.keyID) (SM2, RFC 7638 thumbprint)")

        // A citizen logs in once at the provincial platform (sample citizen ID from GB 11643's example range).
        let citizen = Principal(
            kind: .naturalPerson, identifier: "11010519491231002X", name: "张三",
            assuranceLevel: .strongVerification, authenticationMethods: [.face], sessionID: "sso-session-1")
        let login = try provinceIssuer.issue(for: citizen, audience: Self.exchangeEndpoint)
        Console.output(
            "login token issued: alg SM2SM3, \(login.token.utf8.count) bytes, jti \(login.claims.tokenID ?? "?")")

        let revocations = InMemoryRevocationStore()
        let exchange = DepartmentSessionExchange(
            subjectTokenVerifier: TokenVerifier(
                keys: try KeySet(jwks: published), stages: [RevocationCheck(revocations)]
            ) {
                IssuerAllowList([Self.province])
                AudienceRequirement(Self.exchangeEndpoint)
            },
            sessionIssuer: provinceIssuer, pairwiseSubjects: pairwise, sessionLifetime: 900,
            departments: Set(Self.departments))

        var subjects: [String] = []
        var sessions: [(department: String, token: String, verifier: CachingTokenVerifier)] = []
        for department in Self.departments {
            let exchanged = try await exchange.exchange(login.token, for: department)
            let verifier = CachingTokenVerifier(
                verifier: TokenVerifier(keys: try KeySet(jwks: published), stages: [RevocationCheck(revocations)]) {
                    IssuerAllowList([Self.province])
                    AudienceRequirement(department)
                    MinimumAssurance(.verifiedIdentity)
                })
            // Each department reads the session as its own typed claims struct.
            let session = try await verifier.verify(exchanged.token, as: DepartmentSession.self)
            let subject = session.sub.value
            Console.output(
                "\(department): session verified, sub \(subject), linked to login \(session.origJTI.value), acr \(session.acr.claimValue)"
            )
            guard session.holderID == nil else {
                throw DemoFailure("personal information leaked into a department session")
            }
            subjects.append(subject)
            sessions.append((department, exchanged.token, verifier))
        }
        guard Set(subjects).count == subjects.count else {
            throw DemoFailure("departments received the same subject identifier")
        }
        Console.output("the two departments see different pairwise subjects: they cannot correlate the citizen")

        // A department's session presented for another department is refused.
        do {
            _ = try await sessions[1].verifier.verify(sessions[0].token)
            throw DemoFailure("a session for one department was accepted by another")
        } catch let error as TokenError {
            Console.output(
                "\(sessions[1].department) refuses \(sessions[0].department)'s session: \(error.localizedSummary)")
        }

        // The province revokes the login: every session exchanged from it is refused at once.
        if let loginID = login.claims.tokenID { revocations.revoke(tokenID: loginID, until: login.claims.expiresAt) }
        do {
            _ = try await sessions[0].verifier.verify(sessions[0].token)
            throw DemoFailure("a session of a revoked login was accepted")
        } catch let error as TokenError {
            guard case .revoked = error else { throw error }
            Console.output("after revocation, \(sessions[0].department) refuses: \(error.localizedSummary)")
        }
    }
}

/// What a department reads from its session token: its own `Codable` struct made of the typed
/// claim pieces, instead of untyped extras.
private struct DepartmentSession: Codable {
    var iss: IssuerClaim
    var sub: SubjectClaim
    var aud: Audience
    var exp: ExpirationClaim
    var acr: AssuranceLevel
    var origJTI: TokenIDClaim
    var holderID: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, acr
        case origJTI = "orig_jti"
        case holderID = "holder_id"
    }
}

private struct DemoFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
