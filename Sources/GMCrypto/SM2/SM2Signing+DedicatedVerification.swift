import Foundation

extension SM2.Signing.PublicKey {
    /// Verification of e = SM3(Z_A‖M) on the dedicated path (SM2PublicVerifier).
    func isValidOnDedicatedPath(_ signature: SM2.Signing.Signature, digest: SM3Digest) -> Bool {
        guard let prepared = preparedForVerification else { return false }
        let (r, s) = signature.rawRepresentation.withUnsafeBytes { raw in
            (SM2UInt256(bigEndian: raw, offset: 0), SM2UInt256(bigEndian: raw, offset: 32))
        }
        let e = digest.withUnsafeBytes { SM2UInt256(bigEndian: $0) }
        return SM2PublicVerifier.isValid(r: r, s: s, digest: e, key: prepared)
    }

    /// Verification of `message` for `userID`, with Z_A from the key's cache.
    func isValidOnDedicatedPath(
        _ signature: SM2.Signing.Signature, message: UnsafeRawBufferPointer, userID: SM2.UserID
    ) -> Bool {
        guard
            let zValue = try? verificationCache.zValue(
                for: userID.bytes, { () throws(GMCryptoError) in try self.zValue(userID: userID) })
        else { return false }
        var hasher = SM3()
        hasher.update(data: zValue.bytes)
        hasher.update(bufferPointer: message)
        return isValidOnDedicatedPath(signature, digest: hasher.finalize())
    }

    /// The key's point, checked and with its table of multiples, built on first use.
    var preparedForVerification: SM2PreparedPublicKey? {
        verificationCache.preparedKey {
            let coordinates = uncompressedPoint.dropFirst()
            return Array(coordinates).withUnsafeBytes { SM2PreparedPublicKey(coordinates: $0) }
        }
    }
}
