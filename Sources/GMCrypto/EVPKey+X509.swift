internal import CZhengwuKitOpenSSL

// What certificate code asks of a key beyond EVPKey's own API.
extension EVPKey {
    /// Whether the two keys have the same public part (a private key matches its public key).
    func matches(_ other: EVPKey) -> Bool {
        defer { OpenSSLErrorQueue.clear() }
        return EVP_PKEY_eq(pointer, other.pointer) == 1
    }

    /// The curve of an EC key as OpenSSL names it (`prime256v1`, `SM2`), or `nil`.
    var groupName: String? {
        var buffer = [CChar](repeating: 0, count: 64)
        var length = 0
        guard EVP_PKEY_get_group_name(pointer, &buffer, buffer.count, &length) == 1 else { return nil }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// OpenSSL's name for the key type (`SM2`, `EC`, `RSA`, …), for error messages.
    var typeName: String {
        EVP_PKEY_get0_type_name(pointer).map { String(cString: $0) } ?? "unknown"
    }

    /// A key holding only the public part, so a public key value never carries private
    /// material (re-read from its SubjectPublicKeyInfo encoding).
    func publicPart() -> EVPKey? {
        defer { OpenSSLErrorQueue.clear() }
        var encoded: UnsafeMutablePointer<UInt8>?
        let length = i2d_PUBKEY(pointer, &encoded)
        guard length > 0, let encoded else { return nil }
        defer { CZWK_OPENSSL_free(encoded) }
        var cursor: UnsafePointer<UInt8>? = UnsafePointer(encoded)
        return d2i_PUBKEY(nil, &cursor, Int(length)).map { EVPKey(taking: $0) }
    }
}
