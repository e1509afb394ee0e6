// Plain 256-bit integers for the dedicated SM2 verification path: signature halves,
// digests, coordinates before they enter the field, and arithmetic modulo the group
// order n. Variable time: only public values pass through here.

/// A 256-bit unsigned integer, four 64-bit limbs, least significant first.
struct SM2UInt256: Equatable {
    var l0: UInt64
    var l1: UInt64
    var l2: UInt64
    var l3: UInt64

    @inline(__always)
    init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64) {
        self.l0 = l0
        self.l1 = l1
        self.l2 = l2
        self.l3 = l3
    }

    /// The SM2 group order n.
    static let order = SM2UInt256(
        0x53BB_F409_39D5_4123, 0x7203_DF6B_21C6_052B, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFE_FFFF_FFFF)
    /// The SM2 field prime p.
    static let prime = SM2UInt256(
        SM2FieldElement.p0, SM2FieldElement.p1, SM2FieldElement.p2, SM2FieldElement.p3)

    /// From 32 big-endian bytes starting at `offset` of `bytes` (the caller checks the length).
    init(bigEndian bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        @inline(__always) func word(_ index: Int) -> UInt64 {
            var value: UInt64 = 0
            for byte in 0..<8 { value = value << 8 | UInt64(bytes[offset + index * 8 + byte]) }
            return value
        }
        self.init(word(3), word(2), word(1), word(0))
    }

    /// From 32 big-endian bytes.
    init(bigEndian bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { SM2UInt256(bigEndian: $0) }
    }

    var bigEndianBytes: [UInt8] {
        [l3, l2, l1, l0].flatMap { word in (0..<8).reversed().map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) } }
    }

    var isZero: Bool { (l0 | l1 | l2 | l3) == 0 }

    static func < (a: SM2UInt256, b: SM2UInt256) -> Bool {
        var borrow: UInt64 = 0
        _ = subtractWithBorrow(a.l0, b.l0, &borrow)
        _ = subtractWithBorrow(a.l1, b.l1, &borrow)
        _ = subtractWithBorrow(a.l2, b.l2, &borrow)
        _ = subtractWithBorrow(a.l3, b.l3, &borrow)
        return borrow != 0
    }

    /// a + b with the carry out (the 257th bit).
    static func adding(_ a: SM2UInt256, _ b: SM2UInt256) -> (sum: SM2UInt256, carry: Bool) {
        var carry: UInt64 = 0
        let s0 = addWithCarry(a.l0, b.l0, &carry)
        let s1 = addWithCarry(a.l1, b.l1, &carry)
        let s2 = addWithCarry(a.l2, b.l2, &carry)
        let s3 = addWithCarry(a.l3, b.l3, &carry)
        return (SM2UInt256(s0, s1, s2, s3), carry != 0)
    }

    /// a - b modulo 2^256 with the borrow out.
    static func subtracting(_ a: SM2UInt256, _ b: SM2UInt256) -> (difference: SM2UInt256, borrow: Bool) {
        var borrow: UInt64 = 0
        let d0 = subtractWithBorrow(a.l0, b.l0, &borrow)
        let d1 = subtractWithBorrow(a.l1, b.l1, &borrow)
        let d2 = subtractWithBorrow(a.l2, b.l2, &borrow)
        let d3 = subtractWithBorrow(a.l3, b.l3, &borrow)
        return (SM2UInt256(d0, d1, d2, d3), borrow != 0)
    }

    /// self mod n for any 256-bit value (2n > 2^256, so one subtraction suffices).
    var reducedModOrder: SM2UInt256 {
        let (difference, borrow) = SM2UInt256.subtracting(self, .order)
        return borrow ? self : difference
    }

    /// (a + b) mod n for a, b below n.
    static func addModOrder(_ a: SM2UInt256, _ b: SM2UInt256) -> SM2UInt256 {
        let (sum, carry) = adding(a, b)
        let (difference, borrow) = subtracting(sum, .order)
        return (carry || !borrow) ? difference : sum
    }

    /// (a - b) mod n for a, b below n.
    static func subtractModOrder(_ a: SM2UInt256, _ b: SM2UInt256) -> SM2UInt256 {
        let (difference, borrow) = subtracting(a, b)
        return borrow ? adding(difference, .order).sum : difference
    }

    /// Bit `index` (0 = least significant); bits from 256 up read as 0.
    @inline(__always)
    func bit(_ index: Int) -> UInt64 {
        bits(index, count: 1)
    }

    /// `count` (1...31) bits from `index` up, as an integer; bits from 256 up read as 0.
    @inline(__always)
    func bits(_ index: Int, count: Int) -> UInt64 {
        let limb = index >> 6
        let shift = UInt64(index & 63)
        var value = word(limb) >> shift
        if shift + UInt64(count) > 64 { value |= word(limb + 1) << (64 - shift) }
        return value & ((1 << UInt64(count)) - 1)
    }

    @inline(__always)
    private func word(_ index: Int) -> UInt64 {
        switch index {
        case 0: return l0
        case 1: return l1
        case 2: return l2
        case 3: return l3
        default: return 0
        }
    }

    /// The width-`window` non-adjacent form of the low `length - 1` bits: digits odd or
    /// zero, |digit| < 2^(window-1), at least window-1 zeros after every non-zero one,
    /// Σ digit_i·2^i = the value (which may need one digit more than it has bits, hence
    /// `length`). Writes `length` digits; returns the index of the highest non-zero one (-1
    /// for 0).
    func writeNonAdjacentForm(window: Int, length: Int, into digits: UnsafeMutableBufferPointer<Int16>) -> Int {
        for index in 0..<length { digits[index] = 0 }
        var carry: UInt64 = 0
        var bit = 0
        var highest = -1
        while bit < length {
            if self.bit(bit) == carry {
                bit += 1
                continue
            }
            let count = min(window, length - bit)
            var word = Int64(bitPattern: bits(bit, count: count) &+ carry)
            carry = UInt64(word >> (window - 1)) & 1
            word -= Int64(carry) << window
            digits[bit] = Int16(word)
            highest = bit
            bit += count
        }
        return highest
    }

    /// Quarter `index` (0 = the least significant 64 bits) as a number.
    @inline(__always)
    func quarter(_ index: Int) -> SM2UInt256 {
        SM2UInt256(word(index), 0, 0, 0)
    }
}
