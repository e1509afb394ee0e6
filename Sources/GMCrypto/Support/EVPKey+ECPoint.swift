internal import CZhengwuKitOpenSSL

extension EVPKey {
    /// A public key on `curve` from an encoded point, as found in a `SubjectPublicKeyInfo`.
    ///
    /// Uncompressed points (nearly every certificate) are set on a copy of a per-curve
    /// template key, which reuses the curve OpenSSL built once; `EVP_PKEY_fromdata` builds
    /// the curve twice for every key. Other encodings take the general path, which stores
    /// the point uncompressed. OpenSSL checks in both that the point is on the curve.
    package static func ecPublicKey(curve: ECCurve, point: [UInt8]) throws(GMCryptoError) -> EVPKey {
        let coordinates = curve.coordinateByteCount
        guard point.count == 1 + 2 * coordinates, point.first == 0x04, let template = ECPublicKeyTemplate.key(curve)
        else {
            return try ec(curve: curve, privateScalar: nil, publicPoint: point)
        }
        OpenSSLErrorQueue.clear()
        guard let key = CZWK_ec_public_from_template(template.pointer, point, point.count) else {
            OpenSSLErrorQueue.clear()
            throw .invalidKey("the bytes are not a point on the \(curve.kind.displayName) curve")
        }
        return EVPKey(taking: key)
    }
}

/// One public key per curve, built once per process, whose copies receive other points.
/// Only ever read after creation, which OpenSSL allows from any number of threads.
private enum ECPublicKeyTemplate {
    package static let sm2 = make(.sm2)
    package static let p256 = make(.p256)

    package static func key(_ curve: ECCurve) -> EVPKey? {
        curve == .sm2 ? sm2 : p256
    }

    private static func make(_ curve: ECCurve) -> EVPKey? {
        var generator = [UInt8](repeating: 0, count: 1 + 2 * curve.coordinateByteCount)
        guard CZWK_ec_generator(curve.nid, &generator, generator.count) == generator.count else { return nil }
        return try? EVPKey.ec(curve: curve, privateScalar: nil, publicPoint: generator)
    }
}
