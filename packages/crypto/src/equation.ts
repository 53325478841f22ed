/**
 * @module Verification equations (spec §5.6). Every proof check in Scrutineer is a set of
 * equations of the form Σ sᵢ·Pᵢ = O (the identity) over public points. A proof carries its
 * commitments, so a verifier can check one equation alone, or many at once with random weights:
 * Σⱼ wⱼ·(Σᵢ sⱼᵢ·Pⱼᵢ) = O is one multi-scalar multiplication, and a false equation survives only
 * with probability 2⁻¹²⁸ per batch (spec §5.6 gives the argument).
 */
import type { Group, Point } from './group.ts';
import { randomBytes } from './random.ts';
import { bytesToNumberLE, modOrder, multiplyScalars } from './scalar.ts';

/** Σ scalars[i]·points[i] must equal the identity. */
export interface Equation {
  readonly points: readonly Point[];
  readonly scalars: readonly bigint[];
}

/** The equation Σ s·P = O from its terms (s, P); scalars may be negative and are reduced mod ℓ. */
export function equationOf(terms: readonly (readonly [bigint, Point])[]): Equation {
  return { points: terms.map(([, p]) => p), scalars: terms.map(([s]) => modOrder(s)) };
}

/** Checks one equation exactly (variable time: the inputs are public). */
export function holdsUnsafe(group: Group, equation: Equation): boolean {
  return group.isIdentity(group.multiScalarMultiplyUnsafe(equation.points, equation.scalars));
}

/** Checks that every equation holds. */
export function allHoldUnsafe(group: Group, equations: readonly Equation[]): boolean {
  return equations.every((e) => holdsUnsafe(group, e));
}

/** Bytes of a batch weight: 128 bits (spec §5.6). */
const WEIGHT_BYTES = 16;

/**
 * Batch check (spec §5.6, (5.14)): weights each equation by a fresh uniform non-zero 128-bit
 * scalar from the CSPRNG, drawn after the equations are fixed, and checks the combined equation
 * with one multi-scalar multiplication. If it returns true, all equations hold except with
 * probability ≤ 1/(2¹²⁸ − 1); if false, at least one fails (find it with {@link holdsUnsafe}).
 * Weights of 128 bits rather than ~252 halve the work for the many terms whose scalar is ±1 (the
 * proofs' commitments), at a soundness still far beyond any attacker's reach.
 */
export function batchHoldsUnsafe(group: Group, equations: readonly Equation[]): boolean {
  const weights = batchWeights(equations.length);
  const points: Point[] = [];
  const scalars: bigint[] = [];
  equations.forEach((equation, k) => {
    const weight = weights[k] as bigint;
    equation.points.forEach((p, i) => {
      const scalar = equation.scalars[i] as bigint;
      points.push(p);
      scalars.push(scalar === 1n ? weight : multiplyScalars(weight, scalar));
    });
  });
  return group.isIdentity(group.multiScalarMultiplyUnsafe(points, scalars));
}

/**
 * The weights of a batch of `count` equations (spec §5.6): uniform non-zero 128-bit scalars, from
 * one CSPRNG call, drawn when called, so after the equations they weigh are fixed.
 */
export function batchWeights(count: number): bigint[] {
  const random = randomBytes(WEIGHT_BYTES * count);
  const view = new DataView(random.buffer, random.byteOffset, random.byteLength);
  return Array.from({ length: count }, (_, k) => {
    const offset = WEIGHT_BYTES * k;
    let weight = (view.getBigUint64(offset + 8, true) << 64n) | view.getBigUint64(offset, true);
    // Zero (probability 2⁻¹²⁸) would drop the equation; draw that one weight again.
    while (weight === 0n) weight = bytesToNumberLE(randomBytes(WEIGHT_BYTES));
    return weight;
  });
}
