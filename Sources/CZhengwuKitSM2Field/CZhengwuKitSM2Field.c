// SM2 field and point arithmetic for GMCrypto's dedicated verification; see the header.
// Variable time by design: only public values (keys, signatures, digests) come here.
#include "CZhengwuKitSM2Field.h"

typedef unsigned __int128 zwk_u128;

#define ZWK_SM2_P0 0xFFFFFFFFFFFFFFFFULL
#define ZWK_SM2_P1 0xFFFFFFFF00000000ULL
#define ZWK_SM2_P2 0xFFFFFFFFFFFFFFFFULL
#define ZWK_SM2_P3 0xFFFFFFFEFFFFFFFFULL

// s (with `carry` as its 257th bit), below 2p, reduced below p without a branch.
static inline __attribute__((always_inline)) zwk_sm2_fe reduce_once(uint64_t s0, uint64_t s1, uint64_t s2, uint64_t s3, uint64_t carry) {
    zwk_u128 d;
    uint64_t r0, r1, r2, r3, borrow;
    d = (zwk_u128)s0 - ZWK_SM2_P0;
    r0 = (uint64_t)d;
    borrow = (uint64_t)(d >> 64) & 1;
    d = (zwk_u128)s1 - ZWK_SM2_P1 - borrow;
    r1 = (uint64_t)d;
    borrow = (uint64_t)(d >> 64) & 1;
    d = (zwk_u128)s2 - ZWK_SM2_P2 - borrow;
    r2 = (uint64_t)d;
    borrow = (uint64_t)(d >> 64) & 1;
    d = (zwk_u128)s3 - ZWK_SM2_P3 - borrow;
    r3 = (uint64_t)d;
    borrow = (uint64_t)(d >> 64) & 1;
    // Keep s when s - p went negative and s had no 257th bit.
    uint64_t keep = 0 - (borrow & (carry ^ 1));
    zwk_sm2_fe r = {{(s0 & keep) | (r0 & ~keep), (s1 & keep) | (r1 & ~keep), (s2 & keep) | (r2 & ~keep),
        (s3 & keep) | (r3 & ~keep)}};
    return r;
}

static inline __attribute__((always_inline)) zwk_sm2_fe fe_add(zwk_sm2_fe a, zwk_sm2_fe b) {
    zwk_u128 s;
    uint64_t s0, s1, s2, s3;
    s = (zwk_u128)a.v[0] + b.v[0];
    s0 = (uint64_t)s;
    s = (zwk_u128)a.v[1] + b.v[1] + (uint64_t)(s >> 64);
    s1 = (uint64_t)s;
    s = (zwk_u128)a.v[2] + b.v[2] + (uint64_t)(s >> 64);
    s2 = (uint64_t)s;
    s = (zwk_u128)a.v[3] + b.v[3] + (uint64_t)(s >> 64);
    s3 = (uint64_t)s;
    return reduce_once(s0, s1, s2, s3, (uint64_t)(s >> 64));
}

static inline __attribute__((always_inline)) zwk_sm2_fe fe_sub(zwk_sm2_fe a, zwk_sm2_fe b) {
    zwk_u128 d;
    uint64_t d0, d1, d2, d3, borrow;
    d = (zwk_u128)a.v[0] - b.v[0];
    d0 = (uint64_t)d;
    borrow = (uint64_t)(d >> 64) & 1;
    d = (zwk_u128)a.v[1] - b.v[1] - borrow;
    d1 = (uint64_t)d;
    borrow = (uint64_t)(d >> 64) & 1;
    d = (zwk_u128)a.v[2] - b.v[2] - borrow;
    d2 = (uint64_t)d;
    borrow = (uint64_t)(d >> 64) & 1;
    d = (zwk_u128)a.v[3] - b.v[3] - borrow;
    d3 = (uint64_t)d;
    borrow = (uint64_t)(d >> 64) & 1;
    // Add p back (masked) when the difference went negative.
    uint64_t mask = 0 - borrow;
    zwk_u128 s;
    zwk_sm2_fe r;
    s = (zwk_u128)d0 + (ZWK_SM2_P0 & mask);
    r.v[0] = (uint64_t)s;
    s = (zwk_u128)d1 + (ZWK_SM2_P1 & mask) + (uint64_t)(s >> 64);
    r.v[1] = (uint64_t)s;
    s = (zwk_u128)d2 + (ZWK_SM2_P2 & mask) + (uint64_t)(s >> 64);
    r.v[2] = (uint64_t)s;
    s = (zwk_u128)d3 + (ZWK_SM2_P3 & mask) + (uint64_t)(s >> 64);
    r.v[3] = (uint64_t)s;
    return r;
}

// One word of a Montgomery multiplication: t <- (t + a*w + m*p) / 2^64 with m = the low
// word (p = -1 mod 2^64), where adding m*p and dropping a word is adding
// m*(2^192 - 2^160 - 2^32 + 1) = [m, 0, 0, m] - [lo, hi, lo, hi], m*2^32 = hi*2^64 + lo.
// t stays below 2p.
static inline __attribute__((always_inline)) void mont_step(const zwk_sm2_fe *a, uint64_t w, uint64_t t[5]) {
    zwk_u128 acc;
    uint64_t u0, u1, u2, u3, u4, u5;
    acc = (zwk_u128)a->v[0] * w + t[0];
    u0 = (uint64_t)acc;
    acc = (zwk_u128)a->v[1] * w + t[1] + (uint64_t)(acc >> 64);
    u1 = (uint64_t)acc;
    acc = (zwk_u128)a->v[2] * w + t[2] + (uint64_t)(acc >> 64);
    u2 = (uint64_t)acc;
    acc = (zwk_u128)a->v[3] * w + t[3] + (uint64_t)(acc >> 64);
    u3 = (uint64_t)acc;
    acc = (zwk_u128)t[4] + (uint64_t)(acc >> 64);
    u4 = (uint64_t)acc;
    u5 = (uint64_t)(acc >> 64);

    uint64_t m = u0, lo = m << 32, hi = m >> 32, borrow;
    zwk_u128 d;
    uint64_t d0, d1, d2, d3;
    d = (zwk_u128)m - lo;
    d0 = (uint64_t)d;
    borrow = (uint64_t)(d >> 64) & 1;
    d = (zwk_u128)0 - hi - borrow;
    d1 = (uint64_t)d;
    borrow = (uint64_t)(d >> 64) & 1;
    d = (zwk_u128)0 - lo - borrow;
    d2 = (uint64_t)d;
    borrow = (uint64_t)(d >> 64) & 1;
    d3 = m - hi - borrow;  // never borrows: the whole addend is non-negative

    acc = (zwk_u128)u1 + d0;
    t[0] = (uint64_t)acc;
    acc = (zwk_u128)u2 + d1 + (uint64_t)(acc >> 64);
    t[1] = (uint64_t)acc;
    acc = (zwk_u128)u3 + d2 + (uint64_t)(acc >> 64);
    t[2] = (uint64_t)acc;
    acc = (zwk_u128)u4 + d3 + (uint64_t)(acc >> 64);
    t[3] = (uint64_t)acc;
    t[4] = u5 + (uint64_t)(acc >> 64);
}

// a * b * 2^-256 mod p.
static inline __attribute__((always_inline)) zwk_sm2_fe fe_mul(zwk_sm2_fe a, zwk_sm2_fe b) {
    uint64_t t[5] = {0, 0, 0, 0, 0};
    mont_step(&a, b.v[0], t);
    mont_step(&a, b.v[1], t);
    mont_step(&a, b.v[2], t);
    mont_step(&a, b.v[3], t);
    return reduce_once(t[0], t[1], t[2], t[3], t[4]);
}


static inline __attribute__((always_inline)) int fe_is_zero(zwk_sm2_fe a) {
    return (a.v[0] | a.v[1] | a.v[2] | a.v[3]) == 0;
}

// a^2 * 2^-256 mod p: the ten distinct products once (cross products doubled), then the
// same word-by-word reduction as fe_mul on the 512-bit square.
static inline __attribute__((always_inline)) zwk_sm2_fe fe_sqr(zwk_sm2_fe a) {
    zwk_u128 acc;
    uint64_t t[8];
    // Cross products a_i * a_j (i < j) into t[1..6].
    uint64_t c;
    acc = (zwk_u128)a.v[0] * a.v[1];
    t[1] = (uint64_t)acc;
    acc = (zwk_u128)a.v[0] * a.v[2] + (uint64_t)(acc >> 64);
    t[2] = (uint64_t)acc;
    acc = (zwk_u128)a.v[0] * a.v[3] + (uint64_t)(acc >> 64);
    t[3] = (uint64_t)acc;
    t[4] = (uint64_t)(acc >> 64);
    acc = (zwk_u128)a.v[1] * a.v[2] + t[3];
    t[3] = (uint64_t)acc;
    acc = (zwk_u128)a.v[1] * a.v[3] + t[4] + (uint64_t)(acc >> 64);
    t[4] = (uint64_t)acc;
    t[5] = (uint64_t)(acc >> 64);
    acc = (zwk_u128)a.v[2] * a.v[3] + t[5];
    t[5] = (uint64_t)acc;
    t[6] = (uint64_t)(acc >> 64);
    // Double them.
    t[7] = t[6] >> 63;
    t[6] = (t[6] << 1) | (t[5] >> 63);
    t[5] = (t[5] << 1) | (t[4] >> 63);
    t[4] = (t[4] << 1) | (t[3] >> 63);
    t[3] = (t[3] << 1) | (t[2] >> 63);
    t[2] = (t[2] << 1) | (t[1] >> 63);
    t[1] = t[1] << 1;
    // Add the squares a_i^2.
    acc = (zwk_u128)a.v[0] * a.v[0];
    t[0] = (uint64_t)acc;
    c = (uint64_t)(acc >> 64);
    acc = (zwk_u128)t[1] + c;
    t[1] = (uint64_t)acc;
    c = (uint64_t)(acc >> 64);
    zwk_u128 sq = (zwk_u128)a.v[1] * a.v[1];
    acc = (zwk_u128)t[2] + (uint64_t)sq + c;
    t[2] = (uint64_t)acc;
    acc = (zwk_u128)t[3] + (uint64_t)(sq >> 64) + (uint64_t)(acc >> 64);
    t[3] = (uint64_t)acc;
    c = (uint64_t)(acc >> 64);
    sq = (zwk_u128)a.v[2] * a.v[2];
    acc = (zwk_u128)t[4] + (uint64_t)sq + c;
    t[4] = (uint64_t)acc;
    acc = (zwk_u128)t[5] + (uint64_t)(sq >> 64) + (uint64_t)(acc >> 64);
    t[5] = (uint64_t)acc;
    c = (uint64_t)(acc >> 64);
    sq = (zwk_u128)a.v[3] * a.v[3];
    acc = (zwk_u128)t[6] + (uint64_t)sq + c;
    t[6] = (uint64_t)acc;
    t[7] = t[7] + (uint64_t)(sq >> 64) + (uint64_t)(acc >> 64);
    // Four reduction steps: add m*p for m = the lowest word, drop it (see mont_step).
    uint64_t r0 = t[0], r1 = t[1], r2 = t[2], r3 = t[3], carry = 0;
    for (int i = 0; i < 4; i++) {
        uint64_t m = r0, lo = m << 32, hi = m >> 32, borrow;
        zwk_u128 d;
        uint64_t d0, d1, d2, d3;
        d = (zwk_u128)m - lo;
        d0 = (uint64_t)d;
        borrow = (uint64_t)(d >> 64) & 1;
        d = (zwk_u128)0 - hi - borrow;
        d1 = (uint64_t)d;
        borrow = (uint64_t)(d >> 64) & 1;
        d = (zwk_u128)0 - lo - borrow;
        d2 = (uint64_t)d;
        borrow = (uint64_t)(d >> 64) & 1;
        d3 = m - hi - borrow;
        // [r1, r2, r3, carry] + d: the running value below 2^256 + small, carry is a bit.
        acc = (zwk_u128)r1 + d0;
        r0 = (uint64_t)acc;
        acc = (zwk_u128)r2 + d1 + (uint64_t)(acc >> 64);
        r1 = (uint64_t)acc;
        acc = (zwk_u128)r3 + d2 + (uint64_t)(acc >> 64);
        r2 = (uint64_t)acc;
        acc = (zwk_u128)carry + d3 + (uint64_t)(acc >> 64);
        r3 = (uint64_t)acc;
        carry = (uint64_t)(acc >> 64);
    }
    // Add the high half of the square: (low·2^-256 mod-ish) + high < 2p.
    acc = (zwk_u128)r0 + t[4];
    r0 = (uint64_t)acc;
    acc = (zwk_u128)r1 + t[5] + (uint64_t)(acc >> 64);
    r1 = (uint64_t)acc;
    acc = (zwk_u128)r2 + t[6] + (uint64_t)(acc >> 64);
    r2 = (uint64_t)acc;
    acc = (zwk_u128)r3 + t[7] + (uint64_t)(acc >> 64);
    r3 = (uint64_t)acc;
    return reduce_once(r0, r1, r2, r3, carry + (uint64_t)(acc >> 64));
}

void zwk_sm2_fe_mul(zwk_sm2_fe *r, const zwk_sm2_fe *a, const zwk_sm2_fe *b) {
    *r = fe_mul(*a, *b);
}

void zwk_sm2_fe_add(zwk_sm2_fe *r, const zwk_sm2_fe *a, const zwk_sm2_fe *b) {
    *r = fe_add(*a, *b);
}

void zwk_sm2_fe_sub(zwk_sm2_fe *r, const zwk_sm2_fe *a, const zwk_sm2_fe *b) {
    *r = fe_sub(*a, *b);
}

void zwk_sm2_point_double(zwk_sm2_jacobian *r, const zwk_sm2_jacobian *p) {
    zwk_sm2_fe delta = fe_sqr(p->z);
    zwk_sm2_fe gamma = fe_sqr(p->y);
    zwk_sm2_fe beta = fe_mul(p->x, gamma);
    zwk_sm2_fe t = fe_mul(fe_sub(p->x, delta), fe_add(p->x, delta));
    zwk_sm2_fe alpha = fe_add(fe_add(t, t), t);
    zwk_sm2_fe beta2 = fe_add(beta, beta);
    zwk_sm2_fe beta4 = fe_add(beta2, beta2);
    zwk_sm2_fe beta8 = fe_add(beta4, beta4);
    zwk_sm2_fe x3 = fe_sub(fe_sqr(alpha), beta8);
    zwk_sm2_fe yz = fe_add(p->y, p->z);
    zwk_sm2_fe z3 = fe_sub(fe_sub(fe_sqr(yz), gamma), delta);
    zwk_sm2_fe gamma2 = fe_sqr(gamma);
    zwk_sm2_fe g2 = fe_add(gamma2, gamma2);
    zwk_sm2_fe g4 = fe_add(g2, g2);
    zwk_sm2_fe g8 = fe_add(g4, g4);
    zwk_sm2_fe y3 = fe_sub(fe_mul(alpha, fe_sub(beta4, x3)), g8);
    r->x = x3;
    r->y = y3;
    r->z = z3;
}

int zwk_sm2_point_add_affine(zwk_sm2_jacobian *r, const zwk_sm2_jacobian *p, const zwk_sm2_affine *q) {
    zwk_sm2_fe z1z1 = fe_sqr(p->z);
    zwk_sm2_fe u2 = fe_mul(q->x, z1z1);
    zwk_sm2_fe s2 = fe_mul(q->y, fe_mul(p->z, z1z1));
    zwk_sm2_fe h = fe_sub(u2, p->x);
    zwk_sm2_fe rr = fe_sub(s2, p->y);
    rr = fe_add(rr, rr);
    if (fe_is_zero(h)) {
        return fe_is_zero(rr) ? 1 : 2;
    }
    zwk_sm2_fe hh = fe_sqr(h);
    zwk_sm2_fe i = fe_add(hh, hh);
    i = fe_add(i, i);
    zwk_sm2_fe j = fe_mul(h, i);
    zwk_sm2_fe v = fe_mul(p->x, i);
    zwk_sm2_fe x3 = fe_sub(fe_sub(fe_sqr(rr), j), fe_add(v, v));
    zwk_sm2_fe yj = fe_mul(p->y, j);
    zwk_sm2_fe y3 = fe_sub(fe_mul(rr, fe_sub(v, x3)), fe_add(yj, yj));
    zwk_sm2_fe zh = fe_add(p->z, h);
    zwk_sm2_fe z3 = fe_sub(fe_sub(fe_sqr(zh), z1z1), hh);
    r->x = x3;
    r->y = y3;
    r->z = z3;
    return 0;
}

void zwk_sm2_fe_sqr(zwk_sm2_fe *r, const zwk_sm2_fe *a) {
    *r = fe_sqr(*a);
}
