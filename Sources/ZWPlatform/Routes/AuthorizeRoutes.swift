import Foundation
import Hummingbird

extension Platform {
    static let sessionCookie = "zwp_session"

    /// Answers a checked sign-in request: `login_hint` signs the test user in at once, a live
    /// platform session signs its person in without the page (single sign-on), otherwise the page.
    func answer(_ authorization: AuthorizationRequest, request: Request) async throws -> Response {
        if let hint = authorization.loginHint {
            guard let user = configuration.user(hint) else {
                return Responses.html(
                    LoginPage.message("Unknown login_hint user \(hint) (测试用户不存在)."), status: .badRequest)
            }
            return try await signIn(authorization, user: user)
        }
        if authorization.prompt != "login", let sessionID = request.cookie(Self.sessionCookie),
            let session = try await session(sessionID), let user = configuration.user(session.userID)
        {
            let location = try await complete(
                authorization, user: user, session: (sessionID, session.authTime), singleSignOn: true)
            return Responses.redirect(to: location)
        }
        if authorization.prompt == "none" {
            var parameters = [("error", "login_required")]
            if let state = authorization.state { parameters.append(("state", state)) }
            return Responses.redirect(to: FormCoding.appending(parameters, to: authorization.redirectURI))
        }
        return Responses.html(LoginPage.render(authorization, users: configuration.users, action: "/login"))
    }

    func signIn(_ authorization: AuthorizationRequest, user: TestUser) async throws -> Response {
        let session = try await startSession(user: user)
        let location = try await complete(authorization, user: user, session: session, singleSignOn: false)
        let cookie = "\(Self.sessionCookie)=\(session.id); Path=/; HttpOnly; SameSite=Lax"
        return Responses.redirect(to: location, cookie: cookie)
    }

    static func refusal(_ refusal: AuthorizationRefusal) -> Response {
        switch refusal {
        case .page(let message): return Responses.html(LoginPage.message(message), status: .badRequest)
        case .redirect(let location): return Responses.redirect(to: location)
        }
    }

    func addAuthorizeRoutes(to router: Router<BasicRequestContext>) {
        router.get("/authorize") { request, _ -> Response in
            let authorization: AuthorizationRequest
            do {
                authorization = try oidcRequest(try request.queryForm())
            } catch let refusal as AuthorizationRefusal {
                metrics.refused(endpoint: "authorize", error: "request")
                return Self.refusal(refusal)
            }
            return try await answer(authorization, request: request)
        }
        router.post("/login") { request, _ -> Response in
            let form = try await request.bodyForm()
            let authorization: AuthorizationRequest
            do {
                authorization = try postedRequest(form)
            } catch let refusal as AuthorizationRefusal {
                return Self.refusal(refusal)
            }
            guard let userID = form["user"], let user = configuration.user(userID) else {
                return Responses.html(LoginPage.message("Pick a test user (请选择测试用户)."), status: .badRequest)
            }
            return try await signIn(authorization, user: user)
        }
    }
}
