import Foundation

/// What an authorization code stands for until it is redeemed (kept as JSON in the store).
struct CodeGrant: Codable, Sendable {
    var clientID: String
    var redirectURI: String
    var userID: String
    var scope: String
    var nonce: String?
    var codeChallenge: String?
    var sessionID: String
    var authTime: Int64
    /// `oidc` or `guangdong`: a code is redeemed only at the token endpoint of its own shape.
    var profile: String
    /// The grant the code's redemption opens, chosen when the code is issued so that the code's
    /// redeemed marker (the same row, retyped in the step that uses the code up) names it.
    /// `nil` in codes issued before codes carried it.
    var grantID: String?
}

/// What a refresh token stands for; each use replaces it with a new one of the same grant.
struct RefreshGrant: Codable, Sendable {
    var clientID: String
    var userID: String
    var scope: String
    var sessionID: String
    var authTime: Int64
    /// The authorization grant (one code redemption) every token of this chain descends from:
    /// revoking it revokes the chain's refresh and access tokens together. `nil` in tokens
    /// stored before grants had ids (each is its own chain).
    var grantID: String?
}

/// A one-time handle already used (a redeemed authorization code, a refresh token rotated
/// away): kept while tokens of its grant may live, so that its replay is recognised (a leak:
/// two parties hold it) and the whole grant revoked. The marker keeps the handle's own payload
/// (a `CodeGrant` or `RefreshGrant`); this is the part of it both share.
struct SpentHandle: Codable, Sendable {
    /// The client the handle was issued to.
    var clientID: String
    /// The grant its use issued or continued; `nil` in refresh tokens stored before grants had ids.
    var grantID: String?
}

/// The revocation-list entry that revokes every token of one grant.
enum GrantRevocation {
    static func tokenID(_ grantID: String) -> String { "grant:" + grantID }
}

/// A CAS service ticket.
struct TicketGrant: Codable, Sendable {
    var service: String
    var userID: String
    var sessionID: String
}

/// A browser session at the platform (the cookie `zwp_session`), so a second department signs
/// the same person in without the page: single sign-on.
struct SessionRecord: Codable, Sendable {
    var userID: String
    var authTime: Int64
}

enum GrantCoding {
    static func encode<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

enum RandomHandle {
    /// 128 random bits as base64url, with a prefix naming what the handle is.
    static func make(_ prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8]()
        for _ in 0..<2 {
            let word = generator.next() as UInt64
            withUnsafeBytes(of: word) { bytes.append(contentsOf: $0) }
        }
        let text = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return prefix + text
    }
}

enum ConstantTime {
    /// Compares secrets without stopping at the first difference.
    static func equals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(truncatingIfNeeded: left.count ^ right.count)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }
}
