import Foundation

/// One sign-in request in any of the platform's shapes, after its checks.
struct AuthorizationRequest: Sendable, Equatable {
    enum Profile: String, Sendable { case oidc, guangdong, cas }

    var profile: Profile
    var clientID: String
    /// The redirect URI, or for CAS the service URL.
    var redirectURI: String
    var scope: String
    var state: String?
    var nonce: String?
    var codeChallenge: String?
    var prompt: String?
    var loginHint: String?

    /// The request as hidden form fields, so the login page posts it back whole.
    var fields: [(String, String)] {
        var fields: [(String, String)] = [
            ("profile", profile.rawValue), ("client_id", clientID), ("redirect_uri", redirectURI), ("scope", scope),
        ]
        if let state { fields.append(("state", state)) }
        if let nonce { fields.append(("nonce", nonce)) }
        if let codeChallenge { fields.append(("code_challenge", codeChallenge)) }
        return fields
    }
}

/// Why a sign-in request cannot go on. Some refusals may go back to the client by redirect
/// (RFC 6749 §4.1.2.1); an unknown client or an unregistered redirect URI never may, or the
/// platform would be an open redirector: those get a page.
enum AuthorizationRefusal: Error {
    case page(String)
    case redirect(String)
}

extension Platform {
    /// Checks an OpenID Connect authorization request (`/authorize`).
    func oidcRequest(_ query: [String: String]) throws(AuthorizationRefusal) -> AuthorizationRequest {
        let (client, redirectURI) = try clientAndRedirect(query["client_id"], query["redirect_uri"])
        let state = query["state"]
        func refuse(_ error: String, _ description: String) -> AuthorizationRefusal {
            var parameters = [("error", error), ("error_description", description)]
            if let state { parameters.append(("state", state)) }
            parameters.append(("iss", issuer))  // RFC 9207: the client can tell which platform answered
            return .redirect(FormCoding.appending(parameters, to: redirectURI))
        }
        guard query["response_type"] == "code" else {
            throw refuse("unsupported_response_type", "only response_type=code is supported")
        }
        let scope = query["scope"] ?? ""
        guard scope.split(separator: " ").contains("openid") else {
            throw refuse("invalid_scope", "scope must include openid")
        }
        let challenge = query["code_challenge"]
        if let challenge {
            guard query["code_challenge_method"] == "S256" else {
                throw refuse("invalid_request", "code_challenge_method must be S256 (plain is refused)")
            }
            guard challenge.utf8.count == 43,
                challenge.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            else { throw refuse("invalid_request", "code_challenge must be a base64url SHA-256 (43 characters)") }
        } else if client.secret == nil && client.publicKeys.isEmpty {
            throw refuse("invalid_request", "public clients must use PKCE (code_challenge, S256)")
        }
        if query["request"] != nil || query["request_uri"] != nil {
            throw refuse("request_not_supported", "request objects are not supported")
        }
        return AuthorizationRequest(
            profile: .oidc, clientID: client.id, redirectURI: redirectURI, scope: scope, state: state,
            nonce: query["nonce"], codeChallenge: challenge, prompt: query["prompt"], loginHint: query["login_hint"])
    }

    /// Checks a Guangdong-shape request: `service=initService&response_type=code&client_id&scope=all&redirect_uri[&state]`.
    func guangdongRequest(_ query: [String: String]) throws(AuthorizationRefusal) -> AuthorizationRequest {
        let (client, redirectURI) = try clientAndRedirect(query["client_id"], query["redirect_uri"])
        guard query["response_type"] == "code", query["service"] == "initService" else {
            var parameters = [("error", "invalid_request")]
            if let state = query["state"] { parameters.append(("state", state)) }
            throw .redirect(FormCoding.appending(parameters, to: redirectURI))
        }
        return AuthorizationRequest(
            profile: .guangdong, clientID: client.id, redirectURI: redirectURI, scope: query["scope"] ?? "all",
            state: query["state"], loginHint: query["login_hint"])
    }

    /// Checks a CAS login request (`/cas/login?service=…`).
    func casRequest(_ query: [String: String]) throws(AuthorizationRefusal) -> AuthorizationRequest {
        guard let service = query["service"], !service.isEmpty else {
            throw .page("The CAS login needs a service parameter (缺少 service 参数).")
        }
        guard let client = configuration.clients.first(where: { $0.allowsCASService(service) }) else {
            throw .page("The service \(service) is not registered with this platform (服务地址未登记).")
        }
        return AuthorizationRequest(
            profile: .cas, clientID: client.id, redirectURI: service, scope: "cas",
            prompt: query["renew"] == "true" ? "login" : nil,
            loginHint: query["login_hint"])
    }

    /// The login page's post: the request it carried, checked again from the start.
    func postedRequest(_ form: [String: String]) throws(AuthorizationRefusal) -> AuthorizationRequest {
        var query = form
        switch form["profile"] {
        case "oidc":
            query["response_type"] = "code"
            if form["code_challenge"] != nil { query["code_challenge_method"] = "S256" }
            return try oidcRequest(query)
        case "guangdong":
            query["response_type"] = "code"
            query["service"] = "initService"
            return try guangdongRequest(query)
        case "cas":
            query["service"] = form["redirect_uri"]
            return try casRequest(query)
        default: throw .page("The login form is incomplete (登录表单不完整).")
        }
    }

    private func clientAndRedirect(_ clientID: String?, _ redirectURI: String?) throws(AuthorizationRefusal)
        -> (ClientRegistration, String)
    {
        guard let clientID, let client = configuration.client(clientID) else {
            throw .page("Unknown client_id (未登记的应用).")
        }
        guard let redirectURI, client.allowsRedirect(to: redirectURI) else {
            throw .page("The redirect_uri is not registered for \(clientID) (回调地址未登记).")
        }
        return (client, redirectURI)
    }

    /// Signs `user` in for `request` and answers where the browser goes next: the client's
    /// redirect with a code (or CAS ticket), which is single-use and short-lived.
    func complete(
        _ request: AuthorizationRequest, user: TestUser, session: (id: String, authTime: Int64), singleSignOn: Bool
    )
        async throws -> String
    {
        metrics.login(client: request.clientID, profile: request.profile.rawValue, singleSignOn: singleSignOn)
        let expiry = now.addingTimeInterval(configuration.codeLifetime)
        switch request.profile {
        case .cas:
            let ticket = RandomHandle.make("ST-")
            let grant = TicketGrant(service: request.redirectURI, userID: user.id, sessionID: session.id)
            try await store.insertHandle(
                ticket, kind: .casTicket, payload: try GrantCoding.encode(grant), expiresAt: expiry)
            return FormCoding.appending([("ticket", ticket)], to: request.redirectURI)
        case .oidc, .guangdong:
            let code = RandomHandle.make("")
            let grant = CodeGrant(
                clientID: request.clientID, redirectURI: request.redirectURI, userID: user.id, scope: request.scope,
                nonce: request.nonce, codeChallenge: request.codeChallenge, sessionID: session.id,
                authTime: session.authTime, profile: request.profile.rawValue, grantID: RandomHandle.make("grant-"))
            try await store.insertHandle(
                code, kind: .authorizationCode, payload: try GrantCoding.encode(grant), expiresAt: expiry)
            var parameters = [("code", code)]
            if let state = request.state { parameters.append(("state", state)) }
            if request.profile == .oidc { parameters.append(("iss", issuer)) }
            return FormCoding.appending(parameters, to: request.redirectURI)
        }
    }
}
