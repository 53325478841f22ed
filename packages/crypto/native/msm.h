/*
 * The variable-time multi-scalar multiplication Σ ±sᵢ·Pᵢ (spec §5.6) over libdecaf's decaf_255,
 * which libdecaf does not offer: Straus for few points, Pippenger's bucket method for many, chosen
 * by a cost model. One source for both builds: the native addon (ristretto.c, libdecaf's 64-bit
 * field) and the WebAssembly module (../wasm/ristretto-wasm.c, its 32-bit field) include it, so
 * the two backends run the same algorithm line for line. Public inputs only.
 *
 * The includer defines `point_s` (libdecaf's point struct) and includes <decaf.h>, <stdint.h>,
 * <stdlib.h> and <string.h> first. Everything here is static: each build gets its own copy.
 */
#ifndef SCRUTINEER_MSM_H
#define SCRUTINEER_MSM_H

#define SCALAR_BITS 253


/*
 * Signed radix-2^c digits of a scalar < 2^253: windows = 253/c + 1 digits in [-2^(c-1), 2^(c-1)],
 * written with stride `stride` (digit w of this scalar at digits[w * stride]). The top window
 * lies at or above bit 253 - (c - 1), so it absorbs the last carry without overflowing.
 */
static void recode(const uint8_t *scalar, int negative, int c, int windows, int16_t *digits,
                   size_t stride) {
  uint8_t padded[DECAF_255_SCALAR_BYTES + 8] = {0};
  memcpy(padded, scalar, DECAF_255_SCALAR_BYTES);
  const int half = 1 << (c - 1), mask = (1 << c) - 1;
  int carry = 0;
  for (int w = 0; w < windows; w++) {
    const int bit = w * c;
    uint64_t word = 0;
    if (bit < SCALAR_BITS) memcpy(&word, padded + bit / 8, 8);
    int digit = (int)((word >> (bit % 8)) & (uint64_t)mask) + carry;
    carry = digit > half;
    if (carry) digit -= 1 << c;
    digits[(size_t)w * stride] = (int16_t)(negative ? -digit : digit);
  }
}

static void accumulate(point_s *into, int *set, const point_s *p, int negative) {
  if (!*set) {
    if (negative) decaf_255_point_negate(into, p);
    else decaf_255_point_copy(into, p);
    *set = 1;
  } else if (negative) {
    decaf_255_point_sub(into, into, p);
  } else {
    decaf_255_point_add(into, into, p);
  }
}

static void double_times(point_s *p, int times) {
  for (int i = 0; i < times; i++) decaf_255_point_double(p, p);
}

/* Cost models in point additions (a doubling counts ~2/3 of one), for choosing the method. */
static double straus_cost(size_t n, int c) {
  const int windows = SCALAR_BITS / c + 1;
  return (double)n * ((1 << (c - 1)) + windows) + windows * c * 0.67;
}
static double pippenger_cost(size_t n, int c) {
  const int windows = SCALAR_BITS / c + 1;
  return (double)windows * ((double)n + 2.0 * (1 << (c - 1))) + windows * c * 0.67;
}

/* Straus: a table of 1..2^(c-1) multiples per point, one shared chain of doublings. */
static int straus(point_s *out, const point_s *points, const int16_t *digits, size_t n, int c,
                  int windows) {
  const int half = 1 << (c - 1);
  point_s *table = aligned_alloc(32, sizeof(point_s) * (size_t)half * n);
  if (table == NULL) return 0;
  for (size_t i = 0; i < n; i++) {
    point_s *row = table + i * half;
    decaf_255_point_copy(&row[0], &points[i]);
    if (half > 1) decaf_255_point_double(&row[1], &points[i]);
    for (int k = 2; k < half; k++) decaf_255_point_add(&row[k], &row[k - 1], &points[i]);
  }
  int set = 0;
  for (int w = windows - 1; w >= 0; w--) {
    if (set) double_times(out, c);
    for (size_t i = 0; i < n; i++) {
      const int d = digits[(size_t)w * n + i];
      if (d != 0) accumulate(out, &set, &table[i * half + (d < 0 ? -d : d) - 1], d < 0);
    }
  }
  if (!set) decaf_255_point_copy(out, decaf_255_point_identity);
  free(table);
  return 1;
}

/* Pippenger: per window, sort points into 2^(c-1) buckets by |digit|, then Σ k·bucket[k] by a
 * running sum (2 additions per bucket). */
static int pippenger(point_s *out, const point_s *points, const int16_t *digits, size_t n, int c,
                     int windows) {
  const int half = 1 << (c - 1);
  point_s *buckets = aligned_alloc(32, sizeof(point_s) * (size_t)half);
  int *filled = malloc(sizeof(int) * (size_t)half);
  if (buckets == NULL || filled == NULL) {
    free(buckets);
    free(filled);
    return 0;
  }
  decaf_255_point_t running, total;
  int set = 0;
  for (int w = windows - 1; w >= 0; w--) {
    if (set) double_times(out, c);
    memset(filled, 0, sizeof(int) * (size_t)half);
    const int16_t *row = digits + (size_t)w * n;
    for (size_t i = 0; i < n; i++) {
      const int d = row[i];
      if (d != 0) {
        const int k = (d < 0 ? -d : d) - 1;
        accumulate(&buckets[k], &filled[k], &points[i], d < 0);
      }
    }
    int running_set = 0, total_set = 0;
    for (int k = half - 1; k >= 0; k--) {
      if (filled[k]) accumulate(running, &running_set, &buckets[k], 0);
      if (running_set) accumulate(total, &total_set, running, 0);
    }
    if (total_set) accumulate(out, &set, total, 0);
  }
  if (!set) decaf_255_point_copy(out, decaf_255_point_identity);
  free(filled);
  free(buckets);
  return 1;
}

/*
 * Σ ±sᵢ·Pᵢ into `out` over n aligned points, n scalars (32 bytes little-endian, each < 2^253) and n
 * signs (term i negated iff negative[i] ≠ 0). 1 on success, 0 out of memory, -1 a scalar too long.
 */
static int msm(point_s *out, const point_s *points, const uint8_t *scalars,
               const uint8_t *negative, size_t n) {
  if (n == 0) {
    decaf_255_point_copy(out, decaf_255_point_identity);
    return 1;
  }
  for (size_t i = 0; i < n; i++)
    if (scalars[i * DECAF_255_SCALAR_BYTES + DECAF_255_SCALAR_BYTES - 1] >> 5) return -1;
  /* Choose the method and window by the cost model. */
  int straus_c = 1, pippenger_c = 1;
  for (int c = 2; c <= 6; c++)
    if (straus_cost(n, c) < straus_cost(n, straus_c)) straus_c = c;
  /* c ≤ 15 keeps every signed digit, |d| ≤ 2^(c-1), inside an int16_t. */
  for (int c = 2; c <= 15; c++)
    if (pippenger_cost(n, c) < pippenger_cost(n, pippenger_c)) pippenger_c = c;
  const int use_straus = straus_cost(n, straus_c) <= pippenger_cost(n, pippenger_c);
  const int c = use_straus ? straus_c : pippenger_c;
  const int windows = SCALAR_BITS / c + 1;
  int16_t *digits = malloc(sizeof(int16_t) * (size_t)windows * n);
  if (digits == NULL) return 0;
  for (size_t i = 0; i < n; i++)
    recode(scalars + i * DECAF_255_SCALAR_BYTES, negative[i], c, windows, digits + i, n);
  decaf_255_point_t result;
  const int done = use_straus ? straus(result, points, digits, n, c, windows)
                              : pippenger(result, points, digits, n, c, windows);
  free(digits);
  if (done) decaf_255_point_copy(out, result);
  return done;
}

#endif
