/**
 * Times the count at party scale (docs/benchmarks.md): 160,000 rankings of 5 and of 20
 * candidates, drawn from a fixed-seed generator (the same rankings every run), each rule counted
 * with readPrefixes (the count plus the prefix bookkeeping the verifier also does).
 * Run: `npx tsx packages/ranked-count/scripts/count-bench.ts [ballots]`.
 */
import { readPrefixes } from '../src/index.ts';
import type { CountInput } from '../src/types.ts';

const ballots = Number(process.argv[2] ?? 160_000);

/** A small linear congruential generator: reproducible rankings, not randomness. */
function rankings(n: number, candidates: number): number[][] {
  let x = 20_261_205;
  const next = () => {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    return x / 2 ** 32;
  };
  // Candidate c is liked in proportion to 1/(c + 1), so the field has leaders and a tail.
  return Array.from({ length: n }, () => {
    const keys = Array.from({ length: candidates }, (_, c) => ({ c, k: next() ** (c + 1) }));
    keys.sort((a, b) => b.k - a.k);
    return keys.slice(0, 1 + Math.floor(next() * candidates)).map((e) => e.c);
  });
}

for (const candidates of [5, 20]) {
  const r = rankings(ballots, candidates);
  const rules: [string, Omit<CountInput, 'rankings' | 'seed' | 'candidates'>][] = [
    ['IRV', { method: 'irv', seats: 1 }],
    ['ERS97, 3 seats', { method: 'stv', rules: 'ers97', seats: 3 }],
    ['Meek, 3 seats', { method: 'stv', rules: 'meek', seats: 3 }],
  ];
  for (const [name, rule] of rules) {
    const started = performance.now();
    const result = readPrefixes({ ...rule, candidates, rankings: r, seed: '00'.repeat(32) });
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(result.error.message);
    const published = result.value.prefixes.reduce((a, p) => a + p.length, 0);
    const total = r.reduce((a, p) => a + p.length, 0);
    console.log(
      `${ballots} ballots, ${candidates} candidates, ${name}: ${Math.round(ms)} ms, ` +
        `${result.value.sheet.stages.length} stages, preferences published ${published}/${total}`
    );
  }
}
