// A desktop tool signs its user in through the provincial platform (RFC 8252): a loopback
// listener is the redirect URI, the person's browser goes to the platform, and the answer
// becomes a verified principal. UnifiedLoginCore over URLSession: no server libraries.
//
//   swift run zwplatform serve --demo --port 18480 &
//   swift run UnifiedLoginCoreExample http://127.0.0.1:18480 citizen-1
//
// With a second argument (a reference-platform test user) the example plays the browser
// itself; without one it prints the URL for a person to open.
import Foundation
import UnifiedLoginCore

let arguments = CommandLine.arguments.dropFirst()
guard let issuer = arguments.first.flatMap(URL.init(string:)) else {
    print("usage: UnifiedLoginCoreExample ISSUER [TEST-USER]")
    exit(2)
}
let testUser = arguments.dropFirst().first

// 1. The redirect URI: a listener on 127.0.0.1 and a free port.
let listener = try LoopbackRedirectListener()
defer { listener.close() }

// 2. The login client over URLSession.
let login = try LoginClient(
    configuration: LoginConfiguration(
        platform: issuer, clientID: "demo-client", authentication: .clientSecretBasic("demo-secret"),
        redirectURI: listener.redirectURI, profile: try LoginProfile.builtIn("oidc")),
    transport: URLSessionLoginTransport())

// 3. Start the login; the browser goes to the authorization URL.
let request = try await login.begin(loginHint: testUser)
print("sign in at:", request.authorizationURL)
let waiting = Task { try await listener.callback(timeout: .seconds(300)) }
if testUser != nil {
    // The reference platform signs a hinted test user in at once: follow its redirect.
    let browser = URLSessionLoginTransport()
    let answer = try await browser.send(
        LoginHTTPRequest(url: request.authorizationURL, method: "GET", endpoint: "authorize", timeout: .seconds(10)))
    if let location = answer.redirectLocation, let callback = URL(string: location) {
        _ = try await browser.send(
            LoginHTTPRequest(url: callback, method: "GET", endpoint: "redirect", timeout: .seconds(10)))
    }
    try await browser.shutdown()
}

// 4. The callback: state, PKCE, nonce and the ID token are checked; the principal is typed.
let result = try await login.complete(callback: try await waiting.value)
print("signed in:", result.principal)
try await login.shutdown()
