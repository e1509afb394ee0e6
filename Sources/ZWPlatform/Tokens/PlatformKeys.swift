import Foundation
import GMCrypto
import UnifiedIdentity
import ZhengwuKitCore

/// The platform's signing keys (an ES256 and an SM2 key at a time), kept in the store so every
/// instance signs with and publishes the same keys. Rotation appends a new pair; the old pair
/// stays published until retired, so tokens it signed keep verifying.
public actor PlatformKeys {
    struct StoredKey: Codable, Equatable {
        var pem: String
        var retired: Bool?
    }

    let store: any PlatformStore
    private var stored: [StoredKey] = []
    private var signing: [KeyKind: SigningKey] = [:]
    private var keySet = KeySet()
    private var loadedAt = Date.distantPast
    /// How long an instance trusts its copy before reading the store again (rotation by another
    /// instance reaches this one within this time).
    let refreshInterval: TimeInterval

    static let settingName = "signing_keys"

    public init(store: any PlatformStore, refreshInterval: TimeInterval = 5) {
        self.store = store
        self.refreshInterval = refreshInterval
    }

    /// Loads the keys, generating the first pair when the store has none.
    public func load() async throws {
        let initial = try [Self.newKey(.p256), Self.newKey(.sm2)]
        let text = try await store.settingOrInsert(Self.settingName, value: Self.encode(initial))
        try install(text)
    }

    /// Adds a fresh ES256 and SM2 key and signs with them from now on.
    public func rotate() async throws {
        try await refresh(force: true)
        let next = stored + [try Self.newKey(.p256), try Self.newKey(.sm2)]
        try await store.setSetting(Self.settingName, value: Self.encode(next))
        try await refresh(force: true)
    }

    /// Stops publishing every key but the current pair.
    public func retireOldKeys() async throws {
        try await refresh(force: true)
        let currentKeyIDs = Set(signing.values.map(\.keyID))
        var next = stored
        for index in next.indices {
            let key = try SigningKey(pemRepresentation: next[index].pem)
            if !currentKeyIDs.contains(key.keyID) { next[index].retired = true }
        }
        try await store.setSetting(Self.settingName, value: Self.encode(next))
        try await refresh(force: true)
    }

    public func signingKey(_ type: KeyKind) async throws -> SigningKey {
        try await refresh(force: false)
        guard let key = signing[type] else { throw PlatformKeysError.noKey(type) }
        return key
    }

    public func verificationKeys() async throws -> KeySet {
        try await refresh(force: false)
        return keySet
    }

    public func jwks() async throws -> JWKSet {
        try await refresh(force: false)
        return keySet.jwks()
    }

    private func refresh(force: Bool) async throws {
        guard force || Date().timeIntervalSince(loadedAt) > refreshInterval else { return }
        guard let text = try await store.setting(Self.settingName) else { return try await load() }
        try install(text)
    }

    private func install(_ text: String) throws {
        let keys = try JSONDecoder().decode([StoredKey].self, from: Data(text.utf8))
        var set = KeySet()
        var signing: [KeyKind: SigningKey] = [:]
        for stored in keys {
            let key = try SigningKey(pemRepresentation: stored.pem)
            if stored.retired == true {
                set.add(key.publicKey)
                set.retire(keyID: key.keyID)
            } else {
                set.add(key.publicKey)
                signing[key.keyType] = key
            }
        }
        self.stored = keys
        self.signing = signing
        self.keySet = set
        self.loadedAt = Date()
    }

    static func newKey(_ type: KeyKind) throws -> StoredKey {
        StoredKey(pem: try SigningKey.generate(type).pemRepresentation, retired: nil)
    }

    static func encode(_ keys: [StoredKey]) throws -> String {
        String(decoding: try JSONEncoder().encode(keys), as: UTF8.self)
    }
}

public enum PlatformKeysError: ZhengwuKitError, Equatable {
    case noKey(KeyKind)
    public var code: String { "platform.no_signing_key" }
    public var chineseTerm: String { "签名密钥" }
    public var description: String { message }
    public var message: String { "the platform holds no current \(rawType) signing key; rotate keys" }
    private var rawType: String {
        switch self {
        case .noKey(let type): return type.rawValue
        }
    }
}
