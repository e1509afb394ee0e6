import Foundation
import Hummingbird

/// CAS 2.0/3.0 service tickets (`/cas/login`, `/cas/serviceValidate`, `/cas/p3/serviceValidate`),
/// the ticket-style flow older provincial platforms publish. Answers in XML, or in CAS 3.0's
/// JSON with `format=JSON`.
extension Platform {
    func addCASRoutes(to router: Router<BasicRequestContext>) {
        router.get("/cas/login") { request, _ -> Response in
            let authorization: AuthorizationRequest
            do {
                authorization = try casRequest(try request.queryForm())
            } catch let refusal as AuthorizationRefusal {
                return Self.refusal(refusal)
            }
            return try await answer(authorization, request: request)
        }
        for path in ["/cas/serviceValidate", "/cas/p3/serviceValidate"] {
            router.get(RouterPath(path)) { request, _ -> Response in
                let query = try request.queryForm()
                let json = query["format"]?.uppercased() == "JSON"
                guard let ticket = query["ticket"], let service = query["service"] else {
                    return casFailure("INVALID_REQUEST", "ticket and service are required", json: json)
                }
                guard let payload = try await store.takeHandle(ticket, kind: .casTicket, now: now) else {
                    metrics.tokenVerified(endpoint: "cas", outcome: "refused")
                    return casFailure("INVALID_TICKET", "ticket \(ticket) not recognized", json: json)
                }
                let grant = try GrantCoding.decode(TicketGrant.self, payload)
                guard grant.service == service else {
                    metrics.tokenVerified(endpoint: "cas", outcome: "refused")
                    return casFailure("INVALID_SERVICE", "the ticket was issued for another service", json: json)
                }
                let user = try self.user(grant.userID)
                metrics.tokenVerified(endpoint: "cas", outcome: "accepted")
                var attributes = userObject(user)
                attributes.removeValue(forKey: "uid")
                if json {
                    return Responses.json([
                        "serviceResponse": ["authenticationSuccess": ["user": user.id, "attributes": attributes]]
                    ])
                }
                let values = attributes.keys.sorted().map { key in
                    "<cas:\(key)>\(LoginPage.escape("\(attributes[key] ?? "")"))</cas:\(key)>"
                }.joined()
                return Responses.text(
                    """
                    <cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess>\
                    <cas:user>\(LoginPage.escape(user.id))</cas:user><cas:attributes>\(values)</cas:attributes>\
                    </cas:authenticationSuccess></cas:serviceResponse>
                    """, contentType: "application/xml;charset=UTF-8")
            }
        }
        router.get("/cas/logout") { request, _ -> Response in
            if let sessionID = request.cookie(Self.sessionCookie) { try await endSession(sessionID) }
            return Responses.html(
                LoginPage.message("You are signed out (已退出登录)."),
                cookie: "\(Self.sessionCookie)=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
        }
    }

    func casFailure(_ code: String, _ message: String, json: Bool) -> Response {
        if json {
            return Responses.json([
                "serviceResponse": ["authenticationFailure": ["code": code, "description": message]]
            ])
        }
        return Responses.text(
            """
            <cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationFailure code="\(code)">\
            \(LoginPage.escape(message))</cas:authenticationFailure></cas:serviceResponse>
            """, contentType: "application/xml;charset=UTF-8")
    }
}
