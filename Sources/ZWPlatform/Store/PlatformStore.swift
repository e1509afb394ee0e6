import Foundation

/// The platform's state that must survive a restart and be shared by every instance serving
/// one platform: one-time handles (codes, refresh tokens, tickets, sessions), revocations,
/// the replay cache of client assertions, and the signing keys and secrets.
///
/// Every operation that decides "first and only" is a single statement in the database
/// (`DELETE … RETURNING`, `UPDATE … RETURNING`, `INSERT … ON CONFLICT`), so two instances
/// racing for one code cannot both win.
public protocol PlatformStore: Sendable {
    /// Creates the tables when missing.
    func prepare() async throws

    /// Stores a one-time handle of `kind` until `expiresAt`.
    func insertHandle(_ handle: String, kind: HandleKind, payload: String, expiresAt: Date) async throws
    /// Removes and returns a live handle's payload: the first caller gets it, every later one nil.
    func takeHandle(_ handle: String, kind: HandleKind, now: Date) async throws -> String?
    /// Uses up a live handle and, in the same atomic step, leaves it behind as a `marker` handle
    /// (same payload) until `markerExpiresAt`. The first caller gets the payload, every later
    /// one nil; and a later caller then finds the marker: never a moment with neither the handle
    /// nor its marker, so a replay however close behind the first use is recognised as one.
    func redeemHandle(
        _ handle: String, kind: HandleKind, leaving marker: HandleKind, until markerExpiresAt: Date, now: Date
    ) async throws -> String?
    /// Reads a live handle without using it up.
    func peekHandle(_ handle: String, kind: HandleKind, now: Date) async throws -> String?
    /// Removes a handle if present.
    func deleteHandle(_ handle: String, kind: HandleKind) async throws

    /// Refuses `tokenID` from now until `expiresAt`.
    func revoke(tokenID: String, until expiresAt: Date) async throws
    func isRevoked(tokenID: String, now: Date) async throws -> Bool
    /// Records `tokenID` as used; false when it was already used and has not expired.
    func markUsed(tokenID: String, until expiresAt: Date, now: Date) async throws -> Bool

    /// Sets `name` to `value` unless it is already set, and returns what is set: every
    /// instance ends up with the first instance's value.
    func settingOrInsert(_ name: String, value: String) async throws -> String
    /// Overwrites `name`.
    func setSetting(_ name: String, value: String) async throws
    func setting(_ name: String) async throws -> String?

    /// Removes expired handles, revocations and replay entries.
    func prune(now: Date) async throws

    func close() async throws
}

public enum HandleKind: String, Sendable, CaseIterable {
    case authorizationCode = "code"
    case refreshToken = "refresh"
    case casTicket = "ticket"
    case session = "session"
    /// A refresh token that has been used and replaced (its payload kept): its replay revokes
    /// its grant.
    case rotatedRefreshToken = "rotated"
    /// An authorization code that has been redeemed (its payload kept): its replay revokes the
    /// grant the redemption issued (RFC 6749 §4.1.2).
    case redeemedAuthorizationCode = "redeemed"
}
