import Foundation
import Hummingbird
import UnifiedIdentity

extension Platform {
    /// OpenID Connect Discovery 1.0 §3 and RFC 8414 metadata.
    var discoveryDocument: [String: Any] {
        [
            "issuer": issuer,
            "authorization_endpoint": issuer + "/authorize",
            "token_endpoint": tokenEndpoint,
            "userinfo_endpoint": issuer + "/userinfo",
            "jwks_uri": issuer + "/jwks",
            "end_session_endpoint": issuer + "/end-session",
            "introspection_endpoint": issuer + "/introspect",
            "revocation_endpoint": issuer + "/revoke",
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "grant_types_supported": [
                "authorization_code", "refresh_token", "client_credentials", Self.tokenExchangeGrant,
            ],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["ES256", "SM2SM3"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "private_key_jwt"],
            "token_endpoint_auth_signing_alg_values_supported": ["ES256", "SM2SM3"],
            "code_challenge_methods_supported": ["S256"],
            "scopes_supported": ["openid", "profile", "email", "phone"],
            "claims_supported": [
                "sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "sid", "name", "principal",
                "holder_id", "email", "phone_number",
            ],
            "acr_values_supported": ["L1", "L2", "L3", "L4"],
            "authorization_response_iss_parameter_supported": true,
        ]
    }

    func addOIDCRoutes(to router: Router<BasicRequestContext>) {
        router.get("/.well-known/openid-configuration") { _, _ in Responses.json(discoveryDocument) }
        router.get("/.well-known/oauth-authorization-server") { _, _ in Responses.json(discoveryDocument) }
        router.get("/jwks") { _, _ -> Response in
            Responses.text(try await keys.jwks().jsonString, contentType: "application/jwk-set+json")
        }
        router.get("/userinfo") { request, _ in try await userInfo(request) }
        router.post("/userinfo") { request, _ in try await userInfo(request) }
        router.post("/introspect") { request, _ -> Response in
            let form = try await request.bodyForm()
            let client = try await authenticateClient(form: form, authorization: request.headers[.authorization])
            return Responses.json(try await introspect(form, client: client))
        }
        router.post("/revoke") { request, _ -> Response in
            let form = try await request.bodyForm()
            let client = try await authenticateClient(form: form, authorization: request.headers[.authorization])
            try await revoke(form, client: client)
            // RFC 7009 §2.2: 200 whether or not the token was known.
            return Response(status: .ok, headers: [.cacheControl: "no-store"])
        }
        router.get("/end-session") { request, _ in try await endSession(try request.queryForm(), request: request) }
        router.post("/end-session") { request, _ in try await endSession(try await request.bodyForm(), request: request)
        }
        // Liveness for orchestration, and the empty route benchmarks measure against.
        router.get("/health") { _, _ in Response(status: .noContent) }
        router.get("/metrics") { _, _ in
            Responses.text(metrics.exposition(), contentType: "text/plain; version=0.0.4")
        }
    }

    func userInfo(_ request: Request) async throws -> Response {
        guard let token = request.bearerToken else {
            throw OAuthError.invalidToken("send the access token as Authorization: Bearer")
        }
        let (user, verified) = try await userForAccessToken(token, endpoint: "userinfo")
        let principal = try user.principal()
        var answer: [String: Any] = [
            "sub": verified.claims.subject ?? "", "name": user.name, "principal": principal.kind.rawValue,
            "holder_id": principal.identifier, "acr": principal.assuranceLevel?.claimValue ?? "L1",
            "amr": principal.authenticationMethods.map(\.rawValue), "uid": user.id,
        ]
        if let mail = user.mail { answer["email"] = mail }
        if let telephone = user.telephone { answer["phone_number"] = telephone }
        if let sex = user.sex { answer["gender"] = sex == "1" ? "male" : "female" }
        return Responses.json(answer)
    }

    /// RFC 7662: active only for a token this platform issued, unexpired and unrevoked, and
    /// only to the client it was issued to or a registered resource server (§4: a client must
    /// not learn about other clients' tokens); everyone else hears `active: false`.
    func introspect(_ form: [String: String], client: ClientRegistration) async throws -> [String: Any] {
        guard let token = form["token"] else { throw OAuthError.invalidRequest("token is missing") }
        if token.hasPrefix("rt-") {
            guard let payload = try await store.peekHandle(token, kind: .refreshToken, now: now) else {
                return ["active": false]
            }
            let grant = try GrantCoding.decode(RefreshGrant.self, payload)
            guard grant.clientID == client.id, try await session(grant.sessionID) != nil else {
                return ["active": false]
            }
            if let grantID = grant.grantID,
                try await store.isRevoked(tokenID: GrantRevocation.tokenID(grantID), now: now)
            {
                return ["active": false]
            }
            return ["active": true, "client_id": grant.clientID, "scope": grant.scope, "token_type": "refresh_token"]
        }
        do {
            let verified = try await verifyOwnToken(token)
            let claims = verified.claims
            guard client.isResourceServer || Self.token(claims, wasIssuedTo: client.id) else {
                metrics.tokenVerified(endpoint: "introspect", outcome: "other_client")
                return ["active": false]
            }
            metrics.tokenVerified(endpoint: "introspect", outcome: "active")
            var answer: [String: Any] = [
                "active": true, "iss": claims.issuer ?? issuer, "sub": claims.subject ?? "",
                "aud": claims.audience?.values ?? [], "jti": claims.tokenID ?? "",
                "token_type": claims.additional["token_use"]?.stringValue == "access" ? "Bearer" : "N_A",
            ]
            if let exp = claims.expiresAt { answer["exp"] = Int(exp.timeIntervalSince1970) }
            if let iat = claims.issuedAt { answer["iat"] = Int(iat.timeIntervalSince1970) }
            if let scope = claims.additional["scope"]?.stringValue { answer["scope"] = scope }
            if let clientID = claims.additional["client_id"]?.stringValue { answer["client_id"] = clientID }
            if let sid = claims.sessionID { answer["sid"] = sid }
            if let department = claims.department { answer["dept"] = department }
            return answer
        } catch {
            metrics.tokenVerified(endpoint: "introspect", outcome: "inactive")
            return ["active": false]
        }
    }

    /// The client a token was issued to: an access token's `client_id`; otherwise (ID tokens,
    /// department sessions) its audience or authorized party.
    static func token(_ claims: IdentityClaims, wasIssuedTo clientID: String) -> Bool {
        if let issuedTo = claims.additional["client_id"]?.stringValue { return issuedTo == clientID }
        return claims.audience?.contains(clientID) == true || claims.additional["azp"]?.stringValue == clientID
    }

    /// RFC 7009: a refresh token is deleted with its whole grant (§2.1: the access tokens of
    /// the same grant too); a JWT's `jti` is revoked until it expires. Only the client a token
    /// was issued to may revoke it.
    func revoke(_ form: [String: String], client: ClientRegistration) async throws {
        guard let token = form["token"] else { throw OAuthError.invalidRequest("token is missing") }
        if token.hasPrefix("rt-") {
            if let payload = try await store.peekHandle(token, kind: .refreshToken, now: now) {
                let grant = try GrantCoding.decode(RefreshGrant.self, payload)
                guard grant.clientID == client.id else { return }
                try await store.deleteHandle(token, kind: .refreshToken)
                if let grantID = grant.grantID { try await revokeGrant(grantID) }
                logger.info("refresh token revoked", metadata: ["client": "\(client.id)"])
            }
            return
        }
        guard let verified = try? await verifyOwnToken(token, checkTime: false), let tokenID = verified.claims.tokenID,
            verified.claims.audience?.contains(client.id) == true
        else { return }
        try await store.revoke(tokenID: tokenID, until: verified.claims.expiresAt ?? now.addingTimeInterval(86_400))
        logger.info("token revoked", metadata: ["client": "\(client.id)", "jti": "\(tokenID)"])
    }

    /// OpenID Connect RP-Initiated Logout 1.0: ends the platform session named by the ID token
    /// (or the cookie), revoking every token of that session, then returns to a registered URI.
    func endSession(_ parameters: [String: String], request: Request) async throws -> Response {
        var sessionID = request.cookie(Self.sessionCookie)
        var client: ClientRegistration?
        if let hint = parameters["id_token_hint"] {
            // An expired ID token still names the session to end.
            guard let verified = try? await verifyOwnToken(hint, checkTime: false) else {
                return Responses.html(
                    LoginPage.message("The id_token_hint is not valid (登出请求无效)."), status: .badRequest)
            }
            sessionID = verified.claims.sessionID ?? sessionID
            client = verified.claims.audience?.values.first.flatMap { configuration.client($0) }
        } else if let id = parameters["client_id"] {
            client = configuration.client(id)
        }
        if let sessionID { try await endSession(sessionID) }
        let cookie = "\(Self.sessionCookie)=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
        if let target = parameters["post_logout_redirect_uri"] {
            guard let client, client.allowsRedirect(to: target) else {
                return Responses.html(
                    LoginPage.message("post_logout_redirect_uri is not registered (登出回调地址未登记)."), status: .badRequest)
            }
            var parameters2: [(String, String)] = []
            if let state = parameters["state"] { parameters2.append(("state", state)) }
            return Responses.redirect(
                to: parameters2.isEmpty ? target : FormCoding.appending(parameters2, to: target), cookie: cookie)
        }
        return Responses.html(LoginPage.message("You are signed out (已退出登录)."), cookie: cookie)
    }
}
