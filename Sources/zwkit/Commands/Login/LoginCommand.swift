import ArgumentParser
import Foundation
import Logging
import UnifiedIdentity
import UnifiedLoginCore

/// `zwkit login --issuer URL --client-id ID [--client-secret S] [--profile NAME|FILE]
/// [--login-hint USER] [--no-browser] [--port N] [--timeout S] [--json]`
///
/// Signs in as a desktop tool does (RFC 8252): a listener on `127.0.0.1` is the redirect URI,
/// the person's browser goes to the platform, the callback's code is redeemed, and the ID
/// token (or the platform's user information) becomes a verified principal.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract:
            "Sign in through a unified identity platform (统一身份认证平台) and print the verified principal. "
            + "Exit 0 signed in, 1 refused, 2 bad usage or platform unreachable."
    )

    @Option(help: "The platform's issuer URL (https; http only on a loopback address).")
    var issuer: String

    @Option(name: .customLong("client-id"), help: "The client id the platform registered for this tool.")
    var clientID: String

    @Option(
        name: .customLong("client-secret"),
        help: "The client secret (omit for a public client: PKCE protects the code).")
    var clientSecret: String?

    @Option(help: "A built-in profile (oidc, guangdong, guangdong-pscp, cas) or a profile JSON file.")
    var profile: String = "oidc"

    @Option(
        name: .customLong("login-hint"),
        help:
            "A user the platform signs in without a page (the reference platform's test users); zwkit then plays the browser itself."
    )
    var loginHint: String?

    @Flag(name: .customLong("no-browser"), help: "Print the sign-in URL instead of opening a browser.")
    var noBrowser = false

    @Option(help: "The loopback port of the redirect URI (0: any free port).")
    var port: Int = 0

    @Option(help: "Seconds to wait for the sign-in to come back.")
    var timeout: Int = 300

    @Flag(help: "Print one JSON object with the outcome.")
    var json = false

    func run() async throws {
        let issuerURL = try LoginOptions.issuer(issuer)
        guard (1...86_400).contains(timeout) else { throw CLIError("--timeout must be 1 to 86400 seconds") }
        let loginProfile = try LoginOptions.profile(profile)
        let listener = try LoginOptions.usage { () throws(LoginError) in try LoopbackRedirectListener(port: port) }
        defer { listener.close() }
        let authentication: ClientAuthentication = clientSecret.map { .clientSecretBasic($0) } ?? .none
        let transport = URLSessionLoginTransport()
        let client = try LoginOptions.usage { () throws(LoginError) in
            try LoginClient(
                configuration: LoginConfiguration(
                    platform: issuerURL, clientID: clientID, authentication: authentication,
                    redirectURI: listener.redirectURI, profile: loginProfile),
                transport: transport,
                // The outcome is printed (stdout may be JSON): the library's own log stays silent.
                logger: Logger(label: "zwkit-login", factory: { _ in SwiftLogNoOpLogHandler() }))
        }
        let outcome: Result<LoginResult, LoginError>
        do throws(LoginError) {
            outcome = .success(try await signIn(client, listener: listener))
        } catch {
            outcome = .failure(error)
        }
        try? await client.shutdown()
        switch outcome {
        case .success(let result):
            try LoginSummary(result: result, profile: loginProfile.name, issuer: client.configuration.issuer)
                .print(json: json)
        case .failure(let error):
            try LoginSummary.report(error, json: json)
        }
    }

    private func signIn(_ client: LoginClient, listener: LoopbackRedirectListener) async throws(LoginError)
        -> LoginResult
    {
        let request = try await client.begin(loginHint: loginHint)
        let wait = Duration.seconds(timeout)
        let callback: URL
        if loginHint != nil {
            callback = try await LoginBrowser.follow(request.authorizationURL, to: listener, timeout: wait)
        } else {
            // Whole, not bounded like quoted input: the person (or a script) opens this URL.
            StandardError.write(Data("zwkit: sign in at: \(request.authorizationURL.absoluteString)\n".utf8))
            if !noBrowser { LoginBrowser.open(request.authorizationURL) }
            callback = try await listener.callback(timeout: wait)
        }
        return try await client.complete(callback: callback)
    }
}

/// Reading and checking the login options: what is wrong with them is bad usage (exit 2).
enum LoginOptions {
    static func issuer(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty,
            url.query == nil, url.fragment == nil
        else { throw CLIError("--issuer \(text) is not an http(s) URL without query or fragment (签发者地址无效)") }
        let loopback = ["127.0.0.1", "::1", "[::1]", "localhost"].contains(host.lowercased())
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw CLIError("--issuer must use https (http only for a platform on a loopback address) (签发者地址无效)")
        }
        return url
    }

    static func profile(_ name: String) throws -> LoginProfile {
        if LoginProfile.builtInNames.contains(name) {
            return try usage { () throws(LoginError) in try LoginProfile.builtIn(name) }
        }
        guard name.contains("/") || name.hasSuffix(".json") else {
            throw CLIError(
                "--profile \(name) is neither a built-in profile (\(LoginProfile.builtInNames.joined(separator: ", "))) "
                    + "nor a profile file (接入配置错误)")
        }
        let data = try InputFiles.read(name, limit: 1 << 20)
        return try usage { () throws(LoginError) in try LoginProfile(json: data, name: name) }
    }

    /// Runs `body`, turning a login error into bad usage (exit 2).
    static func usage<Value>(_ body: () throws(LoginError) -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            throw CLIError(error.description)
        }
    }
}
