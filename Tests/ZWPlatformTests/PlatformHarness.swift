import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import UnifiedIdentity
import ZWKitTestSupport

@testable import ZWPlatform

/// The stores every platform test runs against: SQLite always, PostgreSQL when
/// `ZWPLATFORM_TEST_POSTGRES` names one (`Scripts/postgres` starts it; CI must have it).
enum TestStores {
    static let postgresURL = ProcessInfo.processInfo.environment["ZWPLATFORM_TEST_POSTGRES"]

    static var all: [StoreLocation] {
        var stores: [StoreLocation] = [.sqliteMemory]
        if let postgresURL, !postgresURL.isEmpty {
            stores.append(.postgres(postgresURL))
        } else if !Fixtures.isCI {
            print("notice: ZWPLATFORM_TEST_POSTGRES is not set; PostgreSQL store tests skipped (run Scripts/postgres)")
        }
        return stores
    }
}

@Test func ciProvidesPostgreSQL() {
    // In CI the PostgreSQL half of the suite must run, not silently vanish.
    if Fixtures.isCI { #expect(TestStores.postgresURL?.isEmpty == false, "CI must set ZWPLATFORM_TEST_POSTGRES") }
}

enum Harness {
    static var logger: Logger {
        var logger = Logger(label: "zwplatform-test")
        logger.logLevel = .warning
        return logger
    }

    static func options(_ store: StoreLocation, configuration: PlatformConfiguration = .demo()) -> PlatformOptions {
        var configuration = configuration
        configuration.issuer = configuration.issuer ?? "http://127.0.0.1:8080"
        return PlatformOptions(configuration: configuration, database: store, logger: logger)
    }

    /// Runs `body` against the platform application in process.
    static func withPlatform<Value: Sendable>(
        _ store: StoreLocation, configuration: PlatformConfiguration = .demo(),
        _ body: @Sendable (any TestClientProtocol, Platform) async throws -> Value
    ) async throws -> Value {
        let (application, platform) = try await buildPlatformApplication(options(store, configuration: configuration))
        return try await application.test(.router) { client in try await body(client, platform) }
    }
}

struct Answer: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:]
    }

    var location: String? { headers[.location] }

    /// The query parameters of the redirect.
    var redirectParameters: [String: String] {
        guard let location, let components = URLComponents(string: location) else { return [:] }
        return Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
    }
}

extension TestClientProtocol {
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> Answer {
        try await execute(uri: uri, method: .get, headers: headers) {
            Answer(status: $0.status, headers: $0.headers, body: String(buffer: $0.body))
        }
    }

    func post(_ uri: String, form: [(String, String)], headers: HTTPFields = [:]) async throws -> Answer {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await execute(
            uri: uri, method: .post, headers: headers, body: ByteBuffer(string: FormCoding.encode(form))
        ) {
            Answer(status: $0.status, headers: $0.headers, body: String(buffer: $0.body))
        }
    }
}

enum OAuthFixtures {
    static let redirect = "http://127.0.0.1:9999/callback"
    static let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"  // RFC 7636 appendix B
    static let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"

    static func basic(_ id: String = "demo-client", _ secret: String = "demo-secret") -> HTTPFields {
        [.authorization: "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString()]
    }

    static func authorizeURI(
        client: String = "demo-client", redirect: String = redirect, state: String = "state-1",
        nonce: String = "nonce-1",
        challenge: String? = challenge, user: String? = "citizen-1", scope: String = "openid profile"
    ) -> String {
        var parameters = [
            ("response_type", "code"), ("client_id", client), ("redirect_uri", redirect), ("scope", scope),
            ("state", state), ("nonce", nonce),
        ]
        if let challenge {
            parameters += [("code_challenge", challenge), ("code_challenge_method", "S256")]
        }
        if let user { parameters.append(("login_hint", user)) }
        return "/authorize?" + FormCoding.encode(parameters)
    }

    /// Signs `user` in with login_hint and redeems the code: the whole code flow.
    static func codeFlow(_ client: any TestClientProtocol, clientID: String = "demo-client", user: String = "citizen-1")
        async throws -> [String: Any]
    {
        let authorized = try await client.get(authorizeURI(client: clientID, user: user))
        #expect(authorized.status == .found)
        let code = try #require(authorized.redirectParameters["code"])
        let answer = try await client.post(
            "/token",
            form: [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirect),
                ("code_verifier", verifier),
            ], headers: basic(clientID))
        #expect(answer.status == .ok, "\(answer.body)")
        return answer.json
    }

    static func verifier(_ client: any TestClientProtocol, audience: String = "demo-client") async throws
        -> TokenVerifier
    {
        let jwks = try await client.get("/jwks")
        return TokenVerifier(keys: try KeySet(jwks: try JWKSet(jsonString: jwks.body))) {
            IssuerAllowList(["http://127.0.0.1:8080"])
            AudienceRequirement(audience)
        }
    }
}
