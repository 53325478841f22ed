import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testManifest } from '../../../test-fixtures/test-manifest.ts';
import {
  BatchEntryError,
  batchTotals,
  compareEntries,
  keyedBatch,
  parseKeyedEntries,
} from '@scrutineer/protocol';

const manifest = testManifest({
  electionId: 'postal-test',
  candidates: ['Alex Morgan', 'Sam Patel'],
});

const first = 'paper,choice\n1,Alex Morgan\n2,2\n3,spoilt\n4,Alex Morgan;Sam Patel\n';

/** The code of the BatchEntryError `run` throws. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof BatchEntryError, String(error));
    return error.code;
  }
  assert.fail('not refused');
}

test('agreeing entries give per-candidate totals; "spoilt" and an over-voted paper are spoilt', () => {
  const papers = parseKeyedEntries(first);
  assert.deepEqual(
    compareEntries(papers, parseKeyedEntries(first.replace('Alex Morgan\n', 'alex  morgan\n'))),
    []
  );
  assert.deepEqual(batchTotals(manifest, papers), {
    papers: 4,
    spoilt: 2,
    contests: [{ counts: [1, 1] }],
  });
});

test('a paper keyed differently, or missing, is flagged with both entries', () => {
  const second = parseKeyedEntries('paper,choice\n1,Sam Patel\n2,2\n3,spoilt\n');
  const mismatches = compareEntries(parseKeyedEntries(first), second);
  assert.deepEqual(
    mismatches.map((m) => [m.paper, m.first, m.second]),
    [
      [1, 'alex morgan', 'sam patel'],
      [4, 'alex morgan;sam patel', '(missing)'],
    ]
  );
});

test('a misspelt name is refused with its row, never counted as a spoilt paper', () => {
  const papers = parseKeyedEntries('paper,choice\n1,Alex Morgan\n2,Alex Morgen\n');
  assert.equal(
    refusal(() => batchTotals(manifest, papers)),
    'postal/unknown-candidate'
  );
  assert.throws(
    () => batchTotals(manifest, papers),
    /row 3 \(paper 2\): "alex morgen" is not on the ballot/
  );
  assert.equal(
    refusal(() => batchTotals(manifest, parseKeyedEntries('paper,choice\n1,\n'))),
    'postal/empty-choice'
  );
  assert.equal(
    refusal(() => batchTotals(manifest, parseKeyedEntries('paper,choice\n1,3\n'))),
    'postal/unknown-candidate'
  );
});

test('a paper counted twice is refused', () => {
  assert.equal(
    refusal(() => parseKeyedEntries('paper,choice\n1,Alex Morgan\n2,Sam Patel\n1,Sam Patel\n')),
    'postal/paper-counted-twice'
  );
});

test('an entry file that names packs, or lacks paper numbers, is refused', () => {
  assert.equal(
    refusal(() => parseKeyedEntries('pack_id,choice\nP1,1\n')),
    'postal/invalid-entry-file'
  );
  assert.equal(
    refusal(() => parseKeyedEntries('paper,choice\nABCDE-12345,1\n')),
    'postal/invalid-entry-file'
  );
});

test('keyedBatch checks both files: a misspelt name in the second entry is refused too', () => {
  const agreed = keyedBatch(manifest, { first, second: first });
  assert.deepEqual(agreed.mismatches, []);
  assert.deepEqual(agreed.totals, { papers: 4, spoilt: 2, contests: [{ counts: [1, 1] }] });
  assert.equal(
    refusal(() => keyedBatch(manifest, { first, second: first.replace('2,2', '2,Sam Patle') })),
    'postal/unknown-candidate'
  );
  assert.deepEqual(
    keyedBatch(manifest, { first, second: first.replace('2,2', '2,1') }).mismatches,
    [{ paper: 2, first: '2', second: '1' }]
  );
});
