import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countRanked, readPrefixes } from './count.ts';
import type { CountInput, ResultSheet } from './types.ts';

function run(input: CountInput): ResultSheet {
  const r = countRanked(input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A contest: 2–7 candidates, up to 40 ballots, each a truncated ranking (possibly empty). */
const contest = fc.integer({ min: 2, max: 7 }).chain((candidates) =>
  fc.record({
    candidates: fc.constant(candidates),
    seats: fc.integer({ min: 1, max: candidates }),
    seed: fc
      .uint8Array({ minLength: 32, maxLength: 32 })
      .map((b) => Buffer.from(b).toString('hex')),
    rankings: fc.array(
      fc.shuffledSubarray(
        Array.from({ length: candidates }, (_, c) => c),
        { minLength: 0, maxLength: candidates }
      ),
      { maxLength: 40 }
    ),
  })
);

const RULES = [
  { method: 'stv', rules: 'ers97' },
  { method: 'stv', rules: 'meek' },
] as const;

describe('properties of every rule', () => {
  it('the count does not depend on the order of the ballots', () => {
    fc.assert(
      fc.property(contest, fc.integer(), (c, salt) => {
        const shuffled = [...c.rankings]
          .map((r, i) => ({ r, k: (i * 2_654_435_761 + salt) >>> 0 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.r);
        for (const rule of RULES) {
          assert.deepEqual(run({ ...c, ...rule }), run({ ...c, ...rule, rankings: shuffled }));
        }
        const irv = { ...c, method: 'irv', seats: 1 } as const;
        assert.deepEqual(run(irv), run({ ...irv, rankings: shuffled }));
      }),
      { numRuns: 150 }
    );
  });

  it('is deterministic given the seed, fills every place, and adds up', () => {
    fc.assert(
      fc.property(contest, (c) => {
        for (const rule of RULES) {
          const a = run({ ...c, ...rule });
          assert.equal(JSON.stringify(a), JSON.stringify(run({ ...c, ...rule })));
          assert.equal(a.elected.length, c.seats);
          assert.equal(new Set(a.elected).size, c.seats);
          if (rule.rules === 'ers97') {
            // Hundredths are never lost: candidates + non-transferable = the total valid vote.
            for (const s of a.stages) {
              const sum = [...s.votes, s.nonTransferable].reduce(
                (x, v) => x + BigInt(v.replace('.', '')),
                0n
              );
              assert.equal(sum, BigInt(a.ballots) * 100n);
            }
          }
        }
      }),
      { numRuns: 150 }
    );
  });
});

describe('publishing only what the count read (spec §12.9)', () => {
  it('counting the read prefixes gives the same sheet, for every rule', () => {
    fc.assert(
      fc.property(contest, (c) => {
        for (const rule of [...RULES, { method: 'irv' } as const]) {
          const input = { ...c, ...rule, ...(rule.method === 'irv' ? { seats: 1 } : {}) };
          const cut = readPrefixes(input);
          assert.ok(cut.ok);
          cut.value.prefixes.forEach((p, i) =>
            assert.deepEqual(p, c.rankings[i]?.slice(0, p.length))
          );
          assert.deepEqual(run({ ...input, rankings: cut.value.prefixes }), cut.value.sheet);
        }
      }),
      { numRuns: 200 }
    );
  });
});

describe('IRV and one-seat STV (spec §12.8)', () => {
  it('IRV is Meek with one seat: the same stages, the same votes, the same ties, the same winner', () => {
    fc.assert(
      fc.property(contest, (c) => {
        const irv = run({ ...c, method: 'irv', seats: 1 });
        const meek = run({ ...c, method: 'stv', rules: 'meek', seats: 1 });
        assert.deepEqual(meek.elected, irv.elected);
        assert.equal(meek.stages.length, irv.stages.length);
        meek.stages.forEach((s, i) => {
          const other = irv.stages[i];
          assert.deepEqual(
            s.votes.map((v) => v.replace(/\.0{9}$/, '')),
            other?.votes
          );
          assert.deepEqual(s.ties, other?.ties);
        });
      }),
      { numRuns: 300 }
    );
  });

  it('IRV and ERS97 with one seat elect the same candidate whenever neither count breaks a tie', () => {
    let compared = 0;
    fc.assert(
      fc.property(contest, (c) => {
        const irv = run({ ...c, method: 'irv', seats: 1 });
        const ers = run({ ...c, method: 'stv', rules: 'ers97', seats: 1 });
        const tied = (s: ResultSheet) => s.stages.some((x) => x.ties.length > 0);
        if (tied(irv) || tied(ers)) return;
        compared++;
        assert.deepEqual(ers.elected, irv.elected);
      }),
      { numRuns: 400 }
    );
    assert.ok(compared > 100, `only ${compared} untied contests`);
  });
});
