import Foundation
import Logging
import UnifiedIdentity

/// The reference platform's behaviour, independent of HTTP: who may sign in where, what a
/// code or token is worth, and what each refusal is called. The routes translate requests
/// into calls on this and answers back into each protocol's shape.
public struct Platform: Sendable {
    public let configuration: PlatformConfiguration
    public let issuer: String
    public let store: any PlatformStore
    public let keys: PlatformKeys
    public let metrics: PlatformMetrics
    let logger: Logger
    let pairwise: PairwiseSubjectGenerator
    let clock: @Sendable () -> Date

    public init(
        configuration: PlatformConfiguration, issuer: String, store: any PlatformStore, keys: PlatformKeys,
        metrics: PlatformMetrics, pairwiseSecret: [UInt8], logger: Logger,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.configuration = configuration
        self.issuer = issuer
        self.store = store
        self.keys = keys
        self.metrics = metrics
        self.pairwise = try PairwiseSubjectGenerator(secret: pairwiseSecret)
        self.logger = logger
        self.clock = clock
    }

    var now: Date { Date(timeIntervalSince1970: clock().timeIntervalSince1970.rounded(.down)) }
    var tokenEndpoint: String { issuer + "/token" }

    // MARK: Clients

    /// The client authenticated by exactly one of: HTTP Basic, `client_secret` in the form,
    /// or a `private_key_jwt` assertion. A public client (no secret, no keys) only names itself.
    func authenticateClient(form: [String: String], authorization: String?) async throws(OAuthError)
        -> ClientRegistration
    {
        var methods: [(id: String, check: Credential)] = []
        if let authorization, authorization.lowercased().hasPrefix("basic ") {
            guard
                let decoded = Data(
                    base64Encoded: String(authorization.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
                let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
            else { throw .invalidClient("the Authorization header is not Basic client_id:client_secret") }
            let id = FormCoding.percentDecode(String(text[..<colon])) ?? ""
            let secret = FormCoding.percentDecode(String(text[text.index(after: colon)...])) ?? ""
            methods.append((id, .secret(secret)))
        }
        if let secret = form["client_secret"] {
            methods.append((form["client_id"] ?? "", .secret(secret)))
        }
        if let assertion = form["client_assertion"] {
            guard form["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" else {
                throw .invalidClient(
                    "client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
            }
            methods.append((form["client_id"] ?? "", .assertion(assertion)))
        }
        guard methods.count <= 1 else { throw .invalidRequest("use exactly one client authentication method") }
        guard let method = methods.first else {
            guard let id = form["client_id"], let client = configuration.client(id) else {
                throw .invalidClient("no client authentication and no known client_id")
            }
            guard client.secret == nil, client.publicKeys.isEmpty else {
                throw .invalidClient("client \(id) must authenticate")
            }
            return client
        }
        switch method.check {
        case .secret(let secret):
            guard let client = configuration.client(method.id), let expected = client.secret,
                ConstantTime.equals(expected, secret)
            else { throw .invalidClient("unknown client or wrong client secret") }
            if let named = form["client_id"], named != client.id {
                throw .invalidClient("client_id does not match the authenticated client")
            }
            return client
        case .assertion(let assertion):
            return try await verifyClientAssertion(assertion, claimedID: form["client_id"])
        }
    }

    enum Credential {
        case secret(String)
        case assertion(String)
    }

    /// RFC 7523 §3: `iss` = `sub` = client, `aud` the token endpoint, `exp` required, `jti` once.
    func verifyClientAssertion(_ assertion: String, claimedID: String?) async throws(OAuthError)
        -> ClientRegistration
    {
        let unverifiedIssuer = UnverifiedClaims.issuer(of: assertion)
        guard let id = claimedID ?? unverifiedIssuer, let client = configuration.client(id),
            !client.publicKeys.isEmpty
        else { throw .invalidClient("the client assertion names no client registered for private_key_jwt") }
        do {
            let keys = try client.publicKeys.map { pem throws in try VerificationKey(pemRepresentation: pem) }
            let verifier = TokenVerifier(
                keys: KeySet(verificationKeys: keys), allowedAlgorithms: [.es256, .sm2WithSM3],
                timeValidity: TimeValidity(maximumLifetime: 600), stages: [OneTimeUse(StoreReplays(store: store))]
            ) {
                IssuerAllowList([client.id])
                AudienceRequirement(tokenEndpoint)
            }
            let verified = try await verifier.verify(assertion)
            guard verified.claims.subject == client.id else {
                throw OAuthError.invalidClient("the client assertion's sub must be the client_id")
            }
            return client
        } catch let error as OAuthError {
            throw error
        } catch {
            throw .invalidClient("client assertion refused: \(error)")
        }
    }

    // MARK: Users and tokens

    func user(_ id: String) throws(OAuthError) -> TestUser {
        guard let user = configuration.user(id) else { throw .invalidGrant("unknown user \(id)") }
        return user
    }

    func signingKey(for client: ClientRegistration) async throws -> SigningKey {
        try await keys.signingKey(client.idTokenAlgorithm == .sm2 ? .sm2 : .p256)
    }

    /// An access token: a JWT the platform itself verifies at userinfo and introspection, with
    /// the pairwise `sub`, `client_id`, `scope`, `sid` and `token_use: access`.
    func accessToken(
        user: TestUser?, client: ClientRegistration, scope: String, sessionID: String?, grantID: String? = nil
    ) async throws -> (token: String, claims: IdentityClaims) {
        let now = self.now
        var claims = IdentityClaims(
            issuer: issuer, audience: Audience([client.id]),
            expiresAt: now.addingTimeInterval(configuration.accessTokenLifetime), issuedAt: now,
            sessionID: sessionID,
            additional: [
                "client_id": .string(client.id), "scope": .string(scope), "token_use": .string("access"),
            ])
        if let grantID { claims.additional["grant_id"] = .string(grantID) }
        if let user {
            let principal = try user.principal()
            claims.subject = pairwise.subject(for: principal.identifier, in: client.id)
            claims.principalKind = principal.kind
            claims.assuranceLevel = principal.assuranceLevel
            claims.authenticationMethods = principal.authenticationMethods
            claims.additional["uid"] = .string(user.id)
        } else {
            claims.subject = client.id
        }
        let signer = TokenIssuer(issuer: issuer, signingKey: try await signingKey(for: client))
        let token = try signer.issue(claims)
        return (token, claims)
    }

    /// An OpenID Connect ID token, with the holder's identifier and name disclosed to the
    /// client (a registered department of the same government).
    func idToken(user: TestUser, client: ClientRegistration, nonce: String?, sessionID: String, authTime: Int64)
        async throws -> String
    {
        let principal = try user.principal(sessionID: sessionID)
        let now = self.now
        var claims = IdentityClaims(
            issuer: issuer, subject: pairwise.subject(for: principal.identifier, in: client.id),
            audience: Audience([client.id]), expiresAt: now.addingTimeInterval(configuration.accessTokenLifetime),
            issuedAt: now, principalKind: principal.kind, holderIdentifier: principal.identifier,
            name: principal.name, assuranceLevel: principal.assuranceLevel,
            authenticationMethods: principal.authenticationMethods, sessionID: sessionID,
            additional: ["auth_time": .integer(authTime), "azp": .string(client.id), "uid": .string(user.id)])
        if let nonce { claims.additional["nonce"] = .string(nonce) }
        let signer = TokenIssuer(issuer: issuer, signingKey: try await signingKey(for: client))
        return try signer.issue(claims)
    }

    /// Verifies a token this platform issued: signature with its keys, `iss`, time, and
    /// revocation of the token, of the login it was exchanged from, of its session, and of
    /// the grant (refresh-token chain) it came from.
    func verifyOwnToken(_ token: String, checkTime: Bool = true) async throws -> VerifiedToken {
        let keySet = try await keys.verificationKeys()
        var verifier = TokenVerifier(
            keys: keySet, allowedAlgorithms: [.es256, .sm2WithSM3],
            timeValidity: checkTime ? TimeValidity(clockSkew: 0) : TimeValidity(clockSkew: .greatestFiniteMagnitude),
            stages: [RevocationCheck(StoreRevocations(store: store))]
        ) {
            IssuerAllowList([issuer])
        }
        verifier.clock = clock
        let verified = try await verifier.verify(token)
        if let sessionID = verified.claims.sessionID,
            try await store.isRevoked(tokenID: "sid:" + sessionID, now: now)
        {
            throw TokenError.revoked(jti: "sid:" + sessionID)
        }
        if let grantID = verified.claims.additional["grant_id"]?.stringValue,
            try await store.isRevoked(tokenID: GrantRevocation.tokenID(grantID), now: now)
        {
            throw TokenError.revoked(jti: GrantRevocation.tokenID(grantID))
        }
        return verified
    }

    /// The user an access token speaks for (refusing ID tokens and client-credential tokens).
    func userForAccessToken(_ token: String, endpoint: String) async throws(OAuthError) -> (TestUser, VerifiedToken) {
        let verified: VerifiedToken
        do {
            verified = try await verifyOwnToken(token)
        } catch {
            metrics.tokenVerified(endpoint: endpoint, outcome: "refused")
            logger.info("access token refused", metadata: ["endpoint": "\(endpoint)", "reason": "\(error)"])
            throw .invalidToken("the access token is not valid: \(error)")
        }
        guard verified.claims.additional["token_use"]?.stringValue == "access",
            let userID = verified.claims.additional["uid"]?.stringValue, let user = configuration.user(userID)
        else {
            metrics.tokenVerified(endpoint: endpoint, outcome: "refused")
            throw .invalidToken("the token is not a user's access token")
        }
        metrics.tokenVerified(endpoint: endpoint, outcome: "accepted")
        return (user, verified)
    }

    // MARK: Sessions

    func startSession(user: TestUser) async throws -> (id: String, authTime: Int64) {
        let id = RandomHandle.make("ses-")
        let authTime = Int64(now.timeIntervalSince1970)
        try await store.insertHandle(
            id, kind: .session, payload: try GrantCoding.encode(SessionRecord(userID: user.id, authTime: authTime)),
            expiresAt: now.addingTimeInterval(configuration.sessionLifetime))
        logger.info(
            "signed in", metadata: ["user": "\(user.id)", "holder": "\(user.maskedIdentifier)", "session": "\(id)"])
        return (id, authTime)
    }

    func session(_ id: String) async throws -> SessionRecord? {
        guard let payload = try await store.peekHandle(id, kind: .session, now: now) else { return nil }
        if try await store.isRevoked(tokenID: "sid:" + id, now: now) { return nil }
        return try GrantCoding.decode(SessionRecord.self, payload)
    }

    func endSession(_ id: String) async throws {
        try await store.deleteHandle(id, kind: .session)
        try await store.revoke(tokenID: "sid:" + id, until: now.addingTimeInterval(configuration.sessionLifetime))
        logger.info("signed out", metadata: ["session": "\(id)"])
    }
}

/// Reads `iss` from a token before it is verified, only to pick the keys to verify it with.
enum UnverifiedClaims {
    static func issuer(of token: String) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var text = String(parts[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["iss"] as? String
    }
}
