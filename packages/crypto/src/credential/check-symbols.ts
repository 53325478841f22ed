/**
 * @module Check symbols of the voting code (spec §6.3): a Reed–Solomon code over GF(32) with two
 * parity symbols. GF(32) = GF(2)[z]/(z⁵ + z² + 1); an element is a 5-bit integer whose bit i is
 * the coefficient of zⁱ, so a field element and a base32 symbol are the same thing. α = z (the
 * integer 2) generates the 31 non-zero elements.
 *
 * A word w₁ … wₙ (n ≤ 31, printed order) is the polynomial W(z) = Σ wᵢ·z^(n−i): the first symbol
 * has the highest degree and the last check symbol is the constant term. A codeword satisfies
 * W(α) = W(α²) = 0 (spec §6.3 eq. (6.1)). The code has minimum distance 3, so any change to one or
 * two symbols is detected and a change to exactly one symbol can be located and undone.
 */

/** z⁵ + z² + 1, the primitive polynomial of GF(32), as a bit mask. */
const FIELD_POLYNOMIAL = 0b100101;
/** The multiplicative group of GF(32) has 31 elements. */
const FIELD_ORDER = 31;
/** Longest word the code supports: one symbol per non-zero field element. */
export const MAX_WORD_SYMBOLS = FIELD_ORDER;
/** Parity symbols appended to the data. */
export const CHECK_SYMBOL_COUNT = 2;

// exponentTable[k] = αᵏ for k in 0…61 (doubled so a product needs no reduction mod 31);
// logarithmTable[a] = k with αᵏ = a for a ≠ 0.
const exponentTable: readonly number[] = (() => {
  const table: number[] = [];
  let element = 1;
  for (let k = 0; k < 2 * FIELD_ORDER; k++) {
    table.push(element);
    element <<= 1;
    if (element & 0b100000) element ^= FIELD_POLYNOMIAL;
  }
  return table;
})();
const logarithmTable: readonly number[] = (() => {
  const table = new Array<number>(32).fill(-1);
  for (let k = 0; k < FIELD_ORDER; k++) table[exponentTable[k] as number] = k;
  return table;
})();

function assertElement(a: number): void {
  if (!Number.isInteger(a) || a < 0 || a > 31) {
    throw new RangeError(`gf32/out-of-range: ${a} is not a GF(32) element`);
  }
}

/** a + b in GF(32) (also a − b: the field has characteristic 2). */
export function addGf32(a: number, b: number): number {
  assertElement(a);
  assertElement(b);
  return a ^ b;
}

/** a·b in GF(32). */
export function multiplyGf32(a: number, b: number): number {
  assertElement(a);
  assertElement(b);
  if (a === 0 || b === 0) return 0;
  return exponentTable[(logarithmTable[a] as number) + (logarithmTable[b] as number)] as number;
}

/** a / b in GF(32); throws RangeError for b = 0. */
export function divideGf32(a: number, b: number): number {
  assertElement(a);
  assertElement(b);
  if (b === 0) throw new RangeError('gf32/division-by-zero: 0 has no inverse');
  if (a === 0) return 0;
  const k = (logarithmTable[a] as number) - (logarithmTable[b] as number) + FIELD_ORDER;
  return exponentTable[k % FIELD_ORDER] as number;
}

/** αᵏ for any integer k ≥ 0. */
export function powerOfAlpha(k: number): number {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`gf32/bad-exponent: ${k}`);
  return exponentTable[k % FIELD_ORDER] as number;
}

/** W(β) by Horner's rule, symbols in printed order (highest degree first). */
function evaluate(word: readonly number[], point: number): number {
  let value = 0;
  for (const symbol of word) value = multiplyGf32(value, point) ^ symbol;
  return value;
}

function assertWord(word: readonly number[], maximum: number): void {
  if (word.length > maximum) {
    throw new RangeError(`gf32/word-too-long: ${word.length} symbols, at most ${maximum}`);
  }
  word.forEach(assertElement);
}

/**
 * Spec §6.3 eq. (6.2): the two check symbols (p₁, p₀) to append to `data` so that the whole word
 * is a codeword. With D(z) = Σ dᵢ·z^(k+2−i) (the data shifted up by two degrees),
 * p₁ = (D(α) + D(α²)) / (α + α²) and p₀ = D(α) + p₁·α.
 */
export function computeCheckSymbols(data: readonly number[]): readonly [number, number] {
  assertWord(data, MAX_WORD_SYMBOLS - CHECK_SYMBOL_COUNT);
  const shifted = [...data, 0, 0];
  const atAlpha = evaluate(shifted, powerOfAlpha(1));
  const atAlphaSquared = evaluate(shifted, powerOfAlpha(2));
  const p1 = divideGf32(atAlpha ^ atAlphaSquared, powerOfAlpha(1) ^ powerOfAlpha(2));
  const p0 = atAlpha ^ multiplyGf32(p1, powerOfAlpha(1));
  return [p1, p0];
}

/** Spec §6.3 eq. (6.3): the syndromes (S₁, S₂) = (W(α), W(α²)); both zero iff W is a codeword. */
export function computeSyndromes(word: readonly number[]): readonly [number, number] {
  assertWord(word, MAX_WORD_SYMBOLS);
  return [evaluate(word, powerOfAlpha(1)), evaluate(word, powerOfAlpha(2))];
}

/** What the check symbols say about a word (spec §6.3). */
export type CheckSymbolsDiagnosis =
  /** Both syndromes are zero. */
  | { readonly status: 'valid' }
  /**
   * The syndromes are those of exactly one wrong symbol: the one at `index` (0-based, printed
   * order), which `correctedValue` would replace. If two or more symbols are wrong this is a
   * guess that may point at the wrong symbol; the corrected word is a codeword either way.
   */
  | { readonly status: 'correctable'; readonly index: number; readonly correctedValue: number }
  /** At least two symbols are wrong. */
  | { readonly status: 'uncorrectable' };

/**
 * Spec §6.3 eq. (6.4): checks a word and, if it is not a codeword, locates the single wrong symbol
 * that explains the syndromes. One error e at degree j gives S₁ = e·αʲ and S₂ = e·α²ʲ, so
 * αʲ = S₂/S₁ and e = S₁²/S₂; the location is valid only if j < n.
 */
export function diagnoseCheckSymbols(word: readonly number[]): CheckSymbolsDiagnosis {
  const [s1, s2] = computeSyndromes(word);
  if (s1 === 0 && s2 === 0) return { status: 'valid' };
  // One error makes both syndromes non-zero; a zero one means two or more errors.
  if (s1 === 0 || s2 === 0) return { status: 'uncorrectable' };
  const degree = logarithmTable[divideGf32(s2, s1)] as number;
  if (degree >= word.length) return { status: 'uncorrectable' };
  const index = word.length - 1 - degree;
  const error = divideGf32(multiplyGf32(s1, s1), s2);
  return { status: 'correctable', index, correctedValue: (word[index] as number) ^ error };
}
