import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnifiedIdentity
internal import ZhengwuKitSupport

/// Turns thrown `OAuthError`s into RFC 6749 §5.2 JSON answers (everything else is a 500
/// without detail, logged).
struct OAuthErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: PlatformMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as OAuthError {
            metrics.refused(endpoint: request.uri.path, error: error.error)
            context.logger.info(
                "refused",
                metadata: [
                    "path": "\(request.uri.path)", "error": "\(error.error)",
                    "reason": "\(error.errorDescription)",
                ])
            return Responses.oauthError(error)
        } catch let error as HTTPResponseError {
            throw error
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return Responses.json(
                ["error": "server_error", "error_description": "the platform failed; see its log"],
                status: .internalServerError)
        }
    }
}

/// Everything `zwplatform serve` needs to know.
public struct PlatformOptions: Sendable {
    public var configuration: PlatformConfiguration
    public var database: StoreLocation
    public var hostname: String
    public var port: Int
    public var logger: Logger

    public init(
        configuration: PlatformConfiguration, database: StoreLocation = .defaultFile, hostname: String = "127.0.0.1",
        port: Int = 8080, logger: Logger = Logger(label: "zwplatform")
    ) {
        self.configuration = configuration
        self.database = database
        self.hostname = hostname
        self.port = port
        self.logger = logger
    }

    /// The issuer: the configured one, or `http://HOST:PORT`.
    public var issuer: String {
        if let issuer = configuration.issuer {
            return issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        }
        return "http://\(hostname):\(port)"
    }
}

extension Platform {
    /// The router with every endpoint of every shape.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: OAuthErrorMiddleware(metrics: metrics))
        addOIDCRoutes(to: router)
        addAuthorizeRoutes(to: router)
        addTokenRoutes(to: router)
        addGuangdongRoutes(to: router)
        addCASRoutes(to: router)
        return router
    }

    /// Opens the store, creating its tables, keys and pairwise secret when missing. PostgreSQL
    /// is set up through a short-lived pool of its own: the application's pool starts only
    /// with the application, and a pool runs once.
    public static func open(_ options: PlatformOptions) async throws -> (platform: Platform, services: [any Service]) {
        try options.configuration.validate()
        let setup = try await options.database.open(logger: options.logger)
        let secretHex = try await withStoreRunning(setup.service) {
            if setup.service != nil { try await prepareWithRetry(setup.store) }
            try await PlatformKeys(store: setup.store).load()
            var generator = SystemRandomNumberGenerator()
            let fresh = Hex.encode((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
            return try await setup.store.settingOrInsert("pairwise_secret", value: fresh)
        }
        var store = setup.store
        var services: [any Service] = []
        if setup.service != nil {
            let running = try await options.database.open(logger: options.logger)
            store = running.store
            if let service = running.service { services.append(service) }
        } else {
            services.append(StoreClosingService(store: store))
        }
        let platform = try Platform(
            configuration: options.configuration, issuer: options.issuer, store: store,
            keys: PlatformKeys(store: store),
            metrics: PlatformMetrics(), pairwiseSecret: try Self.pairwiseSecret(hex: secretHex), logger: options.logger)
        return (platform, services)
    }

    /// Runs `body` while a store's service (a PostgreSQL pool) runs, then stops it.
    public static func withStoreRunning<Value: Sendable>(
        _ service: (any Service)?, _ body: @Sendable () async throws -> Value
    ) async throws -> Value {
        guard let service else { return try await body() }
        return try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask {
                try? await service.run()
                return nil
            }
            let value = try await body()
            group.cancelAll()
            return value
        }
    }

    /// Two instances starting together may race to create the tables.
    static func prepareWithRetry(_ store: any PlatformStore) async throws {
        do {
            try await store.prepare()
        } catch {
            try await Task.sleep(for: .milliseconds(200))
            try await store.prepare()
        }
    }

    /// The stored pairwise-identifier secret; a damaged value stops the start instead of
    /// silently deriving every pairwise subject from an empty key.
    static func pairwiseSecret(hex: String) throws(StoreError) -> [UInt8] {
        guard let bytes = Hex.decode(hex), bytes.count >= 16 else { throw .damagedSetting("pairwise_secret") }
        return bytes
    }
}

/// Builds the whole application: the one function `zwplatform serve` and the tests call.
public func buildPlatformApplication(_ options: PlatformOptions) async throws -> (
    application: some ApplicationProtocol, platform: Platform
) {
    let (platform, services) = try await Platform.open(options)
    let application = Application(
        router: platform.router(),
        configuration: ApplicationConfiguration(
            address: .hostname(options.hostname, port: options.port), serverName: "zwplatform"),
        services: services,
        logger: options.logger)
    return (application, platform)
}
