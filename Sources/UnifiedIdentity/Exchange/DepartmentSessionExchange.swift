import Foundation

/// Exchanges a provincial login token for a department-scoped session token, in the spirit of
/// OAuth 2.0 Token Exchange (RFC 8693): one login, a session per department.
///
/// The session token is narrower than the login: its audience is the one department, its
/// lifetime is at most `sessionLifetime` and never beyond the login's own expiry, its `sub`
/// is the principal's pairwise identifier for that department, `orig_jti` links it to the
/// login (so revoking the login refuses the session, see `RevocationCheck`), and `act`
/// names the department (RFC 8693 §4.1). Personal claims are carried over only when asked.
///
/// Whoever holds the pairwise secret runs the exchange (normally the province's token
/// service); departments only verify the sessions with the service's published keys.
public struct DepartmentSessionExchange: Sendable {
    /// Verifies the login tokens presented for exchange (issuer, audience, revocation…).
    public var subjectTokenVerifier: TokenVerifier
    /// Signs the session tokens.
    public var sessionIssuer: TokenIssuer
    public var pairwiseSubjects: PairwiseSubjectGenerator
    public var sessionLifetime: TimeInterval
    /// Departments a session may be made for; `nil` allows any.
    public var departments: Set<String>?

    public init(
        subjectTokenVerifier: TokenVerifier, sessionIssuer: TokenIssuer, pairwiseSubjects: PairwiseSubjectGenerator,
        sessionLifetime: TimeInterval = 900, departments: Set<String>? = nil
    ) {
        self.subjectTokenVerifier = subjectTokenVerifier
        self.sessionIssuer = sessionIssuer
        self.pairwiseSubjects = pairwiseSubjects
        self.sessionLifetime = sessionLifetime
        self.departments = departments
    }

    /// Verifies `subjectToken` and returns a session token for `department`.
    public func exchange(
        _ subjectToken: String, for department: String, disclosing: Set<Disclosure> = []
    ) async throws -> (token: String, claims: IdentityClaims) {
        if let departments, !departments.contains(department) {
            throw TokenError.exchangeRefused("department \"\(department)\" is not registered for sessions")
        }
        let login = try await subjectTokenVerifier.verify(subjectToken).claims
        guard let loginSubject = login.subject else { throw TokenError.missingClaim("sub") }
        guard let loginID = login.tokenID else { throw TokenError.missingClaim("jti") }
        guard login.originalTokenID == nil else {
            throw TokenError.exchangeRefused("a session token cannot be exchanged again")
        }
        let now = Date(timeIntervalSince1970: sessionIssuer.clock().timeIntervalSince1970.rounded(.down))
        var expiry = now.addingTimeInterval(sessionLifetime)
        if let loginExpiry = login.expiresAt, loginExpiry < expiry { expiry = loginExpiry }

        let session = IdentityClaims(
            issuer: sessionIssuer.issuer,
            subject: pairwiseSubjects.subject(for: loginSubject, in: department),
            audience: Audience([department]),
            expiresAt: expiry,
            issuedAt: now,
            tokenID: TokenIssuer.randomTokenID(),
            principalKind: login.principalKind,
            holderIdentifier: disclosing.contains(.identifier) ? login.holderIdentifier : nil,
            name: disclosing.contains(.name) ? login.name : nil,
            assuranceLevel: login.assuranceLevel,
            authenticationMethods: login.authenticationMethods,
            department: department,
            sessionID: login.sessionID,
            originalTokenID: loginID,
            actor: department)
        return (try sessionIssuer.sign(session), session)
    }
}
