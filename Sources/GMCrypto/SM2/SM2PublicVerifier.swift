// The dedicated SM2 signature verification (GB/T 32918.2 §7): field arithmetic specialised
// to the SM2 prime (CZhengwuKitSM2Field), a fixed-base table for G built once, a table for
// the public key built on its first verification and kept with the key, and both scalar
// multiplications sharing one chain of doublings (Shamir's trick).
//
// Each scalar is split into four 64-bit quarters, and each table holds the odd multiples of
// the four bases Q, 2^64·Q, 2^128·Q, 2^192·Q, so s·G + t·P is a sum of eight width-w NAF
// multiplications that share a chain of only 64 doublings (instead of 256).
//
// VARIABLE TIME, ON PURPOSE: verification only ever sees public values (the public key,
// the signature, the digest of a signed message), so branching on them leaks nothing.
// Never use these types with a private key or a secret nonce; signing and decryption go
// through OpenSSL's constant-time code.

/// A public key made ready for verification: the point, checked, and its tables.
struct SM2PreparedPublicKey: Sendable {
    /// For each quarter base 2^(64·i)·P its odd multiples P, 3P, …, (2^(w-1) - 1)P.
    let multiples: [SM2AffinePoint]

    static let window = 5
    static let countPerQuarter = 1 << (window - 2)

    /// From the 64 bytes x‖y; nil unless both coordinates are below p and the point lies on
    /// the curve (the cofactor is 1, so every such point is in the group; x‖y cannot encode
    /// the point at infinity).
    init?(coordinates bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 64 else { return nil }
        let x = SM2UInt256(bigEndian: bytes, offset: 0)
        let y = SM2UInt256(bigEndian: bytes, offset: 32)
        guard x < .prime, y < .prime else { return nil }
        let point = SM2AffinePoint(x: SM2FieldElement(plain: x), y: SM2FieldElement(plain: y))
        guard point.isOnCurve else { return nil }
        multiples = SM2JacobianPoint.quarterTables(of: point, count: Self.countPerQuarter)
    }
}

/// The same tables for G, built on first use (a few milliseconds, 64 KiB).
enum SM2GeneratorTable {
    static let window = 10
    static let countPerQuarter = 1 << (window - 2)
    static let multiples = SM2JacobianPoint.quarterTables(of: .generator, count: countPerQuarter)
}

enum SM2PublicVerifier {
    /// Whether (r, s) is a valid signature of the digest e = SM3(Z_A‖M) under `key`.
    ///
    /// r and s must lie in [1, n-1] and t = r + s mod n must not be 0; then with
    /// (x1, y1) = s·G + t·P the signature is valid when (e + x1) mod n = r.
    static func isValid(r: SM2UInt256, s: SM2UInt256, digest e: SM2UInt256, key: SM2PreparedPublicKey) -> Bool {
        guard !r.isZero, r < .order, !s.isZero, s < .order else { return false }
        let t = SM2UInt256.addModOrder(r, s)
        guard !t.isZero else { return false }
        guard let sum = linearCombination(s, generatorMultiples: SM2GeneratorTable.multiples, t, key.multiples)
        else {
            return false
        }
        // (e + x1) mod n = r  ⇔  x1 ≡ r - e (mod n); x1 < p < 2n, so x1 is c or c + n.
        // Comparing X with c·Z² avoids inverting Z.
        let c = SM2UInt256.subtractModOrder(r, e.reducedModOrder)
        let zz = sum.z.squared
        if sum.x == SM2FieldElement(plain: c) * zz { return true }
        let (cPlusN, carry) = SM2UInt256.adding(c, .order)
        guard !carry, cPlusN < .prime else { return false }
        return sum.x == SM2FieldElement(plain: cPlusN) * zz
    }

    /// a·G + b·P through one chain of 64 doublings over the eight quarter NAFs (nil when
    /// the sum is the point at infinity).
    static func linearCombination(
        _ a: SM2UInt256, generatorMultiples: [SM2AffinePoint], _ b: SM2UInt256, _ keyMultiples: [SM2AffinePoint]
    ) -> SM2JacobianPoint? {
        // A 64-bit quarter's NAF has up to 65 digits.
        let length = 65
        return withUnsafeTemporaryAllocation(of: Int16.self, capacity: 8 * length) { digits in
            var top = -1
            for quarter in 0..<4 {
                let generatorDigits = UnsafeMutableBufferPointer(
                    rebasing: digits[(2 * quarter) * length..<(2 * quarter + 1) * length])
                let keyDigits = UnsafeMutableBufferPointer(
                    rebasing: digits[(2 * quarter + 1) * length..<(2 * quarter + 2) * length])
                top = max(
                    top,
                    a.quarter(quarter).writeNonAdjacentForm(
                        window: SM2GeneratorTable.window, length: length, into: generatorDigits),
                    b.quarter(quarter).writeNonAdjacentForm(
                        window: SM2PreparedPublicKey.window, length: length, into: keyDigits))
            }
            return generatorMultiples.withUnsafeBufferPointer { generatorTable in
                keyMultiples.withUnsafeBufferPointer { keyTable in
                    var accumulator = SM2JacobianPoint.infinity
                    var index = top
                    while index >= 0 {
                        if !accumulator.isInfinity { accumulator = accumulator.doubled }
                        for quarter in 0..<4 {
                            let generatorDigit = Int(digits[(2 * quarter) * length + index])
                            if generatorDigit != 0 {
                                let entry = generatorTable[
                                    quarter * SM2GeneratorTable.countPerQuarter + (abs(generatorDigit) >> 1)]
                                accumulator = accumulator.adding(generatorDigit > 0 ? entry : entry.negated)
                            }
                            let keyDigit = Int(digits[(2 * quarter + 1) * length + index])
                            if keyDigit != 0 {
                                let entry = keyTable[
                                    quarter * SM2PreparedPublicKey.countPerQuarter + (abs(keyDigit) >> 1)]
                                accumulator = accumulator.adding(keyDigit > 0 ? entry : entry.negated)
                            }
                        }
                        index -= 1
                    }
                    return accumulator.isInfinity ? nil : accumulator
                }
            }
        }
    }
}
