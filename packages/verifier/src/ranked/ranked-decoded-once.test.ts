/**
 * The cascade's input is decoded once (spec §11.5): the ranked walk takes each counted ballot's
 * ranked entry as the ballot workers decoded it for V10.1, and decodes the entries' hex itself
 * only when some entry was not decoded there. Both ways give the same report on every ranked
 * fixture; and the walk really reads the workers' points, so a worker that handed over other
 * points would make mixer 1's input hash fail.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGroup, packPoints, packedPointCount, unpackPoints } from '@scrutineer/crypto';
import {
  type BallotRunnerFactory,
  type WireRankedEntries,
  inlineRunnerFactory,
} from '../ballot-runner.ts';
import { recordDirectory } from '../node/record-directory.ts';
import { verifyRecord } from '../verify-record.ts';

const group = await loadGroup('sodium');
const fixtures = [
  'valid-ranked',
  'valid-ranked-postal',
  'tampered-v10-1-ranking-proof',
  'tampered-v10-2-mix-duplicates',
  'tampered-v10-5-rankings',
];
const source = (name: string) =>
  recordDirectory(new URL(`../../fixtures/${name}/record/`, import.meta.url).pathname);

/** The inline runner with each batch's decoded ranked entries replaced by `alter`'s. */
function altered(alter: (entries: WireRankedEntries) => WireRankedEntries): BallotRunnerFactory {
  return async (context) => {
    const runner = await inlineRunnerFactory(group)(context);
    return {
      ...runner,
      run: async (items) => {
        const result = await runner.run(items);
        return { ...result, ranked: alter(result.ranked) };
      },
    };
  };
}

const none: WireRankedEntries = {
  positions: [],
  contests: [],
  widths: [],
  points: new Uint8Array(1),
};

for (const name of fixtures)
  test(`${name}: the same report whether the walk decodes the ranked entries or takes the ballot workers'`, async () => {
    const once = await verifyRecord(source(name), { group });
    const twice = await verifyRecord(source(name), { group, runners: altered(() => none) });
    assert.deepEqual(once, twice);
    assert.ok(once.checks.some((c) => c.id === 'V10.2' && c.status !== 'not-reached'));
  });

test('the walk reads the points the ballot workers decoded: swapped points fail mixer 1 at V10.2', async () => {
  const honest = await verifyRecord(source('valid-ranked'), { group });
  assert.equal(honest.checks.find((c) => c.id === 'V10.2')?.status, 'passed');
  // Each entry's first two ciphertexts exchanged: still valid points, no longer the record's.
  const swapped = altered((entries) => {
    const points = unpackPoints(group, entries.points);
    let at = 0;
    for (const width of entries.widths) {
      const [a, b, c, d] = points.slice(at, at + 4);
      points.splice(at, 4, c as never, d as never, a as never, b as never);
      at += 2 * width;
    }
    assert.equal(at, packedPointCount(entries.points));
    return { ...entries, points: packPoints(group, points) };
  });
  const report = await verifyRecord(source('valid-ranked'), { group, runners: swapped });
  const v102 = report.checks.find((c) => c.id === 'V10.2');
  assert.equal(v102?.status, 'failed');
  assert.match(JSON.stringify(v102), /mixer 1: inputHash is not that of its predecessor's output/);
});
