import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ZWPlatform

@main
struct ZWPlatformCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zwplatform",
        abstract: "A reference provincial unified identity platform (统一身份认证平台) for integration tests.",
        subcommands: [Serve.self, RotateKeys.self])
}

struct StoreOptions: ParsableArguments {
    @Option(
        help:
            "sqlite:PATH, a file path, sqlite::memory:, or postgres://USER@HOST:PORT/DB (default: zwplatform.sqlite here)."
    )
    var database: String?

    func location() throws -> StoreLocation {
        guard let database else { return .defaultFile }
        do {
            return try StoreLocation(parsing: database)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the platform on loopback.")

    @Flag(help: "Use the built-in demo clients (demo-client, demo-client-sm2) and users (citizen-1, company-1).")
    var demo = false
    @Option(help: "A JSON configuration of clients and test users.")
    var config: String?
    @Option(help: "Port to listen on.")
    var port = 8080
    @Option(help: "Address to listen on (loopback by default).")
    var hostname = "127.0.0.1"
    @Option(help: "The issuer URL (default http://HOST:PORT); instances serving one platform share it.")
    var issuer: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard demo != (config != nil) else { throw ValidationError("give exactly one of --demo and --config FILE") }
        var configuration: PlatformConfiguration
        if let config {
            do {
                configuration = try PlatformConfiguration(contentsOf: URL(fileURLWithPath: config))
            } catch {
                throw ValidationError(error.description)
            }
        } else {
            configuration = .demo()
        }
        if let issuer { configuration.issuer = issuer }
        var logger = Logger(label: "zwplatform")
        logger.logLevel =
            ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
        let options = PlatformOptions(
            configuration: configuration, database: try store.location(), hostname: hostname, port: port, logger: logger
        )
        let (application, platform) = try await buildPlatformApplication(options)
        logger.info("zwplatform serving", metadata: ["issuer": "\(platform.issuer)"])
        try await application.runService()
    }
}

struct RotateKeys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-keys",
        abstract: "Add a new ES256 and SM2 signing key; the old ones stay published (--retire to drop them).")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Stop publishing every key but the current pair.")
    var retire = false

    func run() async throws {
        let logger = Logger(label: "zwplatform")
        let options = PlatformOptions(configuration: .demo(), database: try store.location(), logger: logger)
        let (platform, services) = try await Platform.open(options)
        try await Platform.withStoreRunning(services.first) {
            if retire { try await platform.keys.retireOldKeys() } else { try await platform.keys.rotate() }
            print(try await platform.keys.jwks().jsonString)
        }
    }
}
