/// The keys one party trusts and signs with, with rotation.
///
/// Rotation without a flag day: `rotate(to:)` makes a new key the signing key and keeps the
/// old one as a verification key, so tokens it signed stay valid until they expire; once
/// they have, `retire(keyID:)` removes it and remembers that it was retired, so a token
/// still naming it is refused as `kid.retired` rather than as an unknown key.
public struct KeySet: Sendable {
    /// The key new tokens are signed with, if this party issues.
    public private(set) var signingKey: SigningKey?
    private var active: [String: VerificationKey] = [:]
    /// Insertion order, so `jwks` lists keys stably.
    private var order: [String] = []
    /// The `kid`s of keys taken out of service.
    public private(set) var retiredKeyIDs: Set<String> = []

    public init(signingKey: SigningKey? = nil, verificationKeys: [VerificationKey] = []) {
        if let signingKey {
            self.signingKey = signingKey
            add(signingKey.publicKey)
        }
        for key in verificationKeys { add(key) }
    }

    /// A verification-only set from a published JWK Set.
    public init(jwks: JWKSet) throws(JWKError) {
        self.init(verificationKeys: try jwks.verificationKeys())
    }

    /// The keys tokens may currently be verified with, oldest first.
    public var verificationKeys: [VerificationKey] { order.compactMap { active[$0] } }

    /// Trusts another verification key (replacing one with the same `kid`).
    public mutating func add(_ key: VerificationKey) {
        if active.updateValue(key, forKey: key.keyID) == nil { order.append(key.keyID) }
        retiredKeyIDs.remove(key.keyID)
    }

    /// Signs with `newKey` from now on; the previous signing key keeps verifying.
    public mutating func rotate(to newKey: SigningKey) {
        signingKey = newKey
        add(newKey.publicKey)
    }

    /// Stops trusting the key `keyID` (it can no longer be the signing key either).
    public mutating func retire(keyID: String) {
        guard active.removeValue(forKey: keyID) != nil else { return }
        order.removeAll { $0 == keyID }
        retiredKeyIDs.insert(keyID)
        if signingKey?.keyID == keyID { signingKey = nil }
    }

    /// The public keys to publish.
    public func jwks(names: AlgorithmNames = .standard) -> JWKSet {
        JWKSet(keys: verificationKeys.map { $0.jwk(names: names) })
    }

    /// The key that must verify a token with this header. A `kid` selects exactly one key;
    /// without a `kid` the set must hold exactly one key of the algorithm's type. Either way
    /// the key's type must be the algorithm's, so no header can move a key across algorithms.
    func key(for header: JOSEHeader, algorithm: SignatureAlgorithm) throws(TokenError) -> VerificationKey {
        let key: VerificationKey
        if let keyID = header.keyID {
            guard let found = active[keyID] else {
                if retiredKeyIDs.contains(keyID) { throw .retiredKey(kid: keyID) }
                throw .unknownKey(kid: keyID)
            }
            key = found
        } else {
            let candidates = verificationKeys.filter { $0.keyType == algorithm.keyType }
            guard candidates.count == 1, let only = candidates.first else { throw .unknownKey(kid: nil) }
            key = only
        }
        guard key.keyType == algorithm.keyType else {
            throw .algorithmKeyMismatch(algorithm: header.algorithm, keyType: key.keyType.rawValue)
        }
        return key
    }
}
