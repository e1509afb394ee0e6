import Foundation
import Logging
import UnifiedIdentity

/// Signs a department system's users in through the provincial platform, in the shape its
/// profile describes, and returns a verified, typed principal.
///
/// ```swift
/// let login = try LoginClient(configuration: LoginConfiguration(
///     platform: URL(string: "https://sso.example.gov.cn")!, clientID: "dept-a",
///     authentication: .clientSecretBasic(secret), redirectURI: "https://dept-a.example.gov.cn/callback",
///     profile: try .builtIn("oidc")))
/// let request = try await login.begin()          // send the browser to request.authorizationURL
/// let result = try await login.complete(callback: callbackURL)   // at the redirect URI
/// print(result.principal)                         // 自然人 110105********2X L3 (sub …)
/// ```
///
/// The login speaks HTTP through a `LoginTransport`: `UnifiedLogin` adds
/// `LoginClient(configuration:)` over AsyncHTTPClient; a desktop tool may bring its own.
/// Call `shutdown()` when done: it releases the transport's connections.
public final class LoginClient: Sendable {
    public let configuration: LoginConfiguration
    let http: LoginHTTP
    let pending = PendingLogins()
    let jwks = JWKSCache()
    let metadataCache = MetadataCache()
    let logger: Logger

    /// A client over `transport`; `configuration.timeout` bounds each exchange (the
    /// transport's TLS trust is the transport's own).
    public init(
        configuration: LoginConfiguration, transport: any LoginTransport,
        logger: Logger = Logger(label: "UnifiedLogin")
    ) throws(LoginError) {
        try configuration.profile.check()
        if configuration.profile.protocol == .oauth2, configuration.authentication.secret == nil {
            throw .invalidConfiguration(
                "the \(configuration.profile.name) profile sends a client secret; configure one")
        }
        self.configuration = configuration
        self.http = LoginHTTP(transport: transport, timeout: configuration.timeout)
        self.logger = logger
    }

    /// Releases the transport's connections.
    public func shutdown() async throws { try await http.transport.shutdown() }

    // MARK: Starting a login

    /// Starts a login: fresh `state`, `nonce` and PKCE verifier (OpenID Connect), remembered
    /// until the callback. `loginHint` is passed to platforms that read it (the reference
    /// platform signs its test users in without a page).
    public func begin(loginHint: String? = nil) async throws(LoginError) -> LoginRequest {
        let state = LoginRandom.value()
        let profile = configuration.profile
        let request: LoginRequest
        switch profile.protocol {
        case .oidc:
            let metadata = try await providerMetadata()
            let nonce = LoginRandom.value()
            let verifier = LoginRandom.value()
            var scopes = configuration.scopes
            if !scopes.contains("openid") { scopes.insert("openid", at: 0) }
            var parameters = [
                ("response_type", "code"), ("client_id", configuration.clientID),
                ("redirect_uri", configuration.redirectURI), ("scope", scopes.joined(separator: " ")),
                ("state", state), ("nonce", nonce), ("code_challenge", LoginRandom.challenge(for: verifier)),
                ("code_challenge_method", "S256"),
            ]
            if let loginHint { parameters.append(("login_hint", loginHint)) }
            let url = try FormEncoding.url(metadata.authorizationEndpoint, path: "", query: parameters)
            request = LoginRequest(
                authorizationURL: url, state: state, nonce: nonce, codeVerifier: verifier,
                redirectURI: configuration.redirectURI, startedAt: Date())
        case .oauth2, .cas:
            guard let endpoint = profile.authorize else {
                throw .invalidProfile(name: profile.name, reason: "no authorize")
            }
            // CAS carries no state: it rides in the service URL, which the ticket is bound to.
            let redirect =
                profile.protocol == .cas
                ? configuration.redirectURI + (configuration.redirectURI.contains("?") ? "&" : "?") + "state=" + state
                : configuration.redirectURI
            var parameters = try fill(endpoint, values: ["redirect_uri": redirect, "state": state])
            if let loginHint { parameters.append(("login_hint", loginHint)) }
            request = LoginRequest(
                authorizationURL: try FormEncoding.url(configuration.platform, path: endpoint.path, query: parameters),
                state: state, nonce: nil, codeVerifier: nil, redirectURI: redirect, startedAt: Date())
        }
        await pending.add(request, lifetime: configuration.loginLifetime)
        return request
    }

    // MARK: Completing a login

    /// Completes the login the callback belongs to: checks `state` (once), the redirect URI,
    /// the platform's error, then redeems the code (or ticket) and verifies what comes back.
    public func complete(callback: URL) async throws(LoginError) -> LoginResult {
        let query = Self.query(of: callback)
        // CAS carries the state inside the service URL, which comes back as a query parameter too.
        guard let stateValue = query["state"], let request = await pending.take(stateValue) else {
            logger.notice("login callback refused", metadata: ["reason": "unknown state"])
            throw .stateMismatch
        }
        guard Date().timeIntervalSince(request.startedAt) <= configuration.loginLifetime else { throw .loginExpired }
        let expectedPath = Self.withoutQuery(request.redirectURI)
        let foundPath = Self.withoutQuery(callback.absoluteString)
        guard expectedPath == foundPath else { throw .redirectMismatch(expected: expectedPath, found: foundPath) }
        if let error = query["error"] { throw .platformRefused(error: error, description: query["error_description"]) }

        let result: LoginResult
        switch configuration.profile.protocol {
        case .oidc:
            if let issuer = query["iss"], issuer != configuration.issuer {
                throw .issuerMismatch(expected: configuration.issuer, found: issuer)
            }
            guard let code = query["code"] else { throw .missingCode }
            result = try await completeOIDC(code: code, request: request)
        case .oauth2:
            guard let code = query["code"] else { throw .missingCode }
            result = try await completeOAuth2(code: code, request: request)
        case .cas:
            guard let ticket = query["ticket"] else { throw .missingCode }
            result = try await completeCAS(ticket: ticket, request: request)
        }
        logger.info(
            "signed in",
            metadata: [
                "principal": "\(result.principal.kind.rawValue)", "holder": "\(result.principal.maskedIdentifier)",
                "profile": "\(configuration.profile.name)",
            ])
        return result
    }

    func completeOIDC(code: String, request: LoginRequest) async throws(LoginError) -> LoginResult {
        let metadata = try await providerMetadata()
        var form = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", request.redirectURI)]
        if let verifier = request.codeVerifier { form.append(("code_verifier", verifier)) }
        let tokens = try await tokenRequest(form, endpoint: metadata.tokenEndpoint)
        guard let idToken = tokens.idToken else {
            throw .malformedAnswer(endpoint: "token", reason: "no id_token (was openid in scope?)")
        }
        let verified = try await verifyIDToken(idToken)
        guard let nonce = request.nonce, verified.claims.additional["nonce"]?.stringValue == nonce else {
            throw .nonceMismatch
        }
        let principal = try PrincipalMapper(mapping: configuration.profile.principal).principal(
            from: PrincipalMapper.fields(verified.claims), subject: verified.claims.subject)
        return LoginResult(principal: principal, tokens: tokens, idToken: verified)
    }

    func completeOAuth2(code: String, request: LoginRequest) async throws(LoginError) -> LoginResult {
        let profile = configuration.profile
        guard let tokenEndpoint = profile.token, let userInfoEndpoint = profile.userInfo else {
            throw .invalidProfile(name: profile.name, reason: "token and userInfo endpoints are required")
        }
        let tokenParameters = try fill(tokenEndpoint, values: ["code": code, "redirect_uri": request.redirectURI])
        let (status, answer) = try await call(tokenEndpoint, parameters: tokenParameters, name: "token")
        try checkAnswer(answer, status: status, endpoint: "token", requireCode: false)
        guard let accessToken = answer["access_token"] as? String else {
            throw .malformedAnswer(endpoint: "token", reason: "no access_token")
        }
        let tokens = TokenSet(
            accessToken: accessToken, refreshToken: answer["refresh_token"] as? String, idToken: nil,
            expiresIn: (answer["expires_in"] as? NSNumber)?.intValue, scope: answer["scope"] as? String)
        let infoParameters = try fill(userInfoEndpoint, values: ["access_token": accessToken])
        let (infoStatus, info) = try await call(userInfoEndpoint, parameters: infoParameters, name: "userInfo")
        try checkAnswer(info, status: infoStatus, endpoint: "userInfo", requireCode: true)
        var fields = info
        if let objectField = profile.answer?.objectField {
            guard let object = info[objectField] as? [String: Any] else {
                throw .malformedAnswer(endpoint: "userInfo", reason: "no \(objectField) object")
            }
            fields = object
        }
        let principal = try PrincipalMapper(mapping: profile.principal).principal(from: fields, subject: nil)
        return LoginResult(principal: principal, tokens: tokens, idToken: nil)
    }

    func completeCAS(ticket: String, request: LoginRequest) async throws(LoginError) -> LoginResult {
        let profile = configuration.profile
        guard let validate = profile.validate else { throw .invalidProfile(name: profile.name, reason: "no validate") }
        let parameters = try fill(validate, values: ["redirect_uri": request.redirectURI, "ticket": ticket])
        let (_, answer) = try await call(validate, parameters: parameters, name: "validate")
        guard let response = answer["serviceResponse"] as? [String: Any] else {
            throw .malformedAnswer(endpoint: "validate", reason: "no serviceResponse")
        }
        if let failure = response["authenticationFailure"] as? [String: Any] {
            throw .platformRefused(
                error: failure["code"] as? String ?? "INVALID_TICKET", description: failure["description"] as? String)
        }
        guard let success = response["authenticationSuccess"] as? [String: Any], let user = success["user"] as? String
        else { throw .malformedAnswer(endpoint: "validate", reason: "no authenticationSuccess.user") }
        var fields = success["attributes"] as? [String: Any] ?? [:]
        fields["user"] = user
        let principal = try PrincipalMapper(mapping: profile.principal).principal(from: fields, subject: user)
        return LoginResult(principal: principal, tokens: nil, idToken: nil)
    }

    // MARK: After the login

    /// Uses a refresh token (OpenID Connect); a new ID token is verified like the first.
    public func refresh(_ refreshToken: String) async throws(LoginError) -> TokenSet {
        let metadata = try await providerMetadata()
        let tokens = try await tokenRequest(
            [("grant_type", "refresh_token"), ("refresh_token", refreshToken)], endpoint: metadata.tokenEndpoint)
        if let idToken = tokens.idToken { _ = try await verifyIDToken(idToken) }
        return tokens
    }

    /// The OpenID Connect userinfo answer for an access token.
    public func userInfo(accessToken: String) async throws(LoginError) -> [String: JSONValue] {
        let metadata = try await providerMetadata()
        guard let endpoint = metadata.userInfoEndpoint else {
            throw .invalidConfiguration("the platform publishes no userinfo endpoint")
        }
        let answer = try await http.send(
            endpoint, method: "GET", headers: [("Authorization", "Bearer \(accessToken)")], endpoint: "userinfo")
        guard answer.status == 200 else {
            let object = (try? JSONSerialization.jsonObject(with: answer.body)) as? [String: Any] ?? [:]
            throw .platformRefused(
                error: object["error"] as? String ?? "HTTP \(answer.status)",
                description: object["error_description"] as? String)
        }
        do {
            return try JSONDecoder().decode([String: JSONValue].self, from: answer.body)
        } catch {
            throw .malformedAnswer(endpoint: "userinfo", reason: "not a JSON object")
        }
    }

    /// RP-initiated logout: the URL to send the browser to, ending the platform session.
    public func logoutURL(idTokenHint: String, postLogoutRedirectURI: String? = nil, state: String? = nil)
        async throws(LoginError) -> URL
    {
        let metadata = try await providerMetadata()
        guard let endpoint = metadata.endSessionEndpoint else {
            throw .invalidConfiguration("the platform publishes no end_session_endpoint")
        }
        var parameters = [("id_token_hint", idTokenHint), ("client_id", configuration.clientID)]
        if let postLogoutRedirectURI { parameters.append(("post_logout_redirect_uri", postLogoutRedirectURI)) }
        if let state { parameters.append(("state", state)) }
        return try FormEncoding.url(endpoint, path: "", query: parameters)
    }

    /// Revokes a token at the platform (RFC 7009).
    public func revoke(_ token: String) async throws(LoginError) {
        let metadata = try await providerMetadata()
        guard let endpoint = metadata.revocationEndpoint else {
            throw .invalidConfiguration("the platform publishes no revocation_endpoint")
        }
        var form = [("token", token)]
        let headers = try await authenticate(&form, audience: endpoint.absoluteString)
        let answer = try await http.send(endpoint, method: "POST", form: form, headers: headers, endpoint: "revocation")
        guard answer.status == 200 else {
            throw .transport(endpoint: "revocation", reason: "HTTP status \(answer.status)")
        }
    }

    /// The department session for a login (RFC 8693 token exchange at the platform, which runs
    /// `UnifiedIdentity.DepartmentSessionExchange`), verified with the platform's keys.
    public func departmentSession(for login: LoginResult, department: String) async throws(LoginError)
        -> VerifiedToken
    {
        guard let accessToken = login.tokens?.accessToken else {
            throw .invalidConfiguration("the login has no access token to exchange (CAS logins have none)")
        }
        let metadata = try await providerMetadata()
        var form = [
            ("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange"), ("subject_token", accessToken),
            ("subject_token_type", "urn:ietf:params:oauth:token-type:access_token"), ("audience", department),
        ]
        let headers = try await authenticate(&form, audience: metadata.tokenEndpoint.absoluteString)
        let (status, answer) = try await http.json(
            metadata.tokenEndpoint, method: "POST", form: form, headers: headers, endpoint: "token")
        guard status == 200, let token = answer["access_token"] as? String else {
            throw .platformRefused(
                error: answer["error"] as? String ?? "HTTP \(status)",
                description: answer["error_description"] as? String)
        }
        return try await verifyPlatformToken(token, audience: department)
    }
}
