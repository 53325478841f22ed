/**
 * @module Lagrange coefficients at 0 over ℤ_ℓ (spec §8.3). For a set S of k distinct trustee
 * indices, λᵢ = Π_{j∈S, j≠i} j / (j − i), so that f(0) = Σ_{i∈S} λᵢ·f(i) for every polynomial f of
 * degree < k. Indices are public, so the arithmetic may take variable time.
 */
import { invertScalar, modOrder, multiplyScalars } from '../scalar.ts';
import { DecryptionError } from './decryption-error.ts';

function assertIndexSet(indices: readonly number[]): void {
  const seen = new Set<number>();
  for (const index of indices) {
    if (!Number.isInteger(index) || index < 1 || index > 0xffffffff) {
      throw new DecryptionError(
        'decryption/invalid-indices',
        `index ${index} is not a positive u32`
      );
    }
    if (seen.has(index))
      throw new DecryptionError('decryption/invalid-indices', `index ${index} repeated`);
    seen.add(index);
  }
}

/**
 * Spec §8.3 eq. (8.2): λᵢ for `index` ∈ `indices`.
 * @throws {@link DecryptionError} if the indices repeat, are not positive, or omit `index`.
 */
export function lagrangeCoefficientAtZero(index: number, indices: readonly number[]): bigint {
  assertIndexSet(indices);
  if (!indices.includes(index)) {
    throw new DecryptionError('decryption/invalid-indices', `index ${index} is not in the set`);
  }
  let numerator = 1n;
  let denominator = 1n;
  for (const other of indices) {
    if (other === index) continue;
    numerator = multiplyScalars(numerator, BigInt(other));
    denominator = multiplyScalars(denominator, modOrder(BigInt(other - index)));
  }
  // The indices are distinct and far below ℓ, so the denominator is never 0 mod ℓ.
  return multiplyScalars(numerator, invertScalar(denominator));
}

/** λᵢ for every i in `indices`, in the same order. */
export function lagrangeCoefficientsAtZero(indices: readonly number[]): bigint[] {
  return indices.map((index) => lagrangeCoefficientAtZero(index, indices));
}

/** Spec §8.3 eq. (8.5): the coefficients over S scaled by their common denominator. */
export interface ScaledLagrangeCoefficients {
  /**
   * d: the least positive integer with every d·λᵢ an integer, where λᵢ = Nᵢ / Dᵢ over the
   * integers (Nᵢ = Π j, Dᵢ = Π (j − i)): the lcm of the denominators of the λᵢ in lowest terms.
   */
  readonly denominator: bigint;
  /** cᵢ = Nᵢ·d / Dᵢ = d·λᵢ, an integer, reduced mod ℓ (so −10 is ℓ − 10), in `indices` order. */
  readonly coefficients: readonly bigint[];
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * Spec §8.3 eq. (8.5): d and d·λᵢ for every i in `indices`, as integers (exact arithmetic, then
 * mod ℓ). For S = {1, 3, 5}, λ = (15/8, −5/4, 3/8), so d = 8 and d·λ = (15, −10, 3): a combination
 * by these small multiples costs a few additions where λ itself is a full-size scalar.
 * @throws {@link DecryptionError} if the indices repeat or are not positive.
 */
export function scaledLagrangeCoefficientsAtZero(
  indices: readonly number[]
): ScaledLagrangeCoefficients {
  assertIndexSet(indices);
  const fractions = indices.map((index) => {
    let numerator = 1n;
    let denominator = 1n;
    for (const other of indices) {
      if (other === index) continue;
      numerator *= BigInt(other);
      denominator *= BigInt(other - index);
    }
    return { numerator, denominator };
  });
  const magnitude = (a: bigint): bigint => (a < 0n ? -a : a);
  const denominator = fractions.reduce((lcm, f) => {
    const lowest = magnitude(f.denominator) / gcd(magnitude(f.numerator), magnitude(f.denominator));
    return (lcm / gcd(lcm, lowest)) * lowest;
  }, 1n);
  return {
    denominator: modOrder(denominator),
    coefficients: fractions.map((f) => modOrder((f.numerator * denominator) / f.denominator)),
  };
}
