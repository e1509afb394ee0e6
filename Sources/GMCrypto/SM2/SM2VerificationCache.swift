import Foundation

/// What one SM2 public key keeps between verifications: the prepared point (its table of
/// multiples, built on the first verification) and Z_A for the last user ID it verified
/// with. Copies of a key share it; certificates and seals reuse their keys through it.
final class SM2VerificationCache: @unchecked Sendable {
    private let lock = NSLock()
    private var prepared: SM2PreparedPublicKey?
    private var zValue: (userID: [UInt8], digest: SM3Digest)?

    /// The prepared key, built with `make` the first time (nil when the point is unusable,
    /// which OpenSSL-built keys never are; the next call then tries again).
    func preparedKey(_ make: () -> SM2PreparedPublicKey?) -> SM2PreparedPublicKey? {
        lock.lock()
        if let prepared {
            lock.unlock()
            return prepared
        }
        lock.unlock()
        // Built outside the lock: two threads may both build it, and either result is the same.
        guard let made = make() else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if prepared == nil { prepared = made }
        return made
    }

    /// Z_A for `userID`, computed with `make` unless it was the last one asked for.
    func zValue(for userID: [UInt8], _ make: () throws(GMCryptoError) -> SM3Digest) throws(GMCryptoError)
        -> SM3Digest
    {
        lock.lock()
        if let zValue, zValue.userID == userID {
            lock.unlock()
            return zValue.digest
        }
        lock.unlock()
        let digest = try make()
        lock.lock()
        zValue = (userID, digest)
        lock.unlock()
        return digest
    }
}

/// Which code verifies SM2 signatures. The dedicated path is the only one the SDK uses;
/// OpenSSL's stays reachable for benchmarks that measure before and after in one run.
@_spi(Benchmarks) public enum SM2VerificationBackend: Sendable {
    /// GMCrypto's dedicated SM2 verification (the default).
    case dedicated
    /// OpenSSL's `EVP_DigestVerify`, what GMCrypto used before.
    case openSSL

    private static let lock = NSLock()
    nonisolated(unsafe) private static var selected = SM2VerificationBackend.dedicated

    /// The backend every SM2 verification in the process uses from now on.
    public static var current: SM2VerificationBackend {
        get {
            lock.lock()
            defer { lock.unlock() }
            return selected
        }
        set {
            lock.lock()
            defer { lock.unlock() }
            selected = newValue
        }
    }
}
