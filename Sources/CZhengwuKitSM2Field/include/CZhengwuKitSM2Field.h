// Arithmetic modulo the SM2 prime p = 2^256 - 2^224 - 2^96 + 2^64 - 1 in Montgomery form
// (a * 2^256 mod p), four 64-bit limbs least significant first, always fully reduced.
//
// Part of GMCrypto's dedicated SM2 *verification* (Sources/GMCrypto/SM2/SM2PublicVerifier.swift).
// VARIABLE TIME is acceptable there because verification only handles public values; never
// use this with secrets. It is C rather than Swift because Swift compiled the same carry
// chains to branches and flag shuffling (about 380 instructions per multiplication, 3.4x
// `openssl speed sm2` verify overall), where clang's 128-bit arithmetic gives mulx/adc code.
// The point formulas are here too, so the hot loop makes one call per point operation.
#ifndef CZHENGWUKIT_SM2_FIELD_H
#define CZHENGWUKIT_SM2_FIELD_H

#include <stdint.h>

typedef struct {
    uint64_t v[4];
} zwk_sm2_fe;

typedef struct {
    zwk_sm2_fe x, y;
} zwk_sm2_affine;

// Jacobian (X, Y, Z) for (X/Z^2, Y/Z^3); Z = 0 is the point at infinity.
typedef struct {
    zwk_sm2_fe x, y, z;
} zwk_sm2_jacobian;

void zwk_sm2_fe_mul(zwk_sm2_fe *r, const zwk_sm2_fe *a, const zwk_sm2_fe *b);
void zwk_sm2_fe_add(zwk_sm2_fe *r, const zwk_sm2_fe *a, const zwk_sm2_fe *b);
void zwk_sm2_fe_sub(zwk_sm2_fe *r, const zwk_sm2_fe *a, const zwk_sm2_fe *b);
void zwk_sm2_fe_sqr(zwk_sm2_fe *r, const zwk_sm2_fe *a);

// r = 2p (dbl-2001-b for a = -3). Infinity doubles to infinity; no finite SM2 point has y = 0.
void zwk_sm2_point_double(zwk_sm2_jacobian *r, const zwk_sm2_jacobian *p);

// r = p + q for a finite p and an affine q (madd-2007-bl). Returns 0 when done; 1 when
// q = p (r untouched: the caller doubles); 2 when q = -p (r untouched: the sum is infinity).
int zwk_sm2_point_add_affine(zwk_sm2_jacobian *r, const zwk_sm2_jacobian *p, const zwk_sm2_affine *q);

#endif
