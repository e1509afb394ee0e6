// Connect a department system to the provincial platform, end to end, on one machine:
// a reference platform (zwplatform, the demo configuration) on a loopback port, then a
// department signs citizen-1 in through OpenID Connect, gets the verified principal, and
// exchanges the login for its own department session. See Documentation/UnifiedLogin.md.
import AsyncHTTPClient
import Foundation
import Logging
import UnifiedIdentity
import UnifiedLogin
import ZWPlatform

let port = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 18_480
var quiet = Logger(label: "example")
quiet.logLevel = .warning

// 1. The platform: `swift run zwplatform serve --demo --port 18480` does the same.
let (platformApp, _) = try await buildPlatformApplication(
    PlatformOptions(configuration: .demo(), database: .sqliteMemory, port: port, logger: quiet))
let server = Task { try await platformApp.run() }
try await Task.sleep(for: .milliseconds(500))

// 2. The department's login client: issuer, client id and secret, registered redirect URI.
let login = try LoginClient(
    configuration: LoginConfiguration(
        platform: URL(string: "http://127.0.0.1:\(port)")!, clientID: "demo-client",
        authentication: .clientSecretBasic("demo-secret"), redirectURI: "http://127.0.0.1:\(port + 1)/callback",
        profile: try LoginProfile.builtIn("oidc")))

// 3. Start a login: send the browser to `request.authorizationURL`. Here login_hint picks the
//    test user, and we play the browser: the platform answers with a redirect to the callback.
let request = try await login.begin(loginHint: "citizen-1")
let browser = HTTPClient(
    eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
let answer = try await browser.execute(
    HTTPClientRequest(url: request.authorizationURL.absoluteString), timeout: .seconds(10))
guard let location = answer.headers.first(name: "Location"), let callback = URL(string: location) else {
    fatalError("the platform did not redirect back")
}

// 4. At the redirect URI: complete the login. State, PKCE, nonce, ID token: all checked.
let result = try await login.complete(callback: callback)
print("signed in:", result.principal)  // the identity number is masked
if case .naturalPerson(let citizenID) = result.principal.identity {
    print("born:", citizenID.birthDate, "assurance:", result.principal.assuranceLevel?.claimValue ?? "-")
}

// 5. The department session (RFC 8693 token exchange, pairwise subject per department).
let session = try await login.departmentSession(for: result, department: "dept-social-security")
print("department session for", session.claims.department ?? "-", "expires", session.claims.expiresAt ?? Date())

try await browser.shutdown()
try await login.shutdown()
server.cancel()
_ = await server.result
