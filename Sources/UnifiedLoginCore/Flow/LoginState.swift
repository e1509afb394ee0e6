import Foundation
import GMCrypto

/// The logins this client has started and not yet completed: each `state` completes once.
actor PendingLogins {
    private var logins: [String: LoginRequest] = [:]
    private let capacity = 10_000

    func add(_ request: LoginRequest, lifetime: TimeInterval) {
        let now = Date()
        if logins.count >= capacity {
            logins = logins.filter { now.timeIntervalSince($0.value.startedAt) < lifetime }
        }
        logins[request.state] = request
    }

    func take(_ state: String) -> LoginRequest? { logins.removeValue(forKey: state) }
}

/// Unguessable values for `state`, `nonce` and the PKCE verifier.
enum LoginRandom {
    /// 256 random bits, base64url: 43 characters (a valid PKCE verifier too).
    static func value() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            withUnsafeBytes(of: word) { bytes.append(contentsOf: $0) }
        }
        return base64URL(bytes)
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// RFC 7636 S256.
    static func challenge(for verifier: String) -> String {
        base64URL(SHA2.SHA256.hash(data: Array(verifier.utf8)).bytes)
    }
}

/// Keys from the platform's JWKS, fetched again when a token names a key not yet seen.
actor JWKSCache {
    private var keys: KeySetBox?
    private var fetchedAt = Date.distantPast

    struct KeySetBox: Sendable { var text: String }

    func current() -> String? { keys?.text }

    func mayRefresh(interval: TimeInterval) -> Bool { Date().timeIntervalSince(fetchedAt) >= interval }

    func store(_ text: String) {
        keys = KeySetBox(text: text)
        fetchedAt = Date()
    }
}

actor MetadataCache {
    private var metadata: ProviderMetadata?
    func current() -> ProviderMetadata? { metadata }
    func store(_ metadata: ProviderMetadata) { self.metadata = metadata }
}
