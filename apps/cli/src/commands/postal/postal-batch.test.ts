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

/** Spec §13.2.1: north papers carry the leader and the northern seat, south papers the leader. */
const styled = {
  ...manifest,
  contests: [
    { ...manifest.contests[0], id: 'leader' },
    {
      id: 'north-seat',
      title: 'Northern seat',
      minSelections: 1,
      maxSelections: 1,
      candidates: [
        { id: 'ria', name: 'Ria Shah' },
        { id: 'kim', name: 'Kim Lee' },
      ],
    },
  ],
  styles: {
    minCategorySize: 1,
    categories: [
      { id: 'north', name: 'North', contests: ['leader', 'north-seat'] },
      { id: 'south', name: 'South', contests: ['leader'] },
    ],
  },
} as unknown as typeof manifest;

test('with ballot styles, a batch names its style; a paper outside it is refused, its other contests stay 0', () => {
  const south = 'paper,choice\n1,leader=Alex Morgan\n2,leader=Sam Patel\n';
  const entries = { first: south, second: south };
  assert.deepEqual(keyedBatch(styled, entries, 'south').totals, {
    papers: 2,
    spoilt: 0,
    contests: [{ counts: [1, 1] }, { counts: [0, 0] }],
    style: 'south',
  });
  assert.equal(
    refusal(() => keyedBatch(styled, entries)),
    'postal/missing-style'
  );
  assert.equal(
    refusal(() => keyedBatch(styled, entries, 'west')),
    'postal/unknown-style'
  );
  assert.equal(
    refusal(() => keyedBatch(manifest, entries, 'south')),
    'postal/style-not-in-manifest'
  );
  const outside = 'paper,choice\n1,leader=Alex Morgan;north-seat=Ria Shah\n';
  assert.equal(
    refusal(() => keyedBatch(styled, { first: outside, second: outside }, 'south')),
    'postal/contest-not-in-style'
  );
  // The same paper in a north batch counts in both contests.
  assert.deepEqual(
    keyedBatch(styled, { first: outside, second: outside }, 'north').totals.contests,
    [{ counts: [1, 0] }, { counts: [1, 0] }]
  );
});

test('with weights, a batch names the weight on its slips (spec §13.2.1 step 6)', () => {
  const weighted = { ...styled, weights: { max: 50 } } as typeof manifest;
  const south = 'paper,choice\n1,leader=Alex Morgan\n';
  const entries = { first: south, second: south };
  assert.equal(keyedBatch(weighted, entries, 'south', 40).totals.weight, 40);
  assert.equal(
    refusal(() => keyedBatch(weighted, entries, 'south')),
    'postal/missing-weight'
  );
  assert.equal(
    refusal(() => keyedBatch(weighted, entries, 'south', 51)),
    'postal/bad-weight'
  );
  assert.equal(
    refusal(() => keyedBatch(styled, entries, 'south', 1)),
    'postal/weight-not-in-manifest'
  );
});
