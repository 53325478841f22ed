/**
 * @module Vector area `dlog` (spec §4.3): bounded discrete logarithms M = m·G for m in and just
 * outside [0, bound], with the expected answer (null: no m in [0, bound]).
 */
import assert from 'node:assert/strict';
import { type Group, discreteLogUnsafe, modOrder, nobleGroup } from '../../src/index.ts';
import type { SeededRandom } from '../../src/test-helpers/seeded-random.ts';
import {
  type SeededContent,
  type VectorArea,
  casesOf,
  pointHex,
  readPoint,
  seededArea,
} from './vector-file.ts';

const SEED = 'scrutineer/vectors/dlog/v1';

interface DlogCase {
  readonly bound: string;
  /** M = m·G (m taken mod ℓ), canonical hex. */
  readonly point: string;
  /** m as a decimal string, or null when no m ∈ [0, bound] has m·G = M. */
  readonly expected: string | null;
}

function makeDlogVectors(random: SeededRandom): SeededContent<DlogCase> {
  const group = nobleGroup;
  const dlogCase = (bound: bigint, m: bigint): DlogCase => ({
    bound: bound.toString(),
    point: pointHex(group, group.multiplyBase(modOrder(m))),
    expected: m >= 0n && m <= bound ? m.toString() : null,
  });
  const cases: DlogCase[] = [dlogCase(0n, 0n), dlogCase(0n, 1n)];
  for (const m of [0n, 1n, 2n, 999n, 1000n, 1001n, -1n, BigInt(random.integer(1000))])
    cases.push(dlogCase(1000n, m));
  const tenMillion = 10_000_000n;
  for (const m of [
    0n,
    1n,
    160_000n,
    tenMillion,
    tenMillion + 1n,
    BigInt(random.integer(10_000_000)),
  ]) {
    cases.push(dlogCase(tenMillion, m));
  }
  // An unrelated point: its discrete log is a random scalar, far above any bound.
  cases.push({
    bound: '1000',
    point: pointHex(group, group.multiplyBase(random.scalar())),
    expected: null,
  });
  return {
    description:
      'Spec §4.3: given M (canonical 32-byte hex) and bound (decimal), the unique m ∈ [0, bound] ' +
      'with m·G = M as a decimal string, or null when there is none.',
    cases,
  };
}

function checkDlogVectors(content: unknown, group: Group): void {
  for (const c of casesOf<DlogCase>(content)) {
    const point = readPoint(group, c.point);
    const found = discreteLogUnsafe(group, point, BigInt(c.bound));
    assert.equal(
      found === null ? null : found.toString(),
      c.expected,
      `bound ${c.bound}, M ${c.point}`
    );
    if (c.expected !== null)
      assert.equal(pointHex(group, group.multiplyBase(BigInt(c.expected))), c.point);
  }
}

export const dlogVectors: VectorArea = seededArea({
  file: 'dlog.json',
  seed: SEED,
  make: makeDlogVectors,
  check: checkDlogVectors,
});
