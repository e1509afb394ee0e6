import Foundation

extension SM2.Signing.PrivateKey {
    /// Signs `data` with SM3withSM2: e = SM3(Z_A‖M) with Z_A computed for `userID`.
    ///
    /// The ID defaults to `1234567812345678` and is always passed to OpenSSL explicitly.
    public func signature<D: DataProtocol>(
        for data: D, userID: SM2.UserID = .default
    ) throws(GMCryptoError) -> SM2.Signing.Signature {
        let der = try data.withContiguousBuffer { message in
            Result { () throws(GMCryptoError) in
                try EVPSigning.sign(key: evpKey, digest: FetchedAlgorithms.sm3, sm2ID: userID.bytes, message: message)
            }
        }.get()
        return try SM2.Signing.Signature(derRepresentation: der)
    }

    /// Signs a precomputed digest e = SM3(Z_A‖M) (see `PublicKey.digest(for:userID:)`),
    /// for callers that hash elsewhere or cache Z_A.
    public func signature(for digest: SM3Digest) throws(GMCryptoError) -> SM2.Signing.Signature {
        let der = try EVPSigning.signDigest(key: evpKey, digest: digest.bytes)
        return try SM2.Signing.Signature(derRepresentation: der)
    }
}

extension SM2.Signing.PublicKey {
    /// Whether `signature` is a valid SM3withSM2 signature of `data` for `userID`.
    ///
    /// Checked by GMCrypto's dedicated SM2 verification (variable time, as every input is
    /// public), which caches Z_A and the key's table of multiples on the key.
    public func isValidSignature<D: DataProtocol>(
        _ signature: SM2.Signing.Signature, for data: D, userID: SM2.UserID = .default
    ) -> Bool {
        guard SM2VerificationBackend.current == .dedicated else {
            let der = [UInt8](signature.derRepresentation)
            return data.withContiguousBuffer { message in
                EVPSigning.verify(
                    key: evpKey, digest: FetchedAlgorithms.sm3, sm2ID: userID.bytes, signature: der, message: message)
            }
        }
        return data.withContiguousBuffer { isValidOnDedicatedPath(signature, message: $0, userID: userID) }
    }

    /// Whether `signature` is valid for the precomputed digest e = SM3(Z_A‖M).
    public func isValidSignature(_ signature: SM2.Signing.Signature, for digest: SM3Digest) -> Bool {
        guard SM2VerificationBackend.current == .dedicated else {
            return EVPSigning.verifyDigest(
                key: evpKey, signature: [UInt8](signature.derRepresentation), digest: digest.bytes)
        }
        return isValidOnDedicatedPath(signature, digest: digest)
    }
}
