import Foundation
import UnifiedIdentity

extension LoginClient {
    /// The platform's discovery document, fetched once; its `issuer` must be the configured one.
    public func providerMetadata() async throws(LoginError) -> ProviderMetadata {
        if let cached = await metadataCache.current() { return cached }
        let url = try FormEncoding.url(configuration.platform, path: "/.well-known/openid-configuration", query: [])
        let (status, object) = try await http.json(url, method: "GET", endpoint: "discovery")
        guard status == 200 else { throw .transport(endpoint: "discovery", reason: "HTTP status \(status)") }
        func endpoint(_ name: String) -> URL? { (object[name] as? String).flatMap(URL.init(string:)) }
        guard let issuer = object["issuer"] as? String else {
            throw .malformedAnswer(endpoint: "discovery", reason: "no issuer")
        }
        guard issuer == configuration.issuer else {
            throw .issuerMismatch(expected: configuration.issuer, found: issuer)
        }
        guard let authorization = endpoint("authorization_endpoint"), let token = endpoint("token_endpoint"),
            let jwksURI = endpoint("jwks_uri")
        else {
            throw .malformedAnswer(
                endpoint: "discovery", reason: "authorization_endpoint, token_endpoint and jwks_uri are required")
        }
        let metadata = ProviderMetadata(
            issuer: issuer, authorizationEndpoint: authorization, tokenEndpoint: token,
            userInfoEndpoint: endpoint("userinfo_endpoint"), jwksURI: jwksURI,
            endSessionEndpoint: endpoint("end_session_endpoint"), revocationEndpoint: endpoint("revocation_endpoint"),
            introspectionEndpoint: endpoint("introspection_endpoint"))
        await metadataCache.store(metadata)
        return metadata
    }

    /// Adds the client's credentials to a token-endpoint form, or returns them as a header.
    func authenticate(_ form: inout [(String, String)], audience: String) async throws(LoginError) -> [(String, String)]
    {
        switch configuration.authentication {
        case .none:
            form.append(("client_id", configuration.clientID))
            return []
        case .clientSecretBasic(let secret):
            let credentials = FormEncoding.encode(configuration.clientID) + ":" + FormEncoding.encode(secret)
            return [("Authorization", "Basic " + Data(credentials.utf8).base64EncodedString())]
        case .clientSecretPost(let secret):
            form.append(("client_id", configuration.clientID))
            form.append(("client_secret", secret))
            return []
        case .privateKeyJWT(let key):
            let now = Date()
            let claims = IdentityClaims(
                issuer: configuration.clientID, subject: configuration.clientID, audience: Audience([audience]),
                expiresAt: now.addingTimeInterval(60), issuedAt: now)
            do {
                let assertion = try TokenIssuer(issuer: configuration.clientID, signingKey: key).issue(claims)
                form.append(("client_id", configuration.clientID))
                form.append(("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
                form.append(("client_assertion", assertion))
            } catch {
                throw .invalidConfiguration("cannot sign the client assertion: \(error)")
            }
            return []
        }
    }

    func tokenRequest(_ form: [(String, String)], endpoint: URL) async throws(LoginError) -> TokenSet {
        var form = form
        let headers = try await authenticate(&form, audience: endpoint.absoluteString)
        let (status, answer) = try await http.json(
            endpoint, method: "POST", form: form, headers: headers, endpoint: "token")
        guard status == 200 else {
            throw .platformRefused(
                error: answer["error"] as? String ?? "HTTP \(status)",
                description: answer["error_description"] as? String)
        }
        guard let accessToken = answer["access_token"] as? String else {
            throw .malformedAnswer(endpoint: "token", reason: "no access_token")
        }
        if let type = answer["token_type"] as? String, type.lowercased() != "bearer" {
            throw .malformedAnswer(endpoint: "token", reason: "token_type \(type) is not Bearer")
        }
        return TokenSet(
            accessToken: accessToken, refreshToken: answer["refresh_token"] as? String,
            idToken: answer["id_token"] as? String, expiresIn: (answer["expires_in"] as? NSNumber)?.intValue,
            scope: answer["scope"] as? String)
    }

    /// An ID token: signature by a key of the platform's JWKS (fetched again once for a `kid`
    /// not yet seen: rotation), `iss`, `aud` = this client, `exp`/`iat`, and `azp` when several audiences.
    func verifyIDToken(_ token: String) async throws(LoginError) -> VerifiedToken {
        let verified = try await verifyPlatformToken(token, audience: configuration.clientID)
        if let audience = verified.claims.audience, audience.values.count > 1,
            verified.claims.additional["azp"]?.stringValue != configuration.clientID
        {
            throw .idTokenRefused(.audienceMismatch(expected: configuration.clientID, found: audience.values))
        }
        return verified
    }

    func verifyPlatformToken(_ token: String, audience: String) async throws(LoginError) -> VerifiedToken {
        var keys = try await platformKeys(forceRefresh: false)
        for attempt in 0..<2 {
            let verifier = TokenVerifier(
                keys: keys, names: configuration.algorithmNames, allowedAlgorithms: [.es256, .sm2WithSM3, .ed25519],
                timeValidity: TimeValidity(clockSkew: configuration.clockSkew)
            ) {
                IssuerAllowList([configuration.issuer])
                AudienceRequirement(audience)
            }
            do {
                return try await verifier.verify(token)
            } catch {
                if attempt == 0, case .unknownKey = error,
                    await jwks.mayRefresh(interval: configuration.jwksRefreshInterval)
                {
                    keys = try await platformKeys(forceRefresh: true)
                    continue
                }
                logger.notice("token refused", metadata: ["reason": "\(error.code)"])
                throw .idTokenRefused(error)
            }
        }
        throw .idTokenRefused(.unknownKey(kid: nil))
    }

    func platformKeys(forceRefresh: Bool) async throws(LoginError) -> KeySet {
        if !forceRefresh, let text = await jwks.current() { return try Self.keySet(text) }
        let metadata = try await providerMetadata()
        let answer = try await http.send(metadata.jwksURI, method: "GET", endpoint: "jwks")
        guard answer.status == 200 else { throw .transport(endpoint: "jwks", reason: "HTTP status \(answer.status)") }
        let text = String(decoding: answer.body, as: UTF8.self)
        let keys = try Self.keySet(text)
        await jwks.store(text)
        return keys
    }

    static func keySet(_ text: String) throws(LoginError) -> KeySet {
        do {
            return try KeySet(jwks: try JWKSet(jsonString: text))
        } catch {
            throw .malformedAnswer(endpoint: "jwks", reason: "\(error)")
        }
    }

    // MARK: Profile-shaped calls

    /// The endpoint's parameters with placeholders filled; `name?` parameters without a value dropped.
    func fill(_ endpoint: LoginProfile.Endpoint, values: [String: String]) throws(LoginError) -> [(String, String)] {
        var all = values
        all["client_id"] = configuration.clientID
        if let secret = configuration.authentication.secret { all["client_secret"] = secret }
        var result: [(String, String)] = []
        for pair in endpoint.parameters {
            guard pair.count == 2 else {
                throw .invalidProfile(
                    name: configuration.profile.name, reason: "a parameter is not a [name, value] pair")
            }
            var name = pair[0]
            let optional = name.hasSuffix("?")
            if optional { name.removeLast() }
            let template = pair[1]
            if template.hasPrefix("{"), template.hasSuffix("}") {
                let key = String(template.dropFirst().dropLast())
                guard let value = all[key] else {
                    if optional { continue }
                    throw .invalidProfile(name: configuration.profile.name, reason: "no value for {\(key)}")
                }
                result.append((name, value))
            } else {
                result.append((name, template))
            }
        }
        return result
    }

    func call(_ endpoint: LoginProfile.Endpoint, parameters: [(String, String)], name: String) async throws(LoginError)
        -> (Int, [String: Any])
    {
        if endpoint.method.uppercased() == "POST" {
            let url = try FormEncoding.url(configuration.platform, path: endpoint.path, query: [])
            return try await http.json(url, method: "POST", form: parameters, endpoint: name)
        }
        let url = try FormEncoding.url(configuration.platform, path: endpoint.path, query: parameters)
        return try await http.json(url, method: "GET", endpoint: name)
    }

    /// A wrapped answer's status: `errcode` (or the profile's field) must be the success code;
    /// an OAuth `error` member or an HTTP error status is a refusal too.
    func checkAnswer(_ answer: [String: Any], status: Int, endpoint: String, requireCode: Bool) throws(LoginError) {
        if let shape = configuration.profile.answer {
            if let code = answer[shape.errorCodeField] {
                let value = (code as? NSNumber)?.intValue ?? Int("\(code)")
                if value != shape.successCode {
                    throw .platformRefused(
                        error: "\(shape.errorCodeField) \(code)",
                        description: shape.errorMessageField.flatMap { answer[$0] as? String })
                }
            } else if requireCode {
                throw .malformedAnswer(endpoint: endpoint, reason: "no \(shape.errorCodeField)")
            }
        }
        if let error = answer["error"] as? String {
            throw .platformRefused(error: error, description: answer["error_description"] as? String)
        }
        guard (200..<300).contains(status) else {
            throw .transport(endpoint: endpoint, reason: "HTTP status \(status)")
        }
    }

    static func query(of url: URL) -> [String: String] {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return [:] }
        var result: [String: String] = [:]
        for item in components.queryItems ?? [] where result[item.name] == nil { result[item.name] = item.value ?? "" }
        return result
    }

    static func withoutQuery(_ uri: String) -> String {
        String(uri.prefix { $0 != "?" && $0 != "#" })
    }
}
