import Foundation
import ZhengwuKitCore

/// The platform store over any SQL database the platform speaks (SQLite, PostgreSQL): one
/// set of statements, so both behave alike and one test suite covers both.
package struct SQLPlatformStore: PlatformStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func prepare() async throws {
        for statement in [
            """
            CREATE TABLE IF NOT EXISTS zwp_handles (handle TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL,
            expires_at BIGINT NOT NULL, PRIMARY KEY (kind, handle))
            """,
            "CREATE TABLE IF NOT EXISTS zwp_revocations (token_id TEXT PRIMARY KEY, expires_at BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS zwp_used (token_id TEXT PRIMARY KEY, expires_at BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS zwp_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ] {
            _ = try await database.execute(statement, [])
        }
    }

    package func insertHandle(_ handle: String, kind: HandleKind, payload: String, expiresAt: Date) async throws {
        _ = try await database.execute(
            "INSERT INTO zwp_handles (handle, kind, payload, expires_at) VALUES ($1, $2, $3, $4)",
            [.text(handle), .text(kind.rawValue), .text(payload), .integer(Self.seconds(expiresAt))])
    }

    package func takeHandle(_ handle: String, kind: HandleKind, now: Date) async throws -> String? {
        // Deleted whether live or expired; only a live one is handed out.
        let rows = try await database.execute(
            "DELETE FROM zwp_handles WHERE handle = $1 AND kind = $2 RETURNING payload, expires_at",
            [.text(handle), .text(kind.rawValue)])
        guard let row = rows.first, row.count == 2, case .integer(let expiry) = row[1], expiry > Self.seconds(now)
        else { return nil }
        return row[0].text
    }

    package func redeemHandle(
        _ handle: String, kind: HandleKind, leaving marker: HandleKind, until markerExpiresAt: Date, now: Date
    ) async throws -> String? {
        // The row changes kind in place: one statement, so no other statement, on this
        // connection or another instance's, sees the handle gone before its marker is there.
        let rows = try await database.execute(
            """
            UPDATE zwp_handles SET kind = $3, expires_at = $4
            WHERE handle = $1 AND kind = $2 AND expires_at > $5 RETURNING payload
            """,
            [
                .text(handle), .text(kind.rawValue), .text(marker.rawValue),
                .integer(Self.seconds(markerExpiresAt)), .integer(Self.seconds(now)),
            ])
        return rows.first?.first?.text
    }

    package func peekHandle(_ handle: String, kind: HandleKind, now: Date) async throws -> String? {
        let rows = try await database.execute(
            "SELECT payload FROM zwp_handles WHERE handle = $1 AND kind = $2 AND expires_at > $3",
            [.text(handle), .text(kind.rawValue), .integer(Self.seconds(now))])
        return rows.first?.first?.text
    }

    package func deleteHandle(_ handle: String, kind: HandleKind) async throws {
        _ = try await database.execute(
            "DELETE FROM zwp_handles WHERE handle = $1 AND kind = $2", [.text(handle), .text(kind.rawValue)])
    }

    package func revoke(tokenID: String, until expiresAt: Date) async throws {
        _ = try await database.execute(
            """
            INSERT INTO zwp_revocations (token_id, expires_at) VALUES ($1, $2)
            ON CONFLICT (token_id) DO UPDATE SET expires_at = excluded.expires_at
            """,
            [.text(tokenID), .integer(Self.seconds(expiresAt))])
    }

    package func isRevoked(tokenID: String, now: Date) async throws -> Bool {
        let rows = try await database.execute(
            "SELECT 1 FROM zwp_revocations WHERE token_id = $1 AND expires_at >= $2",
            [.text(tokenID), .integer(Self.seconds(now))])
        return !rows.isEmpty
    }

    package func markUsed(tokenID: String, until expiresAt: Date, now: Date) async throws -> Bool {
        // An expired entry may be taken over; a live one may not.
        let rows = try await database.execute(
            """
            INSERT INTO zwp_used (token_id, expires_at) VALUES ($1, $2)
            ON CONFLICT (token_id) DO UPDATE SET expires_at = excluded.expires_at WHERE zwp_used.expires_at < $3
            RETURNING token_id
            """,
            [.text(tokenID), .integer(Self.seconds(expiresAt)), .integer(Self.seconds(now))])
        return !rows.isEmpty
    }

    package func settingOrInsert(_ name: String, value: String) async throws -> String {
        _ = try await database.execute(
            "INSERT INTO zwp_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            [.text(name), .text(value)])
        guard let stored = try await setting(name) else { throw StoreError.settingVanished(name) }
        return stored
    }

    package func setSetting(_ name: String, value: String) async throws {
        _ = try await database.execute(
            """
            INSERT INTO zwp_settings (name, value) VALUES ($1, $2)
            ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """,
            [.text(name), .text(value)])
    }

    package func setting(_ name: String) async throws -> String? {
        try await database.execute("SELECT value FROM zwp_settings WHERE name = $1", [.text(name)]).first?.first?.text
    }

    package func prune(now: Date) async throws {
        let cutoff = SQLValue.integer(Self.seconds(now))
        _ = try await database.execute("DELETE FROM zwp_handles WHERE expires_at <= $1", [cutoff])
        _ = try await database.execute("DELETE FROM zwp_revocations WHERE expires_at < $1", [cutoff])
        _ = try await database.execute("DELETE FROM zwp_used WHERE expires_at < $1", [cutoff])
    }

    package func close() async throws { try await database.close() }

    static func seconds(_ date: Date) -> Int64 {
        let value = date.timeIntervalSince1970.rounded(.down)
        guard value.isFinite, value < 9e15, value > -9e15 else { return value > 0 ? Int64.max : Int64.min }
        return Int64(value)
    }
}

public enum StoreError: ZhengwuKitError, Equatable {
    case unsupportedURL(String)
    case settingVanished(String)
    case unexpectedColumn(String)
    case damagedSetting(String)

    public var code: String {
        switch self {
        case .unsupportedURL: return "platform.database_url"
        case .settingVanished: return "platform.setting_vanished"
        case .unexpectedColumn: return "platform.database_column"
        case .damagedSetting: return "platform.damaged_setting"
        }
    }

    public var chineseTerm: String { "平台存储" }
    public var description: String { message }

    public var message: String {
        switch self {
        case .unsupportedURL(let url):
            return "cannot use the database \"\(url)\": give sqlite:PATH, a file path, or postgres://USER@HOST:PORT/DB"
        case .settingVanished(let name): return "the setting \(name) was removed while it was being read"
        case .unexpectedColumn(let type): return "the database answered a column of type \(type), not text or integer"
        case .damagedSetting(let name):
            return
                "the stored setting \(name) is damaged (not the hex it was written as): restore it or start with a new database"
        }
    }
}
