import Foundation
import Hummingbird

/// The Guangdong unified identity platform's OAuth 2.0 shape, as public integration code
/// uses it: everything is a GET, the client secret travels in the query, and the user
/// information answer is `{"errcode": 0, "userobj": {…}}`. Deployments serve it under
/// `/tif/` or `/pscp/`; the reference platform serves both.
extension Platform {
    static let guangdongPrefixes = ["/tif", "/pscp"]

    func addGuangdongRoutes(to router: Router<BasicRequestContext>) {
        for prefix in Self.guangdongPrefixes {
            let base = prefix + "/sso/connect/page/oauth2"
            router.get(RouterPath(base + "/authorize")) { request, _ -> Response in
                let authorization: AuthorizationRequest
                do {
                    authorization = try guangdongRequest(try request.queryForm())
                } catch let refusal as AuthorizationRefusal {
                    metrics.refused(endpoint: "guangdong.authorize", error: "request")
                    return Self.refusal(refusal)
                }
                return try await answer(authorization, request: request)
            }
            router.get(RouterPath(base + "/access_token")) { request, _ -> Response in
                do {
                    let query = try request.queryForm()
                    guard query["grant_type"] == "authorization_code" else {
                        throw OAuthError.unsupportedGrantType(query["grant_type"] ?? "")
                    }
                    let client = try await authenticateClient(form: query, authorization: nil)
                    let tokens = try await redeemCode(query, client: client, profile: "guangdong")
                    metrics.tokenIssued(grant: "guangdong", client: client.id)
                    var answer: [String: Any] = ["expires_in": tokens["expires_in"] ?? 0, "scope": "all"]
                    answer["access_token"] = tokens["access_token"]
                    answer["refresh_token"] = tokens["refresh_token"]
                    return Responses.json(answer)
                } catch let error as OAuthError {
                    metrics.refused(endpoint: "guangdong.access_token", error: error.error)
                    return Responses.json(
                        ["errcode": Self.guangdongCode(error), "msg": error.errorDescription, "error": error.error],
                        status: error.status)
                }
            }
            router.get(RouterPath(base + "/tokeninfo")) { request, _ -> Response in
                do {
                    guard let token = try request.queryForm()["access_token"] else {
                        throw OAuthError.invalidRequest("access_token is missing")
                    }
                    let (user, _) = try await userForAccessToken(token, endpoint: "guangdong.tokeninfo")
                    return Responses.json(["errcode": 0, "userobj": userObject(user)])
                } catch let error as OAuthError {
                    return Responses.json(["errcode": Self.guangdongCode(error), "msg": error.errorDescription])
                }
            }
        }
    }

    /// The user fields of the Guangdong answer (and of the CAS attributes).
    func userObject(_ user: TestUser) -> [String: Any] {
        var object: [String: Any] = ["uid": user.id, "cn": user.name]
        if user.kind == "legal_person" {
            object["usertype"] = "2"
            object["creditcode"] = user.identifier
        } else {
            object["usertype"] = "1"
            object["idcardnumber"] = user.identifier
            object["idcardtype"] = "111"  // 居民身份证
        }
        if let mail = user.mail { object["mail"] = mail }
        if let telephone = user.telephone { object["telephonenumber"] = telephone }
        if let sex = user.sex { object["sex"] = sex }
        object["level"] = "\(user.assuranceLevel)"
        return object
    }

    static func guangdongCode(_ error: OAuthError) -> Int {
        switch error.error {
        case "invalid_client": return 40001
        case "invalid_grant": return 40002
        case "invalid_token": return 40014
        case "unsupported_grant_type": return 40003
        default: return 40000
        }
    }
}
