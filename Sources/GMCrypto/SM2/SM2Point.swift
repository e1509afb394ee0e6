internal import CZhengwuKitSM2Field

// Points of the SM2 curve y² = x³ - 3x + b for the dedicated verification path. Variable
// time (branches on the values): only public points and scalars pass through here.

/// An affine point (x, y), coordinates in Montgomery form. Never the point at infinity.
struct SM2AffinePoint: Equatable {
    var raw: zwk_sm2_affine

    init(x: SM2FieldElement, y: SM2FieldElement) {
        raw = zwk_sm2_affine(x: x.raw, y: y.raw)
    }

    var x: SM2FieldElement { SM2FieldElement(raw: raw.x) }
    var y: SM2FieldElement { SM2FieldElement(raw: raw.y) }

    static func == (a: SM2AffinePoint, b: SM2AffinePoint) -> Bool {
        a.x == b.x && a.y == b.y
    }

    /// The generator G of GB/T 32918.5.
    static let generator = SM2AffinePoint(
        x: SM2FieldElement(
            plain: SM2UInt256(
                0x715A_4589_334C_74C7, 0x8FE3_0BBF_F266_0BE1, 0x5F99_0446_6A39_C994, 0x32C4_AE2C_1F19_8119)),
        y: SM2FieldElement(
            plain: SM2UInt256(
                0x02DF_32E5_2139_F0A0, 0xD0A9_877C_C62A_4740, 0x59BD_CEE3_6B69_2153, 0xBC37_36A2_F4F6_779C)))

    @inline(__always)
    var negated: SM2AffinePoint { SM2AffinePoint(x: x, y: -y) }

    /// Whether y² = x³ - 3x + b.
    var isOnCurve: Bool {
        let x3 = x.squared * x
        let threeX = x.doubled + x
        return y.squared == x3 - threeX + .b
    }
}

/// A point in Jacobian coordinates (X, Y, Z) for (X/Z², Y/Z³); Z = 0 is the point at infinity.
struct SM2JacobianPoint {
    var raw: zwk_sm2_jacobian

    static let infinity = SM2JacobianPoint(x: .one, y: .one, z: .zero)

    @inline(__always)
    init(x: SM2FieldElement, y: SM2FieldElement, z: SM2FieldElement) {
        raw = zwk_sm2_jacobian(x: x.raw, y: y.raw, z: z.raw)
    }

    @inline(__always)
    init(raw: zwk_sm2_jacobian) {
        self.raw = raw
    }

    var x: SM2FieldElement { SM2FieldElement(raw: raw.x) }
    var y: SM2FieldElement { SM2FieldElement(raw: raw.y) }
    var z: SM2FieldElement { SM2FieldElement(raw: raw.z) }

    @inline(__always)
    init(_ point: SM2AffinePoint) {
        self.init(x: point.x, y: point.y, z: .one)
    }

    @inline(__always)
    var isInfinity: Bool { z.isZero }

    /// 2·self (dbl-2001-b, for a = -3: 3M + 5S, in C). Infinity doubles to infinity (Z
    /// stays 0); the curve has odd order, so no finite point has y = 0.
    @inline(__always)
    var doubled: SM2JacobianPoint {
        var (point, result) = (raw, zwk_sm2_jacobian())
        zwk_sm2_point_double(&result, &point)
        return SM2JacobianPoint(raw: result)
    }

    /// self + q for an affine q (madd-2007-bl: 7M + 4S, in C), with the cases the formula
    /// cannot take: self at infinity, q = self (doubling) and q = -self (infinity).
    @inline(__always)
    func adding(_ q: SM2AffinePoint) -> SM2JacobianPoint {
        if isInfinity { return SM2JacobianPoint(q) }
        var (point, addend, result) = (raw, q.raw, zwk_sm2_jacobian())
        switch zwk_sm2_point_add_affine(&result, &point, &addend) {
        case 0: return SM2JacobianPoint(raw: result)
        case 1: return doubled
        default: return .infinity
        }
    }

    /// self + q for a Jacobian q (add-2007-bl: 11M + 5S), with the same special cases.
    func adding(_ q: SM2JacobianPoint) -> SM2JacobianPoint {
        if isInfinity { return q }
        if q.isInfinity { return self }
        let z1z1 = z.squared
        let z2z2 = q.z.squared
        let u1 = x * z2z2
        let u2 = q.x * z1z1
        let s1 = y * q.z * z2z2
        let s2 = q.y * z * z1z1
        let h = u2 - u1
        let r = (s2 - s1).doubled
        if h.isZero {
            return r.isZero ? doubled : .infinity
        }
        let i = h.doubled.squared
        let j = h * i
        let v = u1 * i
        let x3 = r.squared - j - v.doubled
        let y3 = r * (v - x3) - (s1 * j).doubled
        let z3 = ((z + q.z).squared - z1z1 - z2z2) * h
        return SM2JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// The affine point, or nil at infinity (one inversion).
    var affine: SM2AffinePoint? {
        guard !isInfinity else { return nil }
        let zInverse = z.inverse
        let zInverse2 = zInverse.squared
        return SM2AffinePoint(x: x * zInverse2, y: y * zInverse2 * zInverse)
    }

    /// Converts finite points to affine with one inversion for all (Montgomery's trick).
    static func affine(_ points: [SM2JacobianPoint]) -> [SM2AffinePoint] {
        guard !points.isEmpty else { return [] }
        var prefix = [SM2FieldElement](repeating: .one, count: points.count)
        var running = SM2FieldElement.one
        for index in points.indices {
            prefix[index] = running
            running = running * points[index].z
        }
        var inverse = running.inverse
        var result = [SM2AffinePoint](repeating: SM2AffinePoint(x: .zero, y: .zero), count: points.count)
        for index in points.indices.reversed() {
            let zInverse = inverse * prefix[index]
            inverse = inverse * points[index].z
            let zInverse2 = zInverse.squared
            result[index] = SM2AffinePoint(x: points[index].x * zInverse2, y: points[index].y * zInverse2 * zInverse)
        }
        return result
    }

    /// The odd multiples P, 3P, 5P, … of `point`, `count` of them, in affine form.
    static func oddMultiples(of point: SM2AffinePoint, count: Int) -> [SM2AffinePoint] {
        affine(oddMultiplesJacobian(of: SM2JacobianPoint(point), count: count))
    }

    /// For each of the four bases P, 2^64·P, 2^128·P, 2^192·P its odd multiples (`count`
    /// each, affine, one after the other): the tables of a scalar split into 64-bit quarters.
    static func quarterTables(of point: SM2AffinePoint, count: Int) -> [SM2AffinePoint] {
        var base = SM2JacobianPoint(point)
        var multiples: [SM2JacobianPoint] = []
        multiples.reserveCapacity(4 * count)
        for quarter in 0..<4 {
            if quarter > 0 {
                for _ in 0..<64 { base = base.doubled }
            }
            multiples += oddMultiplesJacobian(of: base, count: count)
        }
        return affine(multiples)
    }

    /// Q, 3Q, 5Q, … for a finite Q of the prime-order group (never infinity: every odd
    /// multiple below the order is finite).
    static func oddMultiplesJacobian(of point: SM2JacobianPoint, count: Int) -> [SM2JacobianPoint] {
        var multiples = [point]
        multiples.reserveCapacity(count)
        let twice = point.doubled
        for _ in 1..<count {
            multiples.append(multiples[multiples.count - 1].adding(twice))
        }
        return multiples
    }
}
