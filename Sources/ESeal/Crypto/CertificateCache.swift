import Foundation
import GMCertificates
import GMCrypto

/// Parsed certificates by their DER bytes, shared by every verifier in the process.
///
/// Parsing a certificate through OpenSSL costs about as much as one SM2 verification,
/// and a service verifies the same few makers' and signers' certificates again and again;
/// keeping the parsed values makes repeated verification cost little more than its two
/// signature checks. Bounded: when full it starts afresh, so memory stays small whatever
/// the input.
final class CertificateCache: @unchecked Sendable {
    static let shared = CertificateCache(capacity: 256)

    private let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: X509Certificate] = [:]

    init(capacity: Int) {
        self.capacity = capacity
    }

    func certificate(_ der: [UInt8], parse: ([UInt8]) throws(ESealError) -> X509Certificate) throws(ESealError)
        -> X509Certificate
    {
        let key = Key(der: der)
        if let cached = lock.withLock({ entries[key] }) { return cached }
        let certificate = try parse(der)
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = certificate
        }
        return certificate
    }

    func removeAll() {
        lock.withLock { entries.removeAll() }
    }

    /// DER bytes hashed as one buffer: `[UInt8]`'s own hashing feeds the hasher a byte at
    /// a time, which for a certificate cost a tenth of parsing it.
    private struct Key: Hashable {
        let der: [UInt8]

        func hash(into hasher: inout Hasher) {
            der.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}

extension SealVerifier {
    /// Empties the process-wide cache of parsed certificates, so the next verification reads
    /// its certificates afresh: what a service's first verification of a seal costs.
    /// For benchmarks (`@_spi(Benchmarks) import ESeal`); the cache needs no managing otherwise.
    @_spi(Benchmarks) public static func emptyCertificateCache() {
        CertificateCache.shared.removeAll()
    }
}
