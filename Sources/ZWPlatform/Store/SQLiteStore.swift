import Foundation
import Logging
import NIOPosix
import SQLiteNIO

/// An SQLite file (or memory) for one instance: nothing to install.
package final class SQLiteSQLDatabase: SQLDatabase {
    let connection: SQLiteConnection

    private init(connection: SQLiteConnection) { self.connection = connection }

    package static func open(path: String?, logger: Logger) async throws -> SQLiteSQLDatabase {
        let storage: SQLiteConnection.Storage = path.map { .file(path: $0) } ?? .memory
        let connection = try await SQLiteConnection.open(storage: storage, logger: logger)
        let database = SQLiteSQLDatabase(connection: connection)
        // WAL lets readers run beside the writer; the timeout lets a second process sharing
        // the file wait for a lock instead of failing.
        _ = try await database.execute("PRAGMA busy_timeout = 5000", [])
        if path != nil { _ = try await database.execute("PRAGMA journal_mode = WAL", []) }
        return database
    }

    package func execute(_ sql: String, _ binds: [SQLValue]) async throws -> [[SQLValue]] {
        // `$N` is a named parameter in SQLite, numbered by first appearance; `?N` is exact.
        let statement = sql.replacingOccurrences(of: "$", with: "?")
        let values: [SQLiteData] = binds.map {
            switch $0 {
            case .text(let text): return .text(text)
            case .integer(let integer): return .integer(SQLiteInt64(integer))
            case .null: return .null
            }
        }
        let rows = try await connection.query(statement, values)
        return rows.map { row in
            row.columns.map { column in
                switch column.data {
                case .integer(let integer): return .integer(Int64(integer))
                case .text(let text): return .text(text)
                case .float(let double): return .integer(Int64(double))
                case .blob, .null: return .null
                }
            }
        }
    }

    package func close() async throws { try await connection.close() }
}
