/**
 * @module Bounded discrete logarithm (spec §4.3): the last step of decrypting an exponential
 * ElGamal tally, finding m ∈ [0, bound] from M = m·G by baby-step giant-step. It runs in variable
 * time, which is fine: M and the totals it reveals are public.
 */
import type { Group, Point } from './group.ts';
import { bytesToHex } from './bytes.ts';

/** The largest bound accepted: 2^40 keeps the baby-step table at ≤ 2^20 entries (spec §4.3). */
export const MAX_DISCRETE_LOG_BOUND = 2n ** 40n;

/** The baby steps j·G ↦ j for j ∈ [0, n), and the giant step −n·G. */
interface BabyStepTable {
  readonly stepCount: number;
  readonly indexByPoint: ReadonlyMap<string, number>;
  readonly giantStep: Point;
}

/** Built lazily, once per group and step count, then reused by every later call. */
const tables = new WeakMap<Group, Map<number, BabyStepTable>>();

/** n = ⌈√(bound + 1)⌉: every m ≤ bound is i·n + j with 0 ≤ j < n and 0 ≤ i ≤ ⌊bound / n⌋ ≤ n. */
function stepCountFor(bound: bigint): number {
  const size = Number(bound) + 1;
  let n = Math.ceil(Math.sqrt(size));
  while (n * n < size) n++; // guard against floating-point rounding down
  return n;
}

function babyStepTable(group: Group, stepCount: number): BabyStepTable {
  let byCount = tables.get(group);
  if (!byCount) {
    byCount = new Map();
    tables.set(group, byCount);
  }
  const cached = byCount.get(stepCount);
  if (cached) return cached;
  const indexByPoint = new Map<string, number>();
  let point = group.identity;
  for (let j = 0; j < stepCount; j++) {
    indexByPoint.set(bytesToHex(group.encodePoint(point)), j);
    point = group.add(point, group.generator);
  }
  // After the loop, point = n·G.
  const table = { stepCount, indexByPoint, giantStep: group.negate(point) };
  byCount.set(stepCount, table);
  return table;
}

/**
 * Spec §4.3: the m ∈ [0, bound] with m·G = `point`, or null when there is none. The first call for
 * a bound builds a table of ⌈√(bound + 1)⌉ points (kept for reuse); each call then takes at most
 * ⌊m / n⌋ + 1 giant steps, so small totals return fast.
 * @throws RangeError when bound is negative or above {@link MAX_DISCRETE_LOG_BOUND}.
 */
export function discreteLogUnsafe(group: Group, point: Point, bound: bigint): bigint | null {
  if (bound < 0n || bound > MAX_DISCRETE_LOG_BOUND) {
    throw new RangeError(
      `dlog/bound-out-of-range: bound must be in [0, ${MAX_DISCRETE_LOG_BOUND}]`
    );
  }
  const { stepCount, indexByPoint, giantStep } = babyStepTable(group, stepCountFor(bound));
  const giantSteps = bound / BigInt(stepCount);
  let current = point;
  for (let i = 0n; i <= giantSteps; i++) {
    // current = M − i·n·G; a hit j means M = (i·n + j)·G.
    const j = indexByPoint.get(bytesToHex(group.encodePoint(current)));
    if (j !== undefined) {
      const m = i * BigInt(stepCount) + BigInt(j);
      // Every i·n + j searched is below n² + n ≪ ℓ, so m is the one candidate: none beyond the bound.
      return m <= bound ? m : null;
    }
    current = group.add(current, giantStep);
  }
  return null;
}
