import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Group } from './group.ts';
import { nobleGroup } from './backends/noble.ts';
import { loadGroup } from './backends/load-group.ts';
import { MAX_DISCRETE_LOG_BOUND, discreteLogUnsafe } from './dlog.ts';
import { modOrder, randomScalar } from './scalar.ts';

const groups: readonly Group[] = [nobleGroup, await loadGroup('sodium')];
const TEN_MILLION = 10_000_000n;

const pointOf = (group: Group, m: bigint) => group.multiplyBase(modOrder(m));

for (const group of groups) {
  describe(`bounded discrete log (spec §4.3), ${group.backend} backend`, () => {
    test('finds 0, 1 and the bound itself; bound + 1 is not found', () => {
      for (const bound of [0n, 1n, 2n, 3n, 15n, 16n, 17n, 1000n, TEN_MILLION]) {
        assert.equal(discreteLogUnsafe(group, group.identity, bound), 0n, `0 for bound ${bound}`);
        if (bound >= 1n) assert.equal(discreteLogUnsafe(group, group.generator, bound), 1n);
        assert.equal(discreteLogUnsafe(group, pointOf(group, bound), bound), bound);
        assert.equal(
          discreteLogUnsafe(group, pointOf(group, bound + 1n), bound),
          null,
          `bound ${bound} + 1`
        );
      }
    });

    test('finds random values below a small bound', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 5000n }), (m) => {
          assert.equal(discreteLogUnsafe(group, pointOf(group, m), 5000n), m);
        }),
        { numRuns: group.backend === 'noble' ? 100 : 300 }
      );
    });

    test('finds random values below 10,000,000', () => {
      // Each search takes up to ⌈√(10⁷ + 1)⌉ = 3163 giant steps, so few runs.
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: TEN_MILLION }), (m) => {
          assert.equal(discreteLogUnsafe(group, pointOf(group, m), TEN_MILLION), m);
        }),
        { numRuns: group.backend === 'noble' ? 6 : 20 }
      );
    });

    test('values above the bound, negative values and unrelated points are not found', () => {
      const bound = 100_000n;
      for (const m of [bound + 1n, bound + 2n, 2n * bound, 10n * bound, -1n, -bound]) {
        assert.equal(discreteLogUnsafe(group, pointOf(group, m), bound), null, `m = ${m}`);
      }
      assert.equal(discreteLogUnsafe(group, group.multiplyBase(randomScalar()), bound), null);
    });

    test('refuses a negative bound or one above the maximum', () => {
      assert.throws(
        () => discreteLogUnsafe(group, group.identity, -1n),
        /dlog\/bound-out-of-range/
      );
      assert.throws(
        () => discreteLogUnsafe(group, group.identity, MAX_DISCRETE_LOG_BOUND + 1n),
        /dlog\/bound-out-of-range/
      );
    });

    test('m near 10,000,000, first and second call (timings in the diagnostics)', (t) => {
      const m = TEN_MILLION - 12_345n;
      const point = pointOf(group, m);
      // n = ⌈√(bound + 1)⌉ = 3179 differs from every other test's, so the first call builds a table.
      const bound = 10_100_000n;
      let start = performance.now();
      assert.equal(discreteLogUnsafe(group, point, bound), m);
      const first = performance.now() - start;
      start = performance.now();
      assert.equal(discreteLogUnsafe(group, point, bound), m);
      const second = performance.now() - start;
      start = performance.now();
      assert.equal(discreteLogUnsafe(group, pointOf(group, 160_000n), bound), 160_000n);
      const small = performance.now() - start;
      t.diagnostic(
        `${group.backend}: m = ${m}, bound ${bound}: first call (builds table) ${first.toFixed(0)} ms, ` +
          `second ${second.toFixed(0)} ms; m = 160000: ${small.toFixed(1)} ms`
      );
    });
  });
}
