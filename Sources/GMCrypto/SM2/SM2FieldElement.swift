internal import CZhengwuKitSM2Field

// Arithmetic modulo the SM2 prime p = 2^256 - 2^224 - 2^96 + 2^64 - 1, for the dedicated
// verification path (SM2PublicVerifier). Variable time: every value it handles is public
// (keys, signatures, digests); signing and decryption stay on OpenSSL.

/// An element of the SM2 base field in Montgomery form (a·2^256 mod p), four 64-bit limbs,
/// least significant first, always fully reduced (below p), so equal values have equal limbs.
/// The arithmetic is CZhengwuKitSM2Field's.
struct SM2FieldElement: Equatable {
    var raw: zwk_sm2_fe

    @inline(__always)
    init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64) {
        raw = zwk_sm2_fe(v: (l0, l1, l2, l3))
    }

    @inline(__always)
    init(raw: zwk_sm2_fe) {
        self.raw = raw
    }

    var l0: UInt64 { raw.v.0 }
    var l1: UInt64 { raw.v.1 }
    var l2: UInt64 { raw.v.2 }
    var l3: UInt64 { raw.v.3 }

    static func == (a: SM2FieldElement, b: SM2FieldElement) -> Bool {
        a.l0 == b.l0 && a.l1 == b.l1 && a.l2 == b.l2 && a.l3 == b.l3
    }

    static let zero = SM2FieldElement(0, 0, 0, 0)
    /// 1 in Montgomery form: 2^256 mod p.
    static let one = SM2FieldElement(0x0000_0000_0000_0001, 0x0000_0000_FFFF_FFFF, 0, 0x0000_0001_0000_0000)
    /// 2^512 mod p, which `mul` turns a plain value into Montgomery form with.
    static let montgomerySquare = SM2FieldElement(
        0x0000_0002_0000_0003, 0x0000_0002_FFFF_FFFF, 0x0000_0001_0000_0001, 0x0000_0004_0000_0002)
    /// The curve's b in Montgomery form.
    static let b = SM2FieldElement(
        0x90D2_3063_2BC0_DD42, 0x71CF_379A_E9B5_37AB, 0x5279_8150_5EA5_1C3C, 0x240F_E188_BA20_E2C8)

    static let p0: UInt64 = 0xFFFF_FFFF_FFFF_FFFF
    static let p1: UInt64 = 0xFFFF_FFFF_0000_0000
    static let p2: UInt64 = 0xFFFF_FFFF_FFFF_FFFF
    static let p3: UInt64 = 0xFFFF_FFFE_FFFF_FFFF

    var isZero: Bool { (l0 | l1 | l2 | l3) == 0 }

    /// The element whose plain value is `value` (which must be below p).
    @inline(__always)
    init(plain value: SM2UInt256) {
        self = SM2FieldElement(value.l0, value.l1, value.l2, value.l3) * .montgomerySquare
    }

    /// The plain value (Montgomery form times 1).
    var plain: SM2UInt256 {
        let value = self * SM2FieldElement(1, 0, 0, 0)
        return SM2UInt256(value.l0, value.l1, value.l2, value.l3)
    }

    // MARK: Arithmetic (CZhengwuKitSM2Field)

    @inline(__always)
    static func + (a: SM2FieldElement, b: SM2FieldElement) -> SM2FieldElement {
        var (a, b, r) = (a.raw, b.raw, zwk_sm2_fe())
        zwk_sm2_fe_add(&r, &a, &b)
        return SM2FieldElement(raw: r)
    }

    @inline(__always)
    static func - (a: SM2FieldElement, b: SM2FieldElement) -> SM2FieldElement {
        var (a, b, r) = (a.raw, b.raw, zwk_sm2_fe())
        zwk_sm2_fe_sub(&r, &a, &b)
        return SM2FieldElement(raw: r)
    }

    @inline(__always)
    static prefix func - (a: SM2FieldElement) -> SM2FieldElement {
        .zero - a
    }

    @inline(__always)
    var doubled: SM2FieldElement { self + self }

    /// Montgomery multiplication a·b·2^-256 mod p (special-form reduction: p ≡ -1 mod 2^64,
    /// so each step adds m·p with shifts and subtractions; see the C source).
    @inline(__always)
    static func * (a: SM2FieldElement, b: SM2FieldElement) -> SM2FieldElement {
        var (a, b, r) = (a.raw, b.raw, zwk_sm2_fe())
        zwk_sm2_fe_mul(&r, &a, &b)
        return SM2FieldElement(raw: r)
    }

    @inline(__always)
    var squared: SM2FieldElement {
        var (a, r) = (raw, zwk_sm2_fe())
        zwk_sm2_fe_sqr(&r, &a)
        return SM2FieldElement(raw: r)
    }

    /// self^(p-2) = self^-1 (Fermat); zero stays zero. Only table building and key
    /// preparation invert, never the per-signature loop.
    var inverse: SM2FieldElement {
        // p - 2, most significant word first.
        let exponent: [UInt64] = [Self.p3, Self.p2, Self.p1, Self.p0 &- 2]
        var result = SM2FieldElement.one
        for word in exponent {
            for bit in stride(from: 63, through: 0, by: -1) {
                result = result.squared
                if (word >> UInt64(bit)) & 1 == 1 { result = result * self }
            }
        }
        return result
    }
}

// MARK: Word arithmetic

@inline(__always)
func addWithCarry(_ a: UInt64, _ b: UInt64, _ carry: inout UInt64) -> UInt64 {
    let (s1, o1) = a.addingReportingOverflow(b)
    let (s2, o2) = s1.addingReportingOverflow(carry)
    // `|` rather than `||`: no branch, the carry chain stays straight-line code.
    carry = (o1 ? 1 : 0) | (o2 ? 1 : 0)
    return s2
}

@inline(__always)
func subtractWithBorrow(_ a: UInt64, _ b: UInt64, _ borrow: inout UInt64) -> UInt64 {
    let (d1, o1) = a.subtractingReportingOverflow(b)
    let (d2, o2) = d1.subtractingReportingOverflow(borrow)
    borrow = (o1 ? 1 : 0) | (o2 ? 1 : 0)
    return d2
}
