internal import CZhengwuKitOpenSSL

/// The key algorithms GMCrypto's key types hold: the one key-kind enum of ZhengwuKit (tokens
/// name their keys with it too; JOSE's `kty`/`crv` spellings are a mapping of it there).
public enum KeyKind: String, Sendable, Hashable, CaseIterable {
    /// SM2 on the SM2 curve (GB/T 32918).
    case sm2 = "SM2"
    /// ECDSA on NIST P-256.
    case p256 = "P-256"
    /// Ed25519 (RFC 8032).
    case ed25519 = "Ed25519"
    /// RSA, verification only.
    case rsa = "RSA"

    /// The name people use for it, in errors: the raw value.
    package var displayName: String { rawValue }

    /// Whether `key` is of this kind. An SM2-curve key OpenSSL decoded as plain "EC"
    /// (SEC1 files) counts: `EVPKey.normalised(as:)` converts it.
    package func matches(_ key: EVPKey) -> Bool {
        switch self {
        case .sm2: return key.isA("SM2") || (key.isA("EC") && key.groupName == "SM2")
        case .p256: return key.isA("EC") && key.groupName == "prime256v1"
        case .ed25519: return key.isA("ED25519")
        case .rsa: return key.isA("RSA")
        }
    }
}

extension EVPKey {
    /// The curve's OpenSSL name for EC-family keys ("SM2", "prime256v1"), else nil.
    package var groupName: String? {
        var buffer = [CChar](repeating: 0, count: 64)
        var length = 0
        guard EVP_PKEY_get_group_name(pointer, &buffer, buffer.count, &length) == 1 else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// What this key is, in words, for "expected X, found Y" errors.
    package var kindDescription: String {
        for kind in [KeyKind.sm2, .p256, .ed25519, .rsa] where kind.matches(self) {
            return kind.displayName
        }
        if let group = groupName {
            return "an EC key on curve \(group)"
        }
        if let name = EVP_PKEY_get0_type_name(pointer) {
            return String(cString: name)
        }
        return "an unknown key type"
    }

    /// `self`, checked to be `kind`; SM2-curve keys loaded as generic EC become SM2 keys,
    /// because OpenSSL only applies the SM2 signature scheme to keys of type "SM2".
    package func normalised(as kind: KeyKind) throws(GMCryptoError) -> EVPKey {
        guard kind.matches(self) else {
            throw .unexpectedKeyType(expected: kind.displayName, found: kindDescription)
        }
        if kind == .sm2 && !isA("SM2") {
            let raw = try ecRawComponents(coordinateByteCount: 32)
            return try EVPKey.ec(curve: .sm2, privateScalar: raw.privateScalar, publicPoint: raw.publicPoint)
        }
        return self
    }
}
