/*
 * Multiplication and squaring for libdecaf's portable 32-bit p25519 field (src/p25519/arch_32), in
 * place of its f_impl.c's (build.sh deletes those two functions and compiles these), for wasm32.
 *
 * Why: nearly all of the verifier's group work is field multiplications: decoding a point is one
 * inverse square root (about 250 squarings), and the verifier decodes every commitment of every
 * proof; the multi-scalar multiplication is point additions. libdecaf's gf_mul is two loops with
 * data-dependent bounds, and its gf_sqr calls gf_mul (its own comment: "Performs better with
 * dedicated square"). Written out term by term, clang emits straight-line code: measured in V8,
 * a point decodes in half the time.
 *
 * Same results, bit for bit: each output limb accumulates exactly the products libdecaf's gf_mul
 * accumulates (the square takes a[j]·a[k] and a[k]·a[j] once, doubled), so every partial sum is
 * the same 64-bit value within its bounds (GF_HEADROOM in f_impl.h) and is carried at the same
 * places. The backends' cross tests hold the module to the other backends on every vector.
 *
 * The representation (f_impl.h): ten limbs, even ones of 26 bits and odd ones of 25, limb i worth
 * 2^ceil(25.5·i). A product of limbs j and k lands on limb j + k, doubled when both are odd
 * (2^(e_j + e_k) = 2·2^e_(j+k)); past limb 9 it wraps with a factor 19 (2^255 ≡ 19 mod p).
 * The bodies are generated (one line per product) by scripts/field-products.ts, which
 * field-products.test.ts holds this file to; not tuned by hand.
 */
#include "f_field.h"

void gf_mul(gf_s *__restrict__ cs, const gf as, const gf bs) {
  const uint32_t *a = as->limb, *b = bs->limb;
  uint32_t *c = cs->limb;
  /* Fits 32 bits within GF_HEADROOM, as libdecaf's own b[i]·19. */
  uint32_t b19[10];
  for (int i = 0; i < 10; i++) b19[i] = b[i] * 19;
  uint64_t accum = 0;
  /* limb 0 */
  accum += (uint64_t)a[0] * b[0];
  accum += ((uint64_t)a[1] * b19[9] << 1);
  accum += (uint64_t)a[2] * b19[8];
  accum += ((uint64_t)a[3] * b19[7] << 1);
  accum += (uint64_t)a[4] * b19[6];
  accum += ((uint64_t)a[5] * b19[5] << 1);
  accum += (uint64_t)a[6] * b19[4];
  accum += ((uint64_t)a[7] * b19[3] << 1);
  accum += (uint64_t)a[8] * b19[2];
  accum += ((uint64_t)a[9] * b19[1] << 1);
  c[0] = (uint32_t)accum & ((1u << 26) - 1);
  accum >>= 26;
  /* limb 1 */
  accum += (uint64_t)a[0] * b[1];
  accum += (uint64_t)a[1] * b[0];
  accum += (uint64_t)a[2] * b19[9];
  accum += (uint64_t)a[3] * b19[8];
  accum += (uint64_t)a[4] * b19[7];
  accum += (uint64_t)a[5] * b19[6];
  accum += (uint64_t)a[6] * b19[5];
  accum += (uint64_t)a[7] * b19[4];
  accum += (uint64_t)a[8] * b19[3];
  accum += (uint64_t)a[9] * b19[2];
  c[1] = (uint32_t)accum & ((1u << 25) - 1);
  accum >>= 25;
  /* limb 2 */
  accum += (uint64_t)a[0] * b[2];
  accum += ((uint64_t)a[1] * b[1] << 1);
  accum += (uint64_t)a[2] * b[0];
  accum += ((uint64_t)a[3] * b19[9] << 1);
  accum += (uint64_t)a[4] * b19[8];
  accum += ((uint64_t)a[5] * b19[7] << 1);
  accum += (uint64_t)a[6] * b19[6];
  accum += ((uint64_t)a[7] * b19[5] << 1);
  accum += (uint64_t)a[8] * b19[4];
  accum += ((uint64_t)a[9] * b19[3] << 1);
  c[2] = (uint32_t)accum & ((1u << 26) - 1);
  accum >>= 26;
  /* limb 3 */
  accum += (uint64_t)a[0] * b[3];
  accum += (uint64_t)a[1] * b[2];
  accum += (uint64_t)a[2] * b[1];
  accum += (uint64_t)a[3] * b[0];
  accum += (uint64_t)a[4] * b19[9];
  accum += (uint64_t)a[5] * b19[8];
  accum += (uint64_t)a[6] * b19[7];
  accum += (uint64_t)a[7] * b19[6];
  accum += (uint64_t)a[8] * b19[5];
  accum += (uint64_t)a[9] * b19[4];
  c[3] = (uint32_t)accum & ((1u << 25) - 1);
  accum >>= 25;
  /* limb 4 */
  accum += (uint64_t)a[0] * b[4];
  accum += ((uint64_t)a[1] * b[3] << 1);
  accum += (uint64_t)a[2] * b[2];
  accum += ((uint64_t)a[3] * b[1] << 1);
  accum += (uint64_t)a[4] * b[0];
  accum += ((uint64_t)a[5] * b19[9] << 1);
  accum += (uint64_t)a[6] * b19[8];
  accum += ((uint64_t)a[7] * b19[7] << 1);
  accum += (uint64_t)a[8] * b19[6];
  accum += ((uint64_t)a[9] * b19[5] << 1);
  c[4] = (uint32_t)accum & ((1u << 26) - 1);
  accum >>= 26;
  /* limb 5 */
  accum += (uint64_t)a[0] * b[5];
  accum += (uint64_t)a[1] * b[4];
  accum += (uint64_t)a[2] * b[3];
  accum += (uint64_t)a[3] * b[2];
  accum += (uint64_t)a[4] * b[1];
  accum += (uint64_t)a[5] * b[0];
  accum += (uint64_t)a[6] * b19[9];
  accum += (uint64_t)a[7] * b19[8];
  accum += (uint64_t)a[8] * b19[7];
  accum += (uint64_t)a[9] * b19[6];
  c[5] = (uint32_t)accum & ((1u << 25) - 1);
  accum >>= 25;
  /* limb 6 */
  accum += (uint64_t)a[0] * b[6];
  accum += ((uint64_t)a[1] * b[5] << 1);
  accum += (uint64_t)a[2] * b[4];
  accum += ((uint64_t)a[3] * b[3] << 1);
  accum += (uint64_t)a[4] * b[2];
  accum += ((uint64_t)a[5] * b[1] << 1);
  accum += (uint64_t)a[6] * b[0];
  accum += ((uint64_t)a[7] * b19[9] << 1);
  accum += (uint64_t)a[8] * b19[8];
  accum += ((uint64_t)a[9] * b19[7] << 1);
  c[6] = (uint32_t)accum & ((1u << 26) - 1);
  accum >>= 26;
  /* limb 7 */
  accum += (uint64_t)a[0] * b[7];
  accum += (uint64_t)a[1] * b[6];
  accum += (uint64_t)a[2] * b[5];
  accum += (uint64_t)a[3] * b[4];
  accum += (uint64_t)a[4] * b[3];
  accum += (uint64_t)a[5] * b[2];
  accum += (uint64_t)a[6] * b[1];
  accum += (uint64_t)a[7] * b[0];
  accum += (uint64_t)a[8] * b19[9];
  accum += (uint64_t)a[9] * b19[8];
  c[7] = (uint32_t)accum & ((1u << 25) - 1);
  accum >>= 25;
  /* limb 8 */
  accum += (uint64_t)a[0] * b[8];
  accum += ((uint64_t)a[1] * b[7] << 1);
  accum += (uint64_t)a[2] * b[6];
  accum += ((uint64_t)a[3] * b[5] << 1);
  accum += (uint64_t)a[4] * b[4];
  accum += ((uint64_t)a[5] * b[3] << 1);
  accum += (uint64_t)a[6] * b[2];
  accum += ((uint64_t)a[7] * b[1] << 1);
  accum += (uint64_t)a[8] * b[0];
  accum += ((uint64_t)a[9] * b19[9] << 1);
  c[8] = (uint32_t)accum & ((1u << 26) - 1);
  accum >>= 26;
  /* limb 9 */
  accum += (uint64_t)a[0] * b[9];
  accum += (uint64_t)a[1] * b[8];
  accum += (uint64_t)a[2] * b[7];
  accum += (uint64_t)a[3] * b[6];
  accum += (uint64_t)a[4] * b[5];
  accum += (uint64_t)a[5] * b[4];
  accum += (uint64_t)a[6] * b[3];
  accum += (uint64_t)a[7] * b[2];
  accum += (uint64_t)a[8] * b[1];
  accum += (uint64_t)a[9] * b[0];
  c[9] = (uint32_t)accum & ((1u << 25) - 1);
  accum >>= 25;
  /* The carry out of limb 9 is worth 2^255 ≡ 19. */
  accum *= 19;
  accum += c[0];
  c[0] = accum & ((1u << 26) - 1);
  accum >>= 26;
  c[1] += (uint32_t)accum;
}

void gf_sqr(gf_s *__restrict__ cs, const gf as) {
  const uint32_t *a = as->limb;
  uint32_t *c = cs->limb;
  uint32_t a19[10];
  for (int i = 0; i < 10; i++) a19[i] = a[i] * 19;
  uint64_t accum = 0;
  /* limb 0 */
  accum += (uint64_t)a[0] * a[0];
  accum += ((uint64_t)a[1] * a19[9] << 2);
  accum += ((uint64_t)a[2] * a19[8] << 1);
  accum += ((uint64_t)a[3] * a19[7] << 2);
  accum += ((uint64_t)a[4] * a19[6] << 1);
  accum += ((uint64_t)a[5] * a19[5] << 1);
  c[0] = (uint32_t)accum & ((1u << 26) - 1);
  accum >>= 26;
  /* limb 1 */
  accum += ((uint64_t)a[0] * a[1] << 1);
  accum += ((uint64_t)a[2] * a19[9] << 1);
  accum += ((uint64_t)a[3] * a19[8] << 1);
  accum += ((uint64_t)a[4] * a19[7] << 1);
  accum += ((uint64_t)a[5] * a19[6] << 1);
  c[1] = (uint32_t)accum & ((1u << 25) - 1);
  accum >>= 25;
  /* limb 2 */
  accum += ((uint64_t)a[0] * a[2] << 1);
  accum += ((uint64_t)a[1] * a[1] << 1);
  accum += ((uint64_t)a[3] * a19[9] << 2);
  accum += ((uint64_t)a[4] * a19[8] << 1);
  accum += ((uint64_t)a[5] * a19[7] << 2);
  accum += (uint64_t)a[6] * a19[6];
  c[2] = (uint32_t)accum & ((1u << 26) - 1);
  accum >>= 26;
  /* limb 3 */
  accum += ((uint64_t)a[0] * a[3] << 1);
  accum += ((uint64_t)a[1] * a[2] << 1);
  accum += ((uint64_t)a[4] * a19[9] << 1);
  accum += ((uint64_t)a[5] * a19[8] << 1);
  accum += ((uint64_t)a[6] * a19[7] << 1);
  c[3] = (uint32_t)accum & ((1u << 25) - 1);
  accum >>= 25;
  /* limb 4 */
  accum += ((uint64_t)a[0] * a[4] << 1);
  accum += ((uint64_t)a[1] * a[3] << 2);
  accum += (uint64_t)a[2] * a[2];
  accum += ((uint64_t)a[5] * a19[9] << 2);
  accum += ((uint64_t)a[6] * a19[8] << 1);
  accum += ((uint64_t)a[7] * a19[7] << 1);
  c[4] = (uint32_t)accum & ((1u << 26) - 1);
  accum >>= 26;
  /* limb 5 */
  accum += ((uint64_t)a[0] * a[5] << 1);
  accum += ((uint64_t)a[1] * a[4] << 1);
  accum += ((uint64_t)a[2] * a[3] << 1);
  accum += ((uint64_t)a[6] * a19[9] << 1);
  accum += ((uint64_t)a[7] * a19[8] << 1);
  c[5] = (uint32_t)accum & ((1u << 25) - 1);
  accum >>= 25;
  /* limb 6 */
  accum += ((uint64_t)a[0] * a[6] << 1);
  accum += ((uint64_t)a[1] * a[5] << 2);
  accum += ((uint64_t)a[2] * a[4] << 1);
  accum += ((uint64_t)a[3] * a[3] << 1);
  accum += ((uint64_t)a[7] * a19[9] << 2);
  accum += (uint64_t)a[8] * a19[8];
  c[6] = (uint32_t)accum & ((1u << 26) - 1);
  accum >>= 26;
  /* limb 7 */
  accum += ((uint64_t)a[0] * a[7] << 1);
  accum += ((uint64_t)a[1] * a[6] << 1);
  accum += ((uint64_t)a[2] * a[5] << 1);
  accum += ((uint64_t)a[3] * a[4] << 1);
  accum += ((uint64_t)a[8] * a19[9] << 1);
  c[7] = (uint32_t)accum & ((1u << 25) - 1);
  accum >>= 25;
  /* limb 8 */
  accum += ((uint64_t)a[0] * a[8] << 1);
  accum += ((uint64_t)a[1] * a[7] << 2);
  accum += ((uint64_t)a[2] * a[6] << 1);
  accum += ((uint64_t)a[3] * a[5] << 2);
  accum += (uint64_t)a[4] * a[4];
  accum += ((uint64_t)a[9] * a19[9] << 1);
  c[8] = (uint32_t)accum & ((1u << 26) - 1);
  accum >>= 26;
  /* limb 9 */
  accum += ((uint64_t)a[0] * a[9] << 1);
  accum += ((uint64_t)a[1] * a[8] << 1);
  accum += ((uint64_t)a[2] * a[7] << 1);
  accum += ((uint64_t)a[3] * a[6] << 1);
  accum += ((uint64_t)a[4] * a[5] << 1);
  c[9] = (uint32_t)accum & ((1u << 25) - 1);
  accum >>= 25;
  /* The carry out of limb 9 is worth 2^255 ≡ 19. */
  accum *= 19;
  accum += c[0];
  c[0] = accum & ((1u << 26) - 1);
  accum >>= 26;
  c[1] += (uint32_t)accum;
}
