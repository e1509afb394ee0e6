import Foundation
import Testing
import ZWKitTestSupport

@testable import GMCrypto

/// GMCrypto's dedicated SM2 verification against independent answers: a schoolbook
/// reference for the field, OpenSSL for keys and signatures, the GB/T 32918 example, and
/// constructed inputs that reach the edge cases (the full million triples: Scripts/sm2-differential).
@Suite struct SM2DedicatedVerificationTests {
    static let n = SM2UInt256.order
    static let p = SM2UInt256.prime

    // MARK: Field arithmetic

    @Test func fieldArithmeticMatchesSchoolbookReference() {
        var generator = SeededGenerator(seed: 0x5EED_0013)
        let edges: [SM2UInt256] = [
            SM2UInt256(0, 0, 0, 0), SM2UInt256(1, 0, 0, 0), SM2UInt256(2, 0, 0, 0),
            SM2UInt256.subtracting(Self.p, SM2UInt256(1, 0, 0, 0)).difference,
            SM2UInt256.subtracting(Self.p, SM2UInt256(2, 0, 0, 0)).difference,
            SM2UInt256(0, 0, 0, 1 << 63), SM2UInt256(~0, ~0, ~0, 0), SM2UInt256(~0, 0, ~0, 0),
            SM2UInt256(0, ~0, 0, 0xFFFF_FFFE_0000_0000), SM2UInt256(1 << 32, 1 << 32, 1 << 32, 1 << 32),
        ]
        var values = edges
        for _ in 0..<300 { values.append(randomBelow(Self.p, &generator)) }
        for (index, a) in values.enumerated() {
            let b = values[(index * 7 + 3) % values.count]
            let fa = SM2FieldElement(plain: a)
            let fb = SM2FieldElement(plain: b)
            #expect(fa.plain == a)
            #expect((fa * fb).plain == Reference.mulMod(a, b, Self.p), "mul \(a) \(b)")
            #expect(fa.squared.plain == Reference.mulMod(a, a, Self.p), "sqr \(a)")
            #expect((fa + fb).plain == Reference.addMod(a, b, Self.p), "add \(a) \(b)")
            #expect((fa - fb).plain == Reference.subMod(a, b, Self.p), "sub \(a) \(b)")
        }
        for a in edges {
            for b in edges {
                #expect(
                    (SM2FieldElement(plain: a) * SM2FieldElement(plain: b)).plain == Reference.mulMod(a, b, Self.p))
            }
        }
        let x = SM2FieldElement(plain: values[20])
        #expect((x * x.inverse).plain == SM2UInt256(1, 0, 0, 0))
    }

    // MARK: Width-w NAF

    @Test(arguments: [5, 10])
    func nonAdjacentFormRecomposesEveryQuarter(window: Int) {
        var generator = SeededGenerator(seed: UInt64(window))
        var chunks: [UInt64] = [0, 1, 2, 3, ~0, ~0 >> 1, 1 << 63, 0xAAAA_AAAA_AAAA_AAAA, 0x5555_5555_5555_5555]
        for _ in 0..<500 { chunks.append(generator.next()) }
        var sawMaximalLength = false
        for chunk in chunks {
            var digits = [Int16](repeating: 99, count: 65)
            let top = digits.withUnsafeMutableBufferPointer {
                SM2UInt256(chunk, 0, 0, 0).writeNonAdjacentForm(window: window, length: 65, into: $0)
            }
            var value = SM2UInt256(0, 0, 0, 0)
            var lastNonZero = -window
            for (index, digit) in digits.enumerated() where digit != 0 {
                #expect(digit & 1 == 1 || digit & 1 == -1, "digit \(digit) is even")
                #expect(abs(Int(digit)) < 1 << (window - 1))
                #expect(index - lastNonZero >= window, "digits closer than the window")
                lastNonZero = index
                let term = Reference.shifted(UInt64(abs(Int(digit))), by: index)
                value =
                    digit > 0
                    ? SM2UInt256.adding(value, term).sum : SM2UInt256.subtracting(value, term).difference
            }
            #expect(value == SM2UInt256(chunk, 0, 0, 0), "NAF of \(chunk)")
            #expect(top == (chunk == 0 ? -1 : lastNonZero))
            if top == 64 { sawMaximalLength = true }
        }
        #expect(sawMaximalLength, "no quarter needed the 65th digit")
    }

    // MARK: Differential against OpenSSL

    /// Signatures made by OpenSSL over random digests, half of them corrupted in one bit of
    /// r, s, the digest or the key: the dedicated path and OpenSSL must agree on every one.
    @Test func agreesWithOpenSSLOnRandomAndCorruptedTriples() throws {
        var generator = SeededGenerator(seed: 0x0D1F_F000)
        let keys = (0..<16).map { _ in SM2.Signing.PrivateKey() }
        var valid = 0
        var agreed = 0
        var corruptedKeys = 0
        let triples = 2048
        for index in 0..<triples {
            let privateKey = keys[index % keys.count]
            var digestBytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let signature = try privateKey.signature(for: try SM3Digest(bytes: digestBytes))
            var raw = [UInt8](signature.rawRepresentation)
            var point = [UInt8](privateKey.publicKey.rawRepresentation)
            if index % 2 == 1 {
                let bit = Int.random(in: 0..<256, using: &generator)
                switch (index / 2) % 4 {
                case 0: raw[bit / 8] ^= 1 << (bit % 8)
                case 1: raw[32 + bit / 8] ^= 1 << (bit % 8)
                case 2: digestBytes[bit / 8] ^= 1 << (bit % 8)
                default: point[Int.random(in: 0..<64, using: &generator)] ^= 1 << UInt8(bit % 8)
                }
            }
            let digest = try SM3Digest(bytes: digestBytes)
            let candidate = try SM2.Signing.Signature(rawRepresentation: raw)
            let openSSLKey = try? SM2.Signing.PublicKey(rawRepresentation: point)
            let prepared = point.withUnsafeBytes { SM2PreparedPublicKey(coordinates: $0) }
            #expect((openSSLKey == nil) == (prepared == nil), "key validity differs for \(Hex.string(point))")
            guard let openSSLKey, let prepared else {
                corruptedKeys += 1
                continue
            }
            let ours = SM2PublicVerifier.isValid(
                r: SM2UInt256(bigEndian: Array(raw[0..<32])), s: SM2UInt256(bigEndian: Array(raw[32...])),
                digest: SM2UInt256(bigEndian: digestBytes), key: prepared)
            let theirs = EVPSigning.verifyDigest(
                key: openSSLKey.evpKey, signature: [UInt8](candidate.derRepresentation), digest: digestBytes)
            #expect(ours == theirs, "disagreement on triple \(index)")
            #expect(openSSLKey.isValidOnDedicatedPath(candidate, digest: digest) == theirs)
            if ours == theirs { agreed += 1 }
            if theirs { valid += 1 }
        }
        #expect(valid == triples / 2, "every uncorrupted signature verifies, no corrupted one does")
        #expect(agreed + corruptedKeys == triples)
        #expect(corruptedKeys > 0)
    }

    @Test func publicAPIUsesTheDedicatedPathForMessagesAndIDs() throws {
        let key = SM2.Signing.PrivateKey()
        let message = Data("统一身份认证 token".utf8)
        let signature = try key.signature(for: message, userID: "alice@example")
        let publicKey = key.publicKey
        // The same key alternates IDs: the cached Z_A must follow the ID.
        for _ in 0..<2 {
            #expect(publicKey.isValidSignature(signature, for: message, userID: "alice@example"))
            #expect(!publicKey.isValidSignature(signature, for: message))
            #expect(!publicKey.isValidSignature(signature, for: message + Data([0]), userID: "alice@example"))
        }
        let digest = try publicKey.digest(for: message, userID: "alice@example")
        #expect(publicKey.isValidOnDedicatedPath(signature, digest: digest))
        #expect(publicKey.isValidSignature(signature, for: digest))
    }

    // MARK: GB/T 32918 example

    @Test func standardExampleVerifiesOnTheDedicatedPath() throws {
        let vector = try Vectors.sm2Example
        let point = try Hex.bytes(vector.publicKeyX) + Hex.bytes(vector.publicKeyY)
        let prepared = try #require(point.withUnsafeBytes { SM2PreparedPublicKey(coordinates: $0) })
        let r = SM2UInt256(bigEndian: try Hex.bytes(vector.r))
        let s = SM2UInt256(bigEndian: try Hex.bytes(vector.s))
        let e = SM2UInt256(bigEndian: try Hex.bytes(vector.e))
        #expect(SM2PublicVerifier.isValid(r: r, s: s, digest: e, key: prepared))
        #expect(!SM2PublicVerifier.isValid(r: s, s: r, digest: e, key: prepared))
        let key = try SM2.Signing.PublicKey(rawRepresentation: point)
        let signature = try SM2.Signing.Signature(rawRepresentation: Hex.bytes(vector.r) + Hex.bytes(vector.s))
        #expect(
            key.isValidSignature(
                signature, for: Array(vector.messageASCII.utf8), userID: SM2.UserID(vector.userIDASCII)))
        #expect(!key.isValidSignature(signature, for: Array(vector.messageASCII.utf8), userID: ""))
    }

    // MARK: Edge cases, each checked against OpenSSL too

    @Test func outOfRangeHalvesAreRefused() throws {
        let privateKey = SM2.Signing.PrivateKey()
        let key = privateKey.publicKey
        let prepared = try #require(key.preparedForVerification)
        let digest = SM3.hash(data: [1, 2, 3])
        let good = try privateKey.signature(for: digest)
        let r = SM2UInt256(bigEndian: [UInt8](good.rawRepresentation.prefix(32)))
        let s = SM2UInt256(bigEndian: [UInt8](good.rawRepresentation.suffix(32)))
        let e = SM2UInt256(bigEndian: digest.bytes)
        #expect(SM2PublicVerifier.isValid(r: r, s: s, digest: e, key: prepared))
        let one = SM2UInt256(1, 0, 0, 0)
        let outside: [SM2UInt256] = [
            SM2UInt256(0, 0, 0, 0), Self.n, SM2UInt256.adding(Self.n, one).sum, Self.p, SM2UInt256(~0, ~0, ~0, ~0),
            // r or s + n: the same residue, still refused.
            SM2UInt256.adding(s, Self.n).carry ? Self.n : SM2UInt256.adding(s, Self.n).sum,
        ]
        for bad in outside {
            #expect(!SM2PublicVerifier.isValid(r: bad, s: s, digest: e, key: prepared))
            #expect(!SM2PublicVerifier.isValid(r: r, s: bad, digest: e, key: prepared))
            #expect(!openSSLVerifies(r: bad, s: s, digest: e, key: key))
            #expect(!openSSLVerifies(r: r, s: bad, digest: e, key: key))
        }
        // r + s = n makes t = 0: refused although the equation could otherwise be arranged.
        let complement = SM2UInt256.subtracting(Self.n, r).difference
        #expect(!SM2PublicVerifier.isValid(r: r, s: complement, digest: e, key: prepared))
        #expect(!openSSLVerifies(r: r, s: complement, digest: e, key: key))
    }

    /// Signatures with chosen r and s made valid by choosing the digest:
    /// e = r - x(s·G + t·P) mod n, with the point computed by OpenSSL from the scalar s + t·d.
    @Test func constructedSignaturesAtTheEdgesAgreeWithOpenSSL() throws {
        let d = SM2UInt256(bigEndian: [UInt8](SM2.Signing.PrivateKey().rawRepresentation))
        let nMinus1 = SM2UInt256.subtracting(Self.n, SM2UInt256(1, 0, 0, 0)).difference
        let lowOnes = SM2UInt256(~0, ~0, ~0, 1)  // every quarter's NAF needs 65 digits
        let cases: [(r: SM2UInt256, s: SM2UInt256)] = [
            (nMinus1, nMinus1), (SM2UInt256(1, 0, 0, 0), SM2UInt256(1, 0, 0, 0)), (nMinus1, lowOnes),
            (lowOnes, lowOnes), (SM2UInt256(2, 0, 0, 0), nMinus1),
        ]
        for (r, s) in cases {
            try expectConstructedSignature(r: r, s: s, privateScalar: d, valid: true)
        }
    }

    /// P = G and P = -G: the shared doubling chain adds 2^64·G to 2^64·P at the same digit,
    /// which needs a doubling (P = G) or gives the point at infinity (P = -G) mid-way; and a
    /// final sum s·G + t·P at infinity must be refused.
    @Test func intermediateDoublingAndInfinityAreHandled() throws {
        let one = SM2UInt256(1, 0, 0, 0)
        let nMinus1 = SM2UInt256.subtracting(Self.n, one).difference
        let s = Reference.shifted(1, by: 100)
        // d = 1: t = s + 1 shares s's digit at 2^100 (quarter 1, index 36).
        try expectConstructedSignature(r: one, s: s, privateScalar: one, valid: true)
        // d = n - 1: the shared digit cancels; r = 2 keeps s·G + t·P = -2G finite.
        try expectConstructedSignature(r: SM2UInt256(2, 0, 0, 0), s: s, privateScalar: nMinus1, valid: true)
        // d = 1 and s + t = 0 (mod n): the sum is the point at infinity.
        let five = SM2UInt256(5, 0, 0, 0)
        let r = SM2UInt256.subtracting(Self.n, SM2UInt256(10, 0, 0, 0)).difference
        try expectConstructedSignature(r: r, s: five, privateScalar: one, valid: false)
    }

    @Test func publicKeysOffTheCurveAtInfinityOrNotBelowPAreRefused() throws {
        let point = [UInt8](SM2.Signing.PrivateKey().publicKey.rawRepresentation)
        var offCurve = point
        offCurve[63] ^= 1
        let zero = [UInt8](repeating: 0, count: 64)
        // (1, y) is on the curve; x = 1 + p is the same residue but not a valid coordinate.
        let y1 = try Hex.bytes("9f7a091433a81e3f218f405f792355bf2aa98b5ffa95982f03870800065279a3")
        let xOne = [UInt8](repeating: 0, count: 31) + [1]
        let xOnePlusP = SM2UInt256.adding(SM2UInt256(1, 0, 0, 0), Self.p).sum.bigEndianBytes
        let yPlusP = SM2UInt256.adding(SM2UInt256(bigEndian: y1), Self.p)
        for (bytes, acceptable) in [
            (point, true), (xOne + y1, true), (offCurve, false), (zero, false), (xOnePlusP + y1, false),
        ] {
            let prepared = bytes.withUnsafeBytes { SM2PreparedPublicKey(coordinates: $0) }
            #expect((prepared != nil) == acceptable, "\(Hex.string(bytes))")
            #expect(((try? SM2.Signing.PublicKey(rawRepresentation: bytes)) != nil) == acceptable)
        }
        // y + p overflows 256 bits for this y, so the ≥ p check is exercised through x only,
        // plus a y of all ones.
        #expect(yPlusP.carry)
        let yOnes = [UInt8](repeating: 0xFF, count: 32)
        #expect((xOne + yOnes).withUnsafeBytes { SM2PreparedPublicKey(coordinates: $0) } == nil)
        #expect((try? SM2.Signing.PublicKey(x963Representation: [0x00])) == nil)
    }

    // MARK: Helpers

    private func expectConstructedSignature(
        r: SM2UInt256, s: SM2UInt256, privateScalar d: SM2UInt256, valid: Bool
    ) throws {
        let t = SM2UInt256.addModOrder(r, s)
        let k = SM2UInt256.addModOrder(s, Reference.mulMod(t, d, Self.n))
        // x(k·G) from OpenSSL; k = 0 is the point at infinity, any e then fails.
        var e = SM2UInt256(0x1234, 0, 0, 0)
        if !k.isZero {
            let point = try SM2.Signing.PrivateKey(rawRepresentation: k.bigEndianBytes).publicKey.rawRepresentation
            let x1 = SM2UInt256(bigEndian: [UInt8](point.prefix(32)))
            e = SM2UInt256.subtractModOrder(r, x1.reducedModOrder)
        }
        let publicPoint = try SM2.Signing.PrivateKey(rawRepresentation: d.bigEndianBytes).publicKey
        let prepared = try #require(publicPoint.preparedForVerification)
        #expect(SM2PublicVerifier.isValid(r: r, s: s, digest: e, key: prepared) == valid, "r \(r) s \(s)")
        #expect(openSSLVerifies(r: r, s: s, digest: e, key: publicPoint) == valid, "OpenSSL: r \(r) s \(s)")
        if valid {
            let other = SM2UInt256.addModOrder(e, SM2UInt256(1, 0, 0, 0))
            #expect(!SM2PublicVerifier.isValid(r: r, s: s, digest: other, key: prepared))
        }
    }

    private func openSSLVerifies(r: SM2UInt256, s: SM2UInt256, digest: SM2UInt256, key: SM2.Signing.PublicKey)
        -> Bool
    {
        guard let signature = try? SM2.Signing.Signature(rawRepresentation: r.bigEndianBytes + s.bigEndianBytes)
        else { return false }
        return EVPSigning.verifyDigest(
            key: key.evpKey, signature: [UInt8](signature.derRepresentation), digest: digest.bigEndianBytes)
    }

    private func randomBelow(_ bound: SM2UInt256, _ generator: inout SeededGenerator) -> SM2UInt256 {
        while true {
            let value = SM2UInt256(generator.next(), generator.next(), generator.next(), generator.next())
            if value < bound { return value }
        }
    }
}

/// Modular arithmetic the slow, obvious way (double-and-add), independent of the Montgomery code.
private enum Reference {
    static func addMod(_ a: SM2UInt256, _ b: SM2UInt256, _ m: SM2UInt256) -> SM2UInt256 {
        let (sum, carry) = SM2UInt256.adding(a, b)
        if carry || !(sum < m) { return SM2UInt256.subtracting(sum, m).difference }
        return sum
    }

    static func subMod(_ a: SM2UInt256, _ b: SM2UInt256, _ m: SM2UInt256) -> SM2UInt256 {
        let (difference, borrow) = SM2UInt256.subtracting(a, b)
        return borrow ? SM2UInt256.adding(difference, m).sum : difference
    }

    static func mulMod(_ a: SM2UInt256, _ b: SM2UInt256, _ m: SM2UInt256) -> SM2UInt256 {
        var result = SM2UInt256(0, 0, 0, 0)
        for index in stride(from: 255, through: 0, by: -1) {
            result = addMod(result, result, m)
            if b.bit(index) == 1 { result = addMod(result, a, m) }
        }
        return result
    }

    /// value·2^shift as a 256-bit number (value < 2^16, shift < 240).
    static func shifted(_ value: UInt64, by shift: Int) -> SM2UInt256 {
        var limbs: [UInt64] = [0, 0, 0, 0, 0]
        limbs[shift / 64] = value << UInt64(shift % 64)
        if shift % 64 != 0 { limbs[shift / 64 + 1] = value >> UInt64(64 - shift % 64) }
        return SM2UInt256(limbs[0], limbs[1], limbs[2], limbs[3])
    }
}
