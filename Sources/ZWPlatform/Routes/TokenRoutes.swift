import Foundation
import Hummingbird
import UnifiedIdentity

extension Platform {
    static let tokenExchangeGrant = "urn:ietf:params:oauth:grant-type:token-exchange"

    func addTokenRoutes(to router: Router<BasicRequestContext>) {
        router.post("/token") { request, _ -> Response in
            let form = try await request.bodyForm()
            let client = try await authenticateClient(form: form, authorization: request.headers[.authorization])
            let grantType = form["grant_type"] ?? ""
            let answer: [String: Any]
            switch grantType {
            case "authorization_code": answer = try await redeemCode(form, client: client)
            case "refresh_token": answer = try await refresh(form, client: client)
            case "client_credentials": answer = try await clientCredentials(form, client: client)
            case Self.tokenExchangeGrant: answer = try await exchange(form, client: client)
            default: throw OAuthError.unsupportedGrantType(grantType)
            }
            metrics.tokenIssued(grant: grantType, client: client.id)
            return Responses.json(answer)
        }
    }

    /// RFC 6749 §4.1.3 with RFC 7636: the code is used up by the first attempt whatever its
    /// outcome, so a stolen code cannot be tried twice. A code presented again means two parties
    /// hold it: it is refused and every token its redemption issued is revoked (§4.1.2).
    func redeemCode(_ form: [String: String], client: ClientRegistration, profile: String = "oidc") async throws
        -> [String: Any]
    {
        guard let code = form["code"] else { throw OAuthError.invalidRequest("code is missing") }
        // Used up whatever follows: from now on the code is a redeemed one, its replay revokes the grant.
        guard let payload = try await redeem(code, kind: .authorizationCode, leaving: .redeemedAuthorizationCode)
        else {
            try await refuseReplayed(
                code, kind: .redeemedAuthorizationCode, client: client,
                endpoint: profile == "guangdong" ? "guangdong.access_token" : "/token")
            logger.notice(
                "authorization code refused",
                metadata: ["client": "\(client.id)", "reason": "unknown, used or expired"])
            throw OAuthError.invalidGrant("the code is unknown, already used or expired")
        }
        let grant = try GrantCoding.decode(CodeGrant.self, payload)
        // A code issued before codes carried their grant's id opens a grant its replay cannot revoke.
        let grantID = grant.grantID ?? RandomHandle.make("grant-")
        guard grant.profile == profile else {
            throw OAuthError.invalidGrant("the code was issued for the \(grant.profile) endpoints")
        }
        guard grant.clientID == client.id else {
            throw OAuthError.invalidGrant("the code was issued to another client")
        }
        guard form["redirect_uri"] == grant.redirectURI else {
            throw OAuthError.invalidGrant("redirect_uri differs from the authorization request's")
        }
        if let challenge = grant.codeChallenge {
            guard let verifier = form["code_verifier"] else {
                throw OAuthError.invalidGrant("code_verifier is missing (the request used PKCE)")
            }
            guard PKCE.isWellFormed(verifier), ConstantTime.equals(PKCE.challenge(for: verifier), challenge) else {
                throw OAuthError.invalidGrant("code_verifier does not match the code_challenge")
            }
        } else if form["code_verifier"] != nil {
            throw OAuthError.invalidGrant("code_verifier given but the request had no code_challenge")
        }
        let user = try self.user(grant.userID)
        let access = try await accessToken(
            user: user, client: client, scope: grant.scope, sessionID: grant.sessionID, grantID: grantID)
        let refreshToken = try await newRefreshToken(
            RefreshGrant(
                clientID: client.id, userID: user.id, scope: grant.scope, sessionID: grant.sessionID,
                authTime: grant.authTime, grantID: grantID))
        var answer: [String: Any] = [
            "access_token": access.token, "token_type": "Bearer",
            "expires_in": Int(configuration.accessTokenLifetime), "refresh_token": refreshToken, "scope": grant.scope,
        ]
        if grant.scope.split(separator: " ").contains("openid") {
            answer["id_token"] = try await idToken(
                user: user, client: client, nonce: grant.nonce, sessionID: grant.sessionID, authTime: grant.authTime)
        }
        logger.info(
            "code redeemed",
            metadata: ["client": "\(client.id)", "user": "\(user.id)", "holder": "\(user.maskedIdentifier)"])
        return answer
    }

    func newRefreshToken(_ grant: RefreshGrant) async throws -> String {
        let token = RandomHandle.make("rt-")
        try await store.insertHandle(
            token, kind: .refreshToken, payload: try GrantCoding.encode(grant),
            expiresAt: now.addingTimeInterval(configuration.refreshTokenLifetime))
        return token
    }

    /// Refresh tokens rotate: each is used up and replaced, so a leaked one works at most once.
    /// A rotated token presented again means two parties hold the chain (a leak): the whole
    /// grant, every refresh and access token descending from the code, is revoked
    /// (RFC 6819 §5.2.2.3, OAuth 2.1 §4.3.1).
    func refresh(_ form: [String: String], client: ClientRegistration) async throws -> [String: Any] {
        guard let token = form["refresh_token"] else { throw OAuthError.invalidRequest("refresh_token is missing") }
        // Used up whatever follows: from now on the token is a rotated one.
        guard let payload = try await redeem(token, kind: .refreshToken, leaving: .rotatedRefreshToken) else {
            try await refuseReplayed(token, kind: .rotatedRefreshToken, client: client, endpoint: "/token")
            throw OAuthError.invalidGrant("the refresh token is unknown, used, revoked or expired")
        }
        let grant = try GrantCoding.decode(RefreshGrant.self, payload)
        guard grant.clientID == client.id else {
            throw OAuthError.invalidGrant("the refresh token was issued to another client")
        }
        if let grantID = grant.grantID,
            try await store.isRevoked(tokenID: GrantRevocation.tokenID(grantID), now: now)
        {
            throw OAuthError.invalidGrant("the refresh token's grant has been revoked")
        }
        guard try await session(grant.sessionID) != nil else {
            throw OAuthError.invalidGrant("the sign-in session has ended")
        }
        let user = try self.user(grant.userID)
        let access = try await accessToken(
            user: user, client: client, scope: grant.scope, sessionID: grant.sessionID, grantID: grant.grantID)
        var answer: [String: Any] = [
            "access_token": access.token, "token_type": "Bearer",
            "expires_in": Int(configuration.accessTokenLifetime), "refresh_token": try await newRefreshToken(grant),
            "scope": grant.scope,
        ]
        if grant.scope.split(separator: " ").contains("openid") {
            answer["id_token"] = try await idToken(
                user: user, client: client, nonce: nil, sessionID: grant.sessionID, authTime: grant.authTime)
        }
        return answer
    }

    /// Uses up a code or refresh token and, in the same step, leaves it behind as `marker` (a
    /// redeemed code, a rotated refresh token) for as long as a token of its grant may live, so
    /// that a replay, however close behind, finds it and revokes them.
    func redeem(_ handle: String, kind: HandleKind, leaving marker: HandleKind) async throws -> String? {
        let lifetime = max(configuration.refreshTokenLifetime, configuration.accessTokenLifetime)
        return try await store.redeemHandle(
            handle, kind: kind, leaving: marker, until: now.addingTimeInterval(lifetime), now: now)
    }

    /// A code already redeemed or a refresh token rotated away (`kind` says which) comes back:
    /// revoke its grant, then refuse. Returns when the handle was never spent here.
    func refuseReplayed(_ handle: String, kind: HandleKind, client: ClientRegistration, endpoint: String)
        async throws
    {
        guard let payload = try await store.peekHandle(handle, kind: kind, now: now) else { return }
        let spent = try GrantCoding.decode(SpentHandle.self, payload)
        guard let grantID = spent.grantID else { return }
        try await revokeGrant(grantID)
        let what = kind == .redeemedAuthorizationCode ? "authorization code" : "refresh token"
        metrics.refused(
            endpoint: endpoint, error: kind == .redeemedAuthorizationCode ? "code_reuse" : "refresh_token_reuse")
        logger.notice(
            "\(what) replayed: grant revoked",
            metadata: ["client": "\(client.id)", "issued_to": "\(spent.clientID)", "grant": "\(grantID)"])
        throw OAuthError.invalidGrant("the \(what) was already used; every token of its grant is now revoked")
    }

    /// Revokes every refresh and access token of a grant, for as long as any may live.
    func revokeGrant(_ grantID: String) async throws {
        let lifetime = max(configuration.refreshTokenLifetime, configuration.accessTokenLifetime)
        try await store.revoke(tokenID: GrantRevocation.tokenID(grantID), until: now.addingTimeInterval(lifetime))
    }

    func clientCredentials(_ form: [String: String], client: ClientRegistration) async throws -> [String: Any] {
        guard client.secret != nil || !client.publicKeys.isEmpty else {
            throw OAuthError("unauthorized_client", "public clients cannot use client_credentials")
        }
        let scope = form["scope"] ?? ""
        let access = try await accessToken(user: nil, client: client, scope: scope, sessionID: nil)
        return [
            "access_token": access.token, "token_type": "Bearer", "expires_in": Int(configuration.accessTokenLifetime),
            "scope": scope,
        ]
    }

    /// RFC 8693: a login (access or ID token of this platform, addressed to the calling client)
    /// becomes a department session through `UnifiedIdentity.DepartmentSessionExchange`.
    func exchange(_ form: [String: String], client: ClientRegistration) async throws -> [String: Any] {
        guard let subjectToken = form["subject_token"] else {
            throw OAuthError.invalidRequest("subject_token is missing")
        }
        let acceptedTypes = [
            "urn:ietf:params:oauth:token-type:access_token", "urn:ietf:params:oauth:token-type:id_token",
            "urn:ietf:params:oauth:token-type:jwt",
        ]
        guard let type = form["subject_token_type"], acceptedTypes.contains(type) else {
            throw OAuthError.invalidRequest("subject_token_type must be an access_token, id_token or jwt token type")
        }
        guard let department = form["audience"] ?? form["resource"] else {
            throw OAuthError("invalid_target", "audience (the department) is missing")
        }
        if let requested = form["requested_token_type"], requested != "urn:ietf:params:oauth:token-type:jwt",
            requested != "urn:ietf:params:oauth:token-type:access_token"
        {
            throw OAuthError.invalidRequest("requested_token_type \(requested) cannot be issued")
        }
        // Revocation of the subject's session or grant too, not only of its own `jti`.
        do {
            _ = try await verifyOwnToken(subjectToken)
        } catch {
            throw OAuthError.invalidGrant("subject_token refused: \(error)")
        }
        let keySet = try await keys.verificationKeys()
        var subjectVerifier = TokenVerifier(
            keys: keySet, allowedAlgorithms: [.es256, .sm2WithSM3],
            stages: [RevocationCheck(StoreRevocations(store: store))]
        ) {
            IssuerAllowList([issuer])
            AudienceRequirement(client.id)
        }
        subjectVerifier.clock = clock
        var sessionIssuer = TokenIssuer(issuer: issuer, signingKey: try await signingKey(for: client))
        sessionIssuer.clock = clock
        let exchange = DepartmentSessionExchange(
            subjectTokenVerifier: subjectVerifier, sessionIssuer: sessionIssuer, pairwiseSubjects: pairwise,
            sessionLifetime: configuration.accessTokenLifetime,
            departments: configuration.departments.isEmpty ? nil : Set(configuration.departments))
        let session: (token: String, claims: IdentityClaims)
        do {
            session = try await exchange.exchange(subjectToken, for: department)
        } catch let error as TokenError {
            if case .exchangeRefused(let reason) = error { throw OAuthError("invalid_target", reason) }
            throw OAuthError.invalidGrant("subject_token refused: \(error)")
        }
        let lifetime = Int((session.claims.expiresAt ?? now).timeIntervalSince(now))
        return [
            "access_token": session.token, "issued_token_type": "urn:ietf:params:oauth:token-type:jwt",
            "token_type": "N_A", "expires_in": max(lifetime, 0),
        ]
    }
}
