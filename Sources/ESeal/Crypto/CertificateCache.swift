import Foundation
import GMCertificates
import GMCrypto

/// Parsed certificates by their DER bytes, kept for the verifiers that share the cache
/// (``SealVerifier/certificateCache``; ``shared`` by default).
///
/// Parsing a certificate through OpenSSL costs about as much as one SM2 verification,
/// and a service verifies the same few makers' and signers' certificates again and again;
/// keeping the parsed values makes repeated verification cost little more than its two
/// signature checks. Bounded: at most ``capacity`` certificates, the least recently used
/// one dropped first, so memory stays small whatever the input. A capacity of 0 caches nothing.
public final class SealCertificateCache: @unchecked Sendable {
    /// The cache verifiers use unless given another: 256 certificates.
    public static let shared = SealCertificateCache(capacity: 256)

    /// The most certificates kept.
    public let capacity: Int

    // Guards everything below; a verification holds it only to look up or insert.
    private let lock = NSLock()
    private var slots: [Key: Int] = [:]
    private var entries: [Entry] = []
    /// Most recently used first, as a doubly linked list over `entries`' indices.
    private var head = -1
    private var tail = -1

    private struct Entry {
        let key: Key
        var certificate: X509Certificate
        var previous: Int
        var next: Int
    }

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// How many certificates are held.
    public var count: Int { lock.withLock { slots.count } }

    /// Drops every certificate.
    public func removeAll() {
        lock.withLock {
            slots.removeAll()
            entries.removeAll()
            (head, tail) = (-1, -1)
        }
    }

    func certificate(_ der: [UInt8], parse: ([UInt8]) throws(ESealError) -> X509Certificate) throws(ESealError)
        -> X509Certificate
    {
        guard capacity > 0 else { return try parse(der) }
        let key = Key(der: der)
        if let cached = lock.withLock({ lookUp(key) }) { return cached }
        let certificate = try parse(der)
        lock.withLock { insert(key, certificate) }
        return certificate
    }

    private func lookUp(_ key: Key) -> X509Certificate? {
        guard let slot = slots[key] else { return nil }
        moveToFront(slot)
        return entries[slot].certificate
    }

    private func insert(_ key: Key, _ certificate: X509Certificate) {
        if let slot = slots[key] {
            moveToFront(slot)
            return
        }
        let slot: Int
        if entries.count < capacity {
            slot = entries.count
            entries.append(Entry(key: key, certificate: certificate, previous: -1, next: -1))
        } else {
            slot = tail
            unlink(slot)
            slots[entries[slot].key] = nil
            entries[slot] = Entry(key: key, certificate: certificate, previous: -1, next: -1)
        }
        slots[key] = slot
        linkAtFront(slot)
    }

    private func moveToFront(_ slot: Int) {
        guard slot != head else { return }
        unlink(slot)
        linkAtFront(slot)
    }

    private func unlink(_ slot: Int) {
        let (previous, next) = (entries[slot].previous, entries[slot].next)
        if previous >= 0 { entries[previous].next = next } else { head = next }
        if next >= 0 { entries[next].previous = previous } else { tail = previous }
    }

    private func linkAtFront(_ slot: Int) {
        entries[slot].previous = -1
        entries[slot].next = head
        if head >= 0 { entries[head].previous = slot }
        head = slot
        if tail < 0 { tail = slot }
    }

    /// Whether `der` is held; for tests of the eviction order.
    func contains(_ der: [UInt8]) -> Bool { lock.withLock { slots[Key(der: der)] != nil } }

    /// DER bytes hashed as one buffer: `[UInt8]`'s own hashing feeds the hasher a byte at
    /// a time, which for a certificate cost a tenth of parsing it. Only the length and the
    /// last 64 bytes are hashed (the end of the issuer's signature, which differs between any
    /// two certificates), and equality compares memory: a look-up is on every verification's
    /// path twice, and hashing and comparing all of a certificate byte by byte cost about
    /// 14,000 instructions a look-up (now about 2,400). Equality still compares every byte,
    /// and the cache holds at most ``capacity`` keys, so keys crafted to share an end cost a
    /// bounded scan at most.
    private struct Key: Hashable {
        let der: [UInt8]

        func hash(into hasher: inout Hasher) {
            hasher.combine(der.count)
            der.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0.suffix(64))) }
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            guard lhs.der.count == rhs.der.count else { return false }
            return lhs.der.withUnsafeBytes { left in
                rhs.der.withUnsafeBytes { right in
                    guard let left = left.baseAddress, let right = right.baseAddress else { return true }  // both empty
                    return memcmp(left, right, lhs.der.count) == 0
                }
            }
        }
    }
}

extension SealVerifier {
    /// Empties the shared cache of parsed certificates, so the next verification reads
    /// its certificates afresh: what a service's first verification of a seal costs.
    /// For benchmarks (`@_spi(Benchmarks) import ESeal`); the cache needs no managing otherwise.
    @_spi(Benchmarks) public static func emptyCertificateCache() {
        SealCertificateCache.shared.removeAll()
    }
}
