import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testManifest } from '../../../test-fixtures/test-manifest.ts';
import { batchTotals, compareEntries, parseKeyedEntries } from './postal-batch.ts';

const manifest = testManifest({
  electionId: 'postal-test',
  candidates: ['Alex Morgan', 'Sam Patel'],
});

const first =
  'pack_id,choice\nP1,Alex Morgan\nP2,2\nP3,spoilt\nP4,Alex Morgan;Sam Patel\nP5,Nobody\n';

test('agreeing entries give per-candidate totals; spoilt, over-voted and unknown choices are spoilt', () => {
  const papers = parseKeyedEntries(first);
  assert.deepEqual(
    compareEntries(papers, parseKeyedEntries(first.replace('Alex Morgan\n', 'alex  morgan\n'))),
    []
  );
  assert.deepEqual(batchTotals(manifest, papers), {
    papers: 5,
    spoilt: 3,
    contests: [{ counts: [1, 1] }],
  });
});

test('a paper keyed differently, or missing, is flagged with both entries', () => {
  const second = parseKeyedEntries(
    'pack_id,choice\nP1,Sam Patel\nP2,2\nP3,spoilt\nP4,Alex Morgan;Sam Patel\n'
  );
  const mismatches = compareEntries(parseKeyedEntries(first), second);
  assert.deepEqual(
    mismatches.map((m) => [m.paper, m.first, m.second]),
    [
      [1, 'P1 alex morgan', 'P1 sam patel'],
      [5, 'P5 nobody', '(missing)'],
    ]
  );
});

test('an entry file without the pack_id,choice header is refused', () => {
  assert.throws(() => parseKeyedEntries('id,vote\nP1,1\n'), /pack_id,choice/);
});
