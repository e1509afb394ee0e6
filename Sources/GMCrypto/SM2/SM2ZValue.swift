import Foundation
internal import ZhengwuKitSupport

extension SM2.Signing.PublicKey {
    /// Z_A = SM3(ENTL_A‖ID_A‖a‖b‖x_G‖y_G‖x_A‖y_A) (GB/T 32918.2 §5.5): the hash that binds
    /// the signer's ID and key into every signature. Cache it to sign many messages.
    public func zValue(userID: SM2.UserID = .default) throws(GMCryptoError) -> SM3Digest {
        guard let entl = userID.entl else {
            throw .invalidLength(
                what: "an SM2 user ID", expected: "at most \(SM2.UserID.maximumByteCount)", actual: userID.bytes.count)
        }
        var hasher = SM3()
        hasher.update(data: entl)
        hasher.update(data: userID.bytes)
        hasher.update(data: SM2Curve.a)
        hasher.update(data: SM2Curve.b)
        hasher.update(data: SM2Curve.gx)
        hasher.update(data: SM2Curve.gy)
        hasher.update(data: uncompressedPoint.dropFirst())
        return hasher.finalize()
    }

    /// e = SM3(Z_A‖M): the digest an SM2 signature of `data` signs.
    public func digest<D: DataProtocol>(for data: D, userID: SM2.UserID = .default) throws(GMCryptoError) -> SM3Digest {
        SM2.Signing.PublicKey.digest(for: data, zValue: try zValue(userID: userID))
    }

    /// e = SM3(Z_A‖M) from a cached Z_A.
    public static func digest<D: DataProtocol>(for data: D, zValue: SM3Digest) -> SM3Digest {
        var hasher = SM3()
        hasher.update(data: zValue.bytes)
        hasher.update(data: data)
        return hasher.finalize()
    }
}

/// The recommended SM2 curve parameters of GB/T 32918.5 that enter Z_A.
enum SM2Curve {
    static let a = hex("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC")
    static let b = hex("28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93")
    static let gx = hex("32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7")
    static let gy = hex("BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0")

    /// The curve constants as GB/T 32918.5 prints them; the Z-value vectors test them.
    private static func hex(_ text: StaticString) -> [UInt8] {
        Hex.decode(text.description) ?? []
    }
}
