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
