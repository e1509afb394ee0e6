import Foundation
import Logging
import PostgresNIO

/// PostgreSQL, for several instances serving one platform. The client's connection pool
/// runs as a service (`run()`), which the application's service group starts.
package final class PostgresSQLDatabase: SQLDatabase {
    package let client: PostgresClient
    let logger: Logger

    package init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, or `postgres:///DATABASE?host=/socket/dir&user=U`.
    package static func configuration(url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url),
            components.scheme == "postgres" || components.scheme == "postgresql"
        else { throw StoreError.unsupportedURL(url) }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let user = components.user ?? query["user"] ?? "postgres"
        let database = components.path.isEmpty ? nil : String(components.path.dropFirst())
        var configuration: PostgresClient.Configuration
        if let socketDirectory = query["host"], socketDirectory.hasPrefix("/") {
            let port = components.port ?? Int(query["port"] ?? "") ?? 5432
            configuration = .init(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user,
                password: components.password, database: database)
        } else {
            configuration = .init(
                host: components.host ?? "127.0.0.1", port: components.port ?? 5432, username: user,
                password: components.password, database: database, tls: .disable)
        }
        configuration.options.maximumConnections = 8
        return configuration
    }

    package func execute(_ sql: String, _ binds: [SQLValue]) async throws -> [[SQLValue]] {
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            switch bind {
            case .text(let text): bindings.append(text)
            case .integer(let integer): bindings.append(integer)
            case .null: bindings.appendNull()
            }
        }
        let rows = try await client.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        var result: [[SQLValue]] = []
        for try await row in rows {
            var values: [SQLValue] = []
            for cell in row {
                if cell.bytes == nil {
                    values.append(.null)
                } else if cell.dataType == .int8 || cell.dataType == .int4 || cell.dataType == .int2 {
                    values.append(.integer(try cell.decode(Int64.self)))
                } else if cell.dataType == .text || cell.dataType == .varchar {
                    values.append(.text(try cell.decode(String.self)))
                } else {
                    throw StoreError.unexpectedColumn(String(describing: cell.dataType))
                }
            }
            result.append(values)
        }
        return result
    }

    package func close() async throws {}
}
