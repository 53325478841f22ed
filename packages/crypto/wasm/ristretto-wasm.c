/*
 * Scrutineer's WebAssembly ristretto255 backend (spec §2.9): libdecaf's decaf_255 (the library
 * behind the native backend, compiled to wasm32 with its portable 32-bit field arithmetic) behind
 * a C ABI of plain pointers into linear memory, plus the same variable-time multi-scalar
 * multiplication as native/ristretto.c (Straus for few points, Pippenger's buckets for many).
 *
 * No bindings generator: JavaScript (backends/wasm.ts) copies bytes into buffers it got from
 * scr_alloc, calls a function with their addresses and copies the result out. A point crosses as
 * 256 bytes: X, Y, Z, T of ten 32-bit limbs each, each padded to 64 bytes (libdecaf's point
 * struct, copied verbatim; buffers are 32-byte aligned as it wants).
 * Scalars are 32 bytes little-endian; every function taking one returns 0 if it is not below ℓ.
 */
#include <decaf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT(name) __attribute__((export_name(#name)))

typedef struct decaf_255_point_s point_s;
#include "../native/msm.h"

/* libdecaf aligns each coordinate to 32 bytes: 40 bytes of limbs padded to 64. */
_Static_assert(sizeof(point_s) == 256, "libdecaf wasm32: 4 coordinates of 10 x 32-bit limbs");

/* ---- memory: JavaScript asks for buffers and frees them ---- */

EXPORT(scr_alloc) void *scr_alloc(size_t bytes) { return aligned_alloc(32, (bytes + 31) & ~(size_t)31); }
EXPORT(scr_free) void scr_free(void *p) { free(p); }
EXPORT(scr_point_bytes) size_t scr_point_bytes(void) { return sizeof(point_s); }

static int scalar_of(decaf_255_scalar_t out, const uint8_t *bytes) {
  return decaf_255_scalar_decode(out, bytes) == DECAF_SUCCESS;
}

/* ---- the group operations ---- */

/* RFC 9496 §4.3.1; 1 iff canonical. The identity is accepted here (wasm.ts decides). */
EXPORT(scr_decode) int scr_decode(point_s *out, const uint8_t *bytes) {
  return decaf_255_point_decode(out, bytes, DECAF_TRUE) == DECAF_SUCCESS;
}
/* RFC 9496 §4.3.2. */
EXPORT(scr_encode) void scr_encode(uint8_t *out, const point_s *p) { decaf_255_point_encode(out, p); }
EXPORT(scr_add) void scr_add(point_s *out, const point_s *a, const point_s *b) {
  decaf_255_point_add(out, a, b);
}
EXPORT(scr_sub) void scr_sub(point_s *out, const point_s *a, const point_s *b) {
  decaf_255_point_sub(out, a, b);
}
EXPORT(scr_negate) void scr_negate(point_s *out, const point_s *a) { decaf_255_point_negate(out, a); }
/* libdecaf compares projectively, so no encoding is needed. */
EXPORT(scr_equals) int scr_equals(const point_s *a, const point_s *b) {
  return decaf_255_point_eq(a, b) == DECAF_TRUE;
}
/* The constant-time ladder (secret scalars). */
EXPORT(scr_multiply) int scr_multiply(point_s *out, const point_s *p, const uint8_t *scalar) {
  decaf_255_scalar_t s;
  if (!scalar_of(s, scalar)) return 0;
  decaf_255_point_scalarmul(out, p, s);
  decaf_255_scalar_destroy(s);
  return 1;
}
/* Constant time, over libdecaf's precomputed table for G. */
EXPORT(scr_multiply_base) int scr_multiply_base(point_s *out, const uint8_t *scalar) {
  decaf_255_scalar_t s;
  if (!scalar_of(s, scalar)) return 0;
  decaf_255_precomputed_scalarmul(out, decaf_255_precomputed_base, s);
  decaf_255_scalar_destroy(s);
  return 1;
}
/* Variable time (public scalars): libdecaf's signed sliding window. */
EXPORT(scr_multiply_unsafe) int scr_multiply_unsafe(point_s *out, const point_s *p,
                                                    const uint8_t *scalar) {
  decaf_255_scalar_t s, zero = {{{0}}};
  if (!scalar_of(s, scalar)) return 0;
  decaf_255_base_double_scalarmul_non_secret(out, zero, p, s);
  return 1;
}
/* A comb table for a fixed base (the election key); NULL when out of memory. */
EXPORT(scr_precompute) void *scr_precompute(const point_s *p) {
  const size_t align = decaf_255_alignof_precomputed_s;
  const size_t bytes = (decaf_255_sizeof_precomputed_s + align - 1) / align * align;
  decaf_255_precomputed_s *table = aligned_alloc(align, bytes);
  if (table != NULL) decaf_255_precompute(table, p);
  return table;
}
EXPORT(scr_free_table) void scr_free_table(decaf_255_precomputed_s *table) {
  decaf_255_precomputed_destroy(table);
  free(table);
}
/* Constant time, the comb over a table from scr_precompute. */
EXPORT(scr_multiply_precomputed) int scr_multiply_precomputed(point_s *out,
                                                              const decaf_255_precomputed_s *table,
                                                              const uint8_t *scalar) {
  decaf_255_scalar_t s;
  if (!scalar_of(s, scalar)) return 0;
  decaf_255_precomputed_scalarmul(out, table, s);
  decaf_255_scalar_destroy(s);
  return 1;
}
/* RFC 9496 §4.3.4 from 64 uniform bytes. */
EXPORT(scr_from_uniform) void scr_from_uniform(point_s *out, const uint8_t *bytes) {
  decaf_255_point_from_hash_uniform(out, bytes);
}
/* identity and generator, decoded. */
EXPORT(scr_constants) void scr_constants(point_s *identity, point_s *generator) {
  decaf_255_point_copy(identity, decaf_255_point_identity);
  decaf_255_point_copy(generator, decaf_255_point_base);
}

/* ---- multi-scalar multiplication (variable time: public inputs only): ../native/msm.h ---- */

/*
 * Σ ±sᵢ·Pᵢ over n points (n × 256 bytes), n scalars (n × 32 bytes, each < 2^253) and n signs
 * (term i negated iff negative[i] ≠ 0). 1 on success, 0 out of memory, -1 a scalar too long.
 */
EXPORT(scr_msm) int scr_msm(point_s *out, const point_s *points, const uint8_t *scalars,
                            const uint8_t *negative, size_t n) {
  return msm(out, points, scalars, negative, n);
}
