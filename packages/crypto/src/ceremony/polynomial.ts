/**
 * @module A dealer's secret polynomial and its Feldman commitments (spec §7.3):
 * fᵢ(x) = aᵢ₀ + aᵢ₁x + … + aᵢ,ₖ₋₁x^(k−1) over ℤ_ℓ, committed as Cᵢⱼ = aᵢⱼ·G. Anyone can evaluate
 * the commitments at x to get fᵢ(x)·G without learning fᵢ.
 */
import type { Group, Point } from '../group.ts';
import { addScalars, modOrder, multiplyScalars, randomScalar } from '../scalar.ts';

/** A source of uniformly random non-zero scalars: the CSPRNG, or a seeded one in tests and vectors. */
export type ScalarSource = () => bigint;

/** The dealer's secret: coefficients a₀…aₖ₋₁ (a₀ is its contribution to the election secret). */
export interface Polynomial {
  readonly coefficients: readonly bigint[];
}

/**
 * Draws a polynomial of degree k−1 with k non-zero coefficients. Non-zero keeps every commitment
 * off the identity, which the decoders refuse (spec §7.7); it costs nothing in entropy that matters.
 */
export function randomPolynomial(
  threshold: number,
  source: ScalarSource = randomScalar
): Polynomial {
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError('polynomial/invalid-degree');
  const coefficients: bigint[] = [];
  for (let j = 0; j < threshold; j++) {
    const coefficient = source();
    if (coefficient <= 0n || modOrder(coefficient) !== coefficient) {
      throw new RangeError('polynomial/bad-scalar-source: scalars must be in [1, ℓ)');
    }
    coefficients.push(coefficient);
  }
  return { coefficients };
}

/** f(x) mod ℓ by Horner's rule (spec §7.3 eq. (7.2)); the share sᵢₗ = fᵢ(l) is eq. (7.5). */
export function evaluatePolynomial(polynomial: Polynomial, x: number | bigint): bigint {
  const point = modOrder(BigInt(x));
  let value = 0n;
  for (let j = polynomial.coefficients.length - 1; j >= 0; j--) {
    value = addScalars(multiplyScalars(value, point), polynomial.coefficients[j] as bigint);
  }
  return value;
}

/** Spec §7.3 eq. (7.3): Cⱼ = aⱼ·G for every coefficient (constant-time: the aⱼ are secret). */
export function commitPolynomial(group: Group, polynomial: Polynomial): Point[] {
  return polynomial.coefficients.map((a) => group.multiplyBase(a));
}

/**
 * Spec §7.4 eq. (7.9): Σⱼ x^j·Cⱼ = f(x)·G, from public commitments only (variable time). With the
 * commitments summed over the qualified dealers it gives a trustee's verification key (§7.6 eq. (7.13)).
 */
export function evaluateCommitmentsUnsafe(
  group: Group,
  commitments: readonly Point[],
  x: number
): Point {
  const powers: bigint[] = [];
  let power = 1n;
  for (let j = 0; j < commitments.length; j++) {
    powers.push(power);
    power = multiplyScalars(power, BigInt(x));
  }
  return group.multiScalarMultiplyUnsafe(commitments, powers);
}
