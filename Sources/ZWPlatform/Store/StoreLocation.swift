import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// Where the platform keeps its state, from `--database`: `sqlite:PATH` or a plain path (an
/// SQLite file), `sqlite::memory:`, or a `postgres://` URL.
public enum StoreLocation: Sendable, Equatable {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(String)

    public init(parsing text: String) throws(StoreError) {
        if text == "sqlite::memory:" || text == ":memory:" {
            self = .sqliteMemory
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(text)
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw .unsupportedURL(text) }
            self = .sqliteFile(path)
        } else if text.contains("://") {
            throw .unsupportedURL(text)
        } else {
            self = .sqliteFile(text)
        }
    }

    /// The default: `zwplatform.sqlite` in the working directory.
    public static let defaultFile = StoreLocation.sqliteFile("zwplatform.sqlite")

    /// Opens the store (creating its tables). For PostgreSQL the returned service must run
    /// (the application runs it) for queries to be answered.
    public func open(logger: Logger) async throws -> (store: any PlatformStore, service: (any Service)?) {
        switch self {
        case .sqliteFile(let path):
            let store = SQLPlatformStore(database: try await SQLiteSQLDatabase.open(path: path, logger: logger))
            try await store.prepare()
            return (store, nil)
        case .sqliteMemory:
            let store = SQLPlatformStore(database: try await SQLiteSQLDatabase.open(path: nil, logger: logger))
            try await store.prepare()
            return (store, nil)
        case .postgres(let url):
            let client = PostgresClient(
                configuration: try PostgresSQLDatabase.configuration(url: url), backgroundLogger: logger)
            let store = SQLPlatformStore(database: PostgresSQLDatabase(client: client, logger: logger))
            return (store, PreparingService(client: client, store: store))
        }
    }
}

/// Runs the PostgreSQL pool.
struct PreparingService: Service {
    let client: PostgresClient
    let store: SQLPlatformStore
    func run() async throws { try await client.run() }
}

/// Closes the store when the application shuts down.
struct StoreClosingService: Service {
    let store: any PlatformStore
    func run() async throws {
        try? await gracefulShutdown()
        // A task of its own: closing must happen even when shutdown came as cancellation.
        let store = self.store
        try await Task { try await store.close() }.value
    }
}
