internal import CZhengwuKitOpenSSL

/// The two short-Weierstrass curves GMCrypto's EC key types live on.
package enum ECCurve: Sendable {
    case sm2
    case p256

    package var nid: Int32 { self == .sm2 ? NID_sm2 : NID_X9_62_prime256v1 }
    /// The OpenSSL key type: SM2 keys must be of type "SM2" to get the SM2 signature scheme.
    package var keyType: String { self == .sm2 ? "SM2" : "EC" }
    package var groupName: String { self == .sm2 ? "SM2" : "prime256v1" }
    package var kind: KeyKind { self == .sm2 ? .sm2 : .p256 }
    /// Bytes in a scalar or one coordinate.
    package var coordinateByteCount: Int { 32 }
}

extension EVPKey {
    /// Builds a key from a big-endian private scalar (the public point is derived) or
    /// from an encoded public point (uncompressed `04‖x‖y` or compressed `02/03‖x`).
    package static func ec(curve: ECCurve, privateScalar: [UInt8]?, publicPoint: [UInt8]?) throws(GMCryptoError)
        -> EVPKey
    {
        var key: OpaquePointer?
        OpenSSLErrorQueue.clear()
        let status = curve.keyType.withCString { keyType in
            curve.groupName.withCString { groupName in
                CZWK_ec_pkey_from_raw(
                    curve.nid, keyType, groupName,
                    privateScalar, privateScalar?.count ?? 0,
                    publicPoint, publicPoint?.count ?? 0,
                    &key)
            }
        }
        switch status {
        case 1:  // CZWK_RAW_OK
            guard let key else { throw .openSSL("build a \(curve.kind.displayName) key") }
            return EVPKey(taking: key)
        case -1:  // CZWK_RAW_BAD_SCALAR
            throw .invalidKey("the private scalar is zero or not below the \(curve.kind.displayName) group order")
        case -2:  // CZWK_RAW_BAD_POINT
            throw .invalidKey("the bytes are not a point on the \(curve.kind.displayName) curve")
        default:
            throw .openSSL("build a \(curve.kind.displayName) key")
        }
    }

    /// The big-endian private scalar (nil for a public key) and the uncompressed public point.
    package func ecRawComponents(coordinateByteCount width: Int) throws(GMCryptoError) -> (
        privateScalar: [UInt8]?, publicPoint: [UInt8]
    ) {
        guard let x = bigNumberParameter(OSSL_PKEY_PARAM_EC_PUB_X, width: width),
            let y = bigNumberParameter(OSSL_PKEY_PARAM_EC_PUB_Y, width: width)
        else {
            throw .openSSL("read the public point")
        }
        let scalar = bigNumberParameter(OSSL_PKEY_PARAM_PRIV_KEY, width: width)
        return (scalar, [0x04] + x + y)
    }

    /// A big-number parameter as exactly `width` big-endian bytes, or nil when the key has none.
    private func bigNumberParameter(_ name: String, width: Int) -> [UInt8]? {
        var number: OpaquePointer?
        guard EVP_PKEY_get_bn_param(pointer, name, &number) == 1, let number else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        defer { BN_clear_free(number) }
        var bytes = [UInt8](repeating: 0, count: width)
        guard BN_bn2binpad(number, &bytes, Int32(width)) == Int32(width) else { return nil }
        return bytes
    }
}
