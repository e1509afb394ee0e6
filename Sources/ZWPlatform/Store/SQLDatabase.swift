import Foundation

/// A value crossing into or out of SQL. Only what the store needs: text and 64-bit integers.
package enum SQLValue: Sendable, Equatable {
    case text(String)
    case integer(Int64)
    case null

    var text: String? { if case .text(let value) = self { return value } else { return nil } }
}

/// The one thing the store asks of a database: run a statement with positional parameters
/// written `$1`, `$2`… and return its rows. Both SQLite and PostgreSQL read that spelling
/// (SQLite through its `?NNN` form, rewritten by the SQLite database).
package protocol SQLDatabase: Sendable {
    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> [[SQLValue]]
    func close() async throws
}
