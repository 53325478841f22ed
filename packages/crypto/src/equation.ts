/**
 * @module Verification equations (spec §5.6). Every proof check in Scrutineer is a set of
 * equations of the form Σ sᵢ·Pᵢ = O (the identity) over public points. A proof carries its
 * commitments, so a verifier can check one equation alone, or many at once with random weights:
 * Σⱼ wⱼ·(Σᵢ sⱼᵢ·Pⱼᵢ) = O is one multi-scalar multiplication, and a false equation survives only
 * with probability 1/ℓ per batch (spec §5.6 gives the argument).
 */
import type { Group, Point } from './group.ts';
import { modOrder, multiplyScalars, randomScalar } from './scalar.ts';

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

/**
 * Batch check (spec §5.6): weights each equation by a fresh random 128-bit-or-more scalar from the
 * CSPRNG and checks the combined equation with one multi-scalar multiplication. If it returns true,
 * all equations hold except with probability ≤ 1/ℓ; if false, at least one fails (find it with
 * {@link holdsUnsafe}).
 */
export function batchHoldsUnsafe(group: Group, equations: readonly Equation[]): boolean {
  const points: Point[] = [];
  const scalars: bigint[] = [];
  for (const equation of equations) {
    const weight = randomScalar();
    equation.points.forEach((p, i) => {
      points.push(p);
      scalars.push(multiplyScalars(weight, equation.scalars[i] as bigint));
    });
  }
  return group.isIdentity(group.multiScalarMultiplyUnsafe(points, scalars));
}
