/*
 * Scrutineer's native ristretto255 backend (spec §2.6): a thin N-API layer over libdecaf's
 * decaf_255 (Mike Hamburg's ristretto255 implementation; its encodings match RFC 9496 byte for
 * byte, see rfc9496-vectors.test.ts) plus a variable-time multi-scalar multiplication (Straus for
 * few points, Pippenger's bucket method for many) that libdecaf does not offer.
 *
 * Points cross into JavaScript decoded, as 160 bytes: the 4 extended coordinates (X, Y, Z, T) of
 * 5 64-bit limbs each, copied out of libdecaf's padded, 32-byte-aligned struct. They are copied
 * back into aligned structs before every operation, so JavaScript's buffers need no alignment.
 * A point argument is a pair: a Uint8Array (a store of many points) and the offset of the point's
 * 160 bytes in it, so that JavaScript keeps one small object per point and no view of its own (a
 * verifier holds millions). Every output goes into a store the caller allocated; the only
 * JavaScript value made here is the external that owns a fixed-base table (precompute).
 * Scalars are 32-byte little-endian and must be < ℓ (the JavaScript side checks the range).
 *
 * It also exposes SHA-256 and SHA-512 from the OpenSSL inside Node (whose symbols Node exports to
 * addons; headers under include/node/openssl): the verifier hashes every board line two or three
 * times, and the pure-JavaScript digests were the largest cost of its main thread.
 */
#define NAPI_VERSION 8
#define OPENSSL_API_COMPAT 0x10100000L /* SHA256()/SHA512(): one call, no EVP context */
#include <node_api.h>
#include <openssl/sha.h>
#include <decaf.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define WIRE_BYTES 160
#define COORD_BYTES 40

typedef struct decaf_255_point_s point_s;
#include "msm.h"

/* The byte copies below assume libdecaf's 64-bit build (5 limbs of 51 bits per coordinate) and
 * recode() reads scalars as little-endian words. */
_Static_assert(sizeof(((gf_25519_s *)0)->limb) == COORD_BYTES, "libdecaf: 5 x 64-bit limbs");
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "ristretto.c assumes a little-endian host"
#endif

static void unpack(point_s *p, const uint8_t *wire) {
  memcpy(p->x->limb, wire, COORD_BYTES);
  memcpy(p->y->limb, wire + COORD_BYTES, COORD_BYTES);
  memcpy(p->z->limb, wire + 2 * COORD_BYTES, COORD_BYTES);
  memcpy(p->t->limb, wire + 3 * COORD_BYTES, COORD_BYTES);
}

static void pack(uint8_t *wire, const point_s *p) {
  memcpy(wire, p->x->limb, COORD_BYTES);
  memcpy(wire + COORD_BYTES, p->y->limb, COORD_BYTES);
  memcpy(wire + 2 * COORD_BYTES, p->z->limb, COORD_BYTES);
  memcpy(wire + 3 * COORD_BYTES, p->t->limb, COORD_BYTES);
}

/* ---- argument helpers: a wrong argument is a bug in backends/native.ts, so it throws ---- */

static uint8_t *bytes_of(napi_env env, napi_value value, size_t length) {
  napi_typedarray_type type;
  size_t count;
  void *data;
  if (napi_get_typedarray_info(env, value, &type, &count, &data, NULL, NULL) != napi_ok ||
      type != napi_uint8_array || count != length) {
    napi_throw_type_error(env, NULL, "ristretto native: wrong argument (Uint8Array length)");
    return NULL;
  }
  return (uint8_t *)data;
}

static int args_of(napi_env env, napi_callback_info info, size_t want, napi_value *argv) {
  size_t argc = want;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != want) {
    napi_throw_type_error(env, NULL, "ristretto native: wrong number of arguments");
    return 0;
  }
  return 1;
}

/* multiplyDual takes the most: two outputs, a point (each a store and an offset), two scalars. */
#define MAX_ARGUMENTS 8

/* The 160 bytes of a point argument: `store` a Uint8Array, `offset` where the point lies in it. */
static uint8_t *point_at(napi_env env, napi_value store, napi_value offset) {
  napi_typedarray_type type;
  size_t length;
  void *data;
  uint32_t at;
  if (napi_get_typedarray_info(env, store, &type, &length, &data, NULL, NULL) != napi_ok ||
      type != napi_uint8_array || napi_get_value_uint32(env, offset, &at) != napi_ok ||
      (size_t)at + WIRE_BYTES > length) {
    napi_throw_type_error(env, NULL, "ristretto native: wrong argument (point store and offset)");
    return NULL;
  }
  return (uint8_t *)data + at;
}

/*
 * What every function checks first: exactly `count` arguments, of which the first 2·`points` are
 * (store, offset) pairs, read into points[]. The first wrong one throws its TypeError and this
 * returns 0, so the caller returns at once with the exception pending.
 */
static int points_of(napi_env env, napi_callback_info info, napi_value *argv, size_t count,
                     size_t points, uint8_t **out) {
  if (!args_of(env, info, count, argv)) return 0;
  for (size_t i = 0; i < points; i++)
    if ((out[i] = point_at(env, argv[2 * i], argv[2 * i + 1])) == NULL) return 0;
  return 1;
}

static napi_value boolean(napi_env env, int value) {
  napi_value result;
  napi_get_boolean(env, value != 0, &result);
  return result;
}

static int scalar_of(napi_env env, napi_value value, decaf_255_scalar_t out) {
  const uint8_t *bytes = bytes_of(env, value, DECAF_255_SCALAR_BYTES);
  if (bytes == NULL) return 0;
  if (decaf_255_scalar_decode(out, bytes) != DECAF_SUCCESS) {
    napi_throw_range_error(env, NULL, "ristretto native: scalar not below the group order");
    return 0;
  }
  return 1;
}

/* sha256(out32, bytes), sha512(out64, bytes): any input length. */
static napi_value digest(napi_env env, napi_callback_info info, size_t length,
                         unsigned char *(*hash)(const unsigned char *, size_t, unsigned char *)) {
  napi_value argv[2];
  uint8_t *out;
  if (!args_of(env, info, 2, argv) || (out = bytes_of(env, argv[0], length)) == NULL) return NULL;
  napi_typedarray_type type;
  size_t count;
  void *data;
  if (napi_get_typedarray_info(env, argv[1], &type, &count, &data, NULL, NULL) != napi_ok ||
      type != napi_uint8_array) {
    napi_throw_type_error(env, NULL, "ristretto native: expected a Uint8Array to hash");
    return NULL;
  }
  static const unsigned char empty[1] = {0};
  hash(count == 0 ? empty : (const unsigned char *)data, count, out);
  return NULL;
}
static napi_value js_sha256(napi_env env, napi_callback_info info) {
  return digest(env, info, SHA256_DIGEST_LENGTH, SHA256);
}
static napi_value js_sha512(napi_env env, napi_callback_info info) {
  return digest(env, info, SHA512_DIGEST_LENGTH, SHA512);
}

/* decode(store, at, bytes32): RFC 9496 §4.3.1; true iff canonical. The identity is accepted here. */
static napi_value js_decode(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  uint8_t *out[1];
  const uint8_t *bytes;
  if (!points_of(env, info, argv, 3, 1, out) ||
      (bytes = bytes_of(env, argv[2], DECAF_255_SER_BYTES)) == NULL)
    return NULL;
  decaf_255_point_t p;
  if (decaf_255_point_decode(p, bytes, DECAF_TRUE) != DECAF_SUCCESS) return boolean(env, 0);
  pack(out[0], p);
  return boolean(env, 1);
}

/*
 * decodeMany(out, encodings, refused): RFC 9496 §4.3.1 for n concatenated 32-byte encodings at
 * once, each written to out as the transfer form native.ts reads back (its encoding, then its 160
 * bytes of coordinates): a verifier decodes millions of points, and one call for a whole slice
 * makes no JavaScript object per point. The identity is refused at point i when
 * refused[i mod refused.length] is non-zero (a ciphertext's α, a proof's first commitment).
 * Returns -1 when every encoding decodes, else the index of the first that does not (out is then
 * written only below it).
 */
static napi_value js_decode_many(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  if (!args_of(env, info, 3, argv)) return NULL;
  napi_typedarray_type type;
  size_t out_length, length, pattern;
  void *out_data, *data, *refused_data;
  if (napi_get_typedarray_info(env, argv[0], &type, &out_length, &out_data, NULL, NULL) !=
          napi_ok ||
      type != napi_uint8_array ||
      napi_get_typedarray_info(env, argv[1], &type, &length, &data, NULL, NULL) != napi_ok ||
      type != napi_uint8_array ||
      napi_get_typedarray_info(env, argv[2], &type, &pattern, &refused_data, NULL, NULL) !=
          napi_ok ||
      type != napi_uint8_array || pattern == 0 || length % DECAF_255_SER_BYTES != 0 ||
      out_length != length / DECAF_255_SER_BYTES * (DECAF_255_SER_BYTES + WIRE_BYTES)) {
    napi_throw_type_error(env, NULL, "ristretto native: wrong argument (decodeMany lengths)");
    return NULL;
  }
  const uint8_t *encodings = data, *refused = refused_data;
  uint8_t *out = out_data;
  static const uint8_t zero[DECAF_255_SER_BYTES] = {0};
  const size_t n = length / DECAF_255_SER_BYTES;
  int64_t failed = -1;
  for (size_t i = 0; i < n; i++) {
    const uint8_t *encoding = encodings + i * DECAF_255_SER_BYTES;
    uint8_t *record = out + i * (DECAF_255_SER_BYTES + WIRE_BYTES);
    decaf_255_point_t p;
    if (decaf_255_point_decode(p, encoding, DECAF_TRUE) != DECAF_SUCCESS ||
        (refused[i % pattern] != 0 && memcmp(encoding, zero, DECAF_255_SER_BYTES) == 0)) {
      failed = (int64_t)i;
      break;
    }
    memcpy(record, encoding, DECAF_255_SER_BYTES);
    pack(record + DECAF_255_SER_BYTES, p);
  }
  napi_value result;
  napi_create_int64(env, failed, &result);
  return result;
}

/* encode(out32, store, at): RFC 9496 §4.3.2. */
static napi_value js_encode(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  uint8_t *out, *point;
  if (!args_of(env, info, 3, argv) || (out = bytes_of(env, argv[0], DECAF_255_SER_BYTES)) == NULL ||
      (point = point_at(env, argv[1], argv[2])) == NULL)
    return NULL;
  decaf_255_point_t p;
  unpack(p, point);
  decaf_255_point_encode(out, p);
  return NULL;
}

typedef void (*binary_op)(decaf_255_point_t, const decaf_255_point_t, const decaf_255_point_t);

/* add / subtract(outStore, outAt, aStore, aAt, bStore, bAt) */
static napi_value binary(napi_env env, napi_callback_info info, binary_op op) {
  napi_value argv[6];
  uint8_t *points[3];
  if (!points_of(env, info, argv, 6, 3, points)) return NULL;
  decaf_255_point_t p, q, r;
  unpack(p, points[1]);
  unpack(q, points[2]);
  op(r, p, q);
  pack(points[0], r);
  return NULL;
}

static napi_value js_add(napi_env env, napi_callback_info info) {
  return binary(env, info, decaf_255_point_add);
}
static napi_value js_sub(napi_env env, napi_callback_info info) {
  return binary(env, info, decaf_255_point_sub);
}

/* negate(outStore, outAt, store, at) */
static napi_value js_negate(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  uint8_t *points[2];
  if (!points_of(env, info, argv, 4, 2, points)) return NULL;
  decaf_255_point_t p, r;
  unpack(p, points[1]);
  decaf_255_point_negate(r, p);
  pack(points[0], r);
  return NULL;
}

/* equals(aStore, aAt, bStore, bAt): libdecaf compares projectively, so no encoding is needed. */
static napi_value js_equals(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  uint8_t *points[2];
  if (!points_of(env, info, argv, 4, 2, points)) return NULL;
  decaf_255_point_t p, q;
  unpack(p, points[0]);
  unpack(q, points[1]);
  return boolean(env, decaf_255_point_eq(p, q) == DECAF_TRUE);
}

/* multiply(outStore, outAt, store, at, scalar32): libdecaf's constant-time ladder (secrets). */
static napi_value js_multiply(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  uint8_t *points[2];
  decaf_255_scalar_t s;
  if (!points_of(env, info, argv, 5, 2, points) || !scalar_of(env, argv[4], s)) return NULL;
  decaf_255_point_t p, r;
  unpack(p, points[1]);
  decaf_255_point_scalarmul(r, p, s);
  decaf_255_scalar_destroy(s);
  pack(points[0], r);
  return NULL;
}

/*
 * multiplyDual(out1Store, out1At, out2Store, out2At, store, at, scalar1, scalar2): scalar1·point
 * and scalar2·point by libdecaf's constant-time dual ladder, which builds the point's window table
 * once for both (a trustee's xₗ·α and its proof's a·α, spec §8.2): about a quarter faster than two
 * ladders.
 */
static napi_value js_multiply_dual(napi_env env, napi_callback_info info) {
  napi_value argv[8];
  uint8_t *points[3];
  decaf_255_scalar_t s1, s2;
  if (!points_of(env, info, argv, 8, 3, points) || !scalar_of(env, argv[6], s1)) return NULL;
  if (!scalar_of(env, argv[7], s2)) {
    decaf_255_scalar_destroy(s1);
    return NULL;
  }
  decaf_255_point_t p, r1, r2;
  unpack(p, points[2]);
  decaf_255_point_dual_scalarmul(r1, r2, p, s1, s2);
  decaf_255_scalar_destroy(s1);
  decaf_255_scalar_destroy(s2);
  pack(points[0], r1);
  pack(points[1], r2);
  return NULL;
}

/* multiplyBase(outStore, outAt, scalar32): constant time, over libdecaf's table for G. */
static napi_value js_multiply_base(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  uint8_t *points[1];
  decaf_255_scalar_t s;
  if (!points_of(env, info, argv, 3, 1, points) || !scalar_of(env, argv[2], s)) return NULL;
  decaf_255_point_t r;
  decaf_255_precomputed_scalarmul(r, decaf_255_precomputed_base, s);
  decaf_255_scalar_destroy(s);
  pack(points[0], r);
  return NULL;
}

/* ---- fixed-base tables (the election key K: every encryption computes r·K, r secret) ---- */

/*
 * A table lives in C memory (libdecaf wants it aligned, and JavaScript buffers are not) behind an
 * N-API external: JavaScript can hold it but not read or change it, and the finalizer frees it
 * once the prepared point is garbage. The type tag refuses any other external as a table.
 */
/* "scrutine", "er-k-tab" in ASCII: any fixed 128 bits unlikely to be another addon's tag. */
static const napi_type_tag table_tag = {0x7363727574696e65ULL, 0x65722d6b2d746162ULL};

/* aligned_alloc wants a size that is a multiple of the alignment. */
static size_t table_bytes(void) {
  const size_t align = decaf_255_alignof_precomputed_s;
  return (decaf_255_sizeof_precomputed_s + align - 1) / align * align;
}

static void free_table(napi_env env, void *data, void *hint) {
  (void)hint;
  int64_t ignored;
  decaf_255_precomputed_destroy(data); /* zeroes it: not secret, but costs nothing */
  free(data);
  napi_adjust_external_memory(env, -(int64_t)table_bytes(), &ignored);
}

/* precompute(store, at) → an external holding libdecaf's comb table for the point. */
static napi_value js_precompute(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  uint8_t *points[1];
  if (!points_of(env, info, argv, 2, 1, points)) return NULL;
  decaf_255_precomputed_s *table = aligned_alloc(decaf_255_alignof_precomputed_s, table_bytes());
  if (table == NULL) {
    napi_throw_error(env, NULL, "ristretto native: out of memory");
    return NULL;
  }
  decaf_255_point_t p;
  unpack(p, points[0]);
  decaf_255_precompute(table, p);
  napi_value external;
  if (napi_create_external(env, table, free_table, NULL, &external) != napi_ok) {
    free(table);
    napi_throw_error(env, NULL, "ristretto native: cannot create the table's external");
    return NULL;
  }
  /* From here the finalizer owns the table, so an error below must not free it. */
  int64_t ignored;
  napi_adjust_external_memory(env, (int64_t)table_bytes(), &ignored);
  if (napi_type_tag_object(env, external, &table_tag) != napi_ok) {
    napi_throw_error(env, NULL, "ristretto native: cannot tag the table");
    return NULL;
  }
  return external;
}

/* multiplyPrecomputed(outStore, outAt, table, scalar32): constant time, libdecaf's comb. */
static napi_value js_multiply_precomputed(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  uint8_t *points[1];
  if (!points_of(env, info, argv, 4, 1, points)) return NULL;
  bool tagged = false;
  void *table = NULL;
  if (napi_check_object_type_tag(env, argv[2], &table_tag, &tagged) != napi_ok || !tagged ||
      napi_get_value_external(env, argv[2], &table) != napi_ok) {
    napi_throw_type_error(env, NULL, "ristretto native: wrong argument (not a table)");
    return NULL;
  }
  decaf_255_scalar_t s;
  if (!scalar_of(env, argv[3], s)) return NULL;
  decaf_255_point_t r;
  decaf_255_precomputed_scalarmul(r, table, s);
  decaf_255_scalar_destroy(s);
  pack(points[0], r);
  return NULL;
}

/* fromUniformBytes(outStore, outAt, bytes64): RFC 9496 §4.3.4. */
static napi_value js_from_uniform(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  uint8_t *points[1];
  const uint8_t *bytes;
  if (!points_of(env, info, argv, 3, 1, points) ||
      (bytes = bytes_of(env, argv[2], 2 * DECAF_255_HASH_BYTES)) == NULL)
    return NULL;
  decaf_255_point_t r;
  decaf_255_point_from_hash_uniform(r, bytes);
  pack(points[0], r);
  return NULL;
}

/* ---- multi-scalar multiplication (variable time: public inputs only): msm.h ---- */

/*
 * msmUnsafe(outStore, outAt, stores: Uint8Array[], store: Uint32Array, at: Uint32Array,
 * scalars: n × 32 bytes, negative: n bytes): out = Σ ±sᵢ·Pᵢ, point i lying at at[i] in
 * stores[store[i]] (a few stores hold many points), each scalar < 2^253 (the caller passes
 * min(s, ℓ − s) with its sign).
 */
static napi_value js_msm(napi_env env, napi_callback_info info) {
  napi_value argv[7];
  uint8_t *out[1];
  if (!points_of(env, info, argv, 7, 1, out)) return NULL;
  uint32_t stores;
  napi_typedarray_type type;
  size_t n, n_at;
  void *which_data, *at_data;
  if (napi_get_array_length(env, argv[2], &stores) != napi_ok ||
      napi_get_typedarray_info(env, argv[3], &type, &n, &which_data, NULL, NULL) != napi_ok ||
      type != napi_uint32_array ||
      napi_get_typedarray_info(env, argv[4], &type, &n_at, &at_data, NULL, NULL) != napi_ok ||
      type != napi_uint32_array || n_at != n) {
    napi_throw_type_error(env, NULL, "ristretto native: wrong argument (msm stores and offsets)");
    return NULL;
  }
  const uint32_t *which = which_data, *at = at_data;
  const uint8_t *scalars = bytes_of(env, argv[5], n * DECAF_255_SCALAR_BYTES);
  const uint8_t *negative = scalars ? bytes_of(env, argv[6], n) : NULL;
  if (negative == NULL) return NULL;
  uint8_t **store_data = malloc(sizeof(uint8_t *) * (stores == 0 ? 1 : stores));
  size_t *store_length = malloc(sizeof(size_t) * (stores == 0 ? 1 : stores));
  point_s *points = aligned_alloc(32, sizeof(point_s) * (n == 0 ? 1 : n));
  if (store_data == NULL || store_length == NULL || points == NULL) {
    free(store_data);
    free(store_length);
    free(points);
    napi_throw_error(env, NULL, "ristretto native: out of memory");
    return NULL;
  }
  int ok = 1;
  for (uint32_t k = 0; k < stores && ok; k++) {
    napi_value element;
    void *data;
    ok = napi_get_element(env, argv[2], k, &element) == napi_ok &&
         napi_get_typedarray_info(env, element, &type, &store_length[k], &data, NULL, NULL) ==
             napi_ok &&
         type == napi_uint8_array;
    store_data[k] = data;
  }
  for (size_t i = 0; i < n && ok; i++) {
    ok = which[i] < stores && (size_t)at[i] + WIRE_BYTES <= store_length[which[i]];
    if (ok) unpack(&points[i], store_data[which[i]] + at[i]);
  }
  free(store_data);
  free(store_length);
  if (!ok) {
    free(points);
    napi_throw_type_error(env, NULL, "ristretto native: wrong argument (msm point outside its store)");
    return NULL;
  }
  decaf_255_point_t result;
  const int done = msm(result, points, scalars, negative, n);
  free(points);
  if (done == -1) {
    napi_throw_range_error(env, NULL, "ristretto native: a scalar of 2^253 or more");
    return NULL;
  }
  if (done == 0) {
    napi_throw_error(env, NULL, "ristretto native: out of memory");
    return NULL;
  }
  pack(out[0], result);
  return NULL;
}

/* constants(identityStore, identityAt, generatorStore, generatorAt): the constants, decoded. */
static napi_value js_constants(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  uint8_t *points[2];
  if (!points_of(env, info, argv, 4, 2, points)) return NULL;
  pack(points[0], decaf_255_point_identity);
  pack(points[1], decaf_255_point_base);
  return NULL;
}

NAPI_MODULE_INIT() {
  const napi_property_descriptor functions[] = {
      {"decode", NULL, js_decode, NULL, NULL, NULL, napi_enumerable, NULL},
      {"decodeMany", NULL, js_decode_many, NULL, NULL, NULL, napi_enumerable, NULL},
      {"encode", NULL, js_encode, NULL, NULL, NULL, napi_enumerable, NULL},
      {"add", NULL, js_add, NULL, NULL, NULL, napi_enumerable, NULL},
      {"subtract", NULL, js_sub, NULL, NULL, NULL, napi_enumerable, NULL},
      {"negate", NULL, js_negate, NULL, NULL, NULL, napi_enumerable, NULL},
      {"equals", NULL, js_equals, NULL, NULL, NULL, napi_enumerable, NULL},
      {"multiply", NULL, js_multiply, NULL, NULL, NULL, napi_enumerable, NULL},
      {"multiplyBase", NULL, js_multiply_base, NULL, NULL, NULL, napi_enumerable, NULL},
      {"multiplyDual", NULL, js_multiply_dual, NULL, NULL, NULL, napi_enumerable, NULL},
      {"precompute", NULL, js_precompute, NULL, NULL, NULL, napi_enumerable, NULL},
      {"multiplyPrecomputed", NULL, js_multiply_precomputed, NULL, NULL, NULL, napi_enumerable,
       NULL},
      {"fromUniformBytes", NULL, js_from_uniform, NULL, NULL, NULL, napi_enumerable, NULL},
      {"multiScalarMultiplyUnsafe", NULL, js_msm, NULL, NULL, NULL, napi_enumerable, NULL},
      {"constants", NULL, js_constants, NULL, NULL, NULL, napi_enumerable, NULL},
      {"sha256", NULL, js_sha256, NULL, NULL, NULL, napi_enumerable, NULL},
      {"sha512", NULL, js_sha512, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, sizeof(functions) / sizeof(functions[0]), functions);
  return exports;
}
