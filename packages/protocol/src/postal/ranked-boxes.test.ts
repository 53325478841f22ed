/**
 * The numbered boxes of a ranked contest on a postal paper (spec §11.8 "Postal papers"): read up to
 * the first gap or repeated number, keyed twice and compared box by box, and posted as rankings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Manifest } from '@scrutineer/record';
import {
  BatchEntryError,
  type RankedBox,
  RankedBoxesError,
  keyedBatch,
  parseRankedBoxes,
  rankingFromBoxes,
} from '../index.ts';

/** Only `contests` is read by the batch's totals: an AV contest of three, a yes/no motion. */
const manifest = {
  contests: [
    {
      id: 'leader',
      title: 'Leader',
      minSelections: 0,
      maxSelections: 3,
      method: 'irv',
      candidates: [
        { id: 'c1', name: 'Ada Jones' },
        { id: 'c2', name: 'Ben Owen' },
        { id: 'c3', name: 'Cai Hughes' },
      ],
    },
    {
      id: 'motion',
      title: 'Motion',
      minSelections: 1,
      maxSelections: 1,
      candidates: [
        { id: 'yes', name: 'Yes' },
        { id: 'no', name: 'No' },
      ],
    },
  ],
} as unknown as Manifest;

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof BatchEntryError, String(error));
    return error.code;
  }
  assert.fail('not refused');
}

test('a ranking is read up to the first gap or repeated number; no single 1 gives an empty ranking', () => {
  assert.deepEqual(rankingFromBoxes([2, 1, 3]), [1, 0, 2]);
  assert.deepEqual(rankingFromBoxes([2, 1, null]), [1, 0]);
  assert.deepEqual(rankingFromBoxes([null, 1, 3]), [1], 'a gap at 2: only the first preference');
  assert.deepEqual(rankingFromBoxes([1, 2, 2]), [0], 'a repeated 2: only the first preference');
  assert.deepEqual(rankingFromBoxes([1, 1, 2]), [], 'two 1s: no first preference');
  assert.deepEqual(rankingFromBoxes([null, null, null]), []);
  assert.deepEqual(rankingFromBoxes([7, 1, 2]), [1, 2], 'a number beyond the break is ignored');
});

test('a lone cross (or tick) is a first preference for its candidate and no other; a cross beside any other mark is void', () => {
  assert.deepEqual(rankingFromBoxes([null, 'x', null]), [1], 'a lone cross: that candidate only');
  assert.deepEqual(rankingFromBoxes(['x']), [0]);
  assert.equal(rankingFromBoxes(['x', 1, null]), null, 'a cross and a 1: ambiguous');
  assert.equal(rankingFromBoxes([2, null, 'x']), null, 'a cross and any number: ambiguous');
  assert.equal(rankingFromBoxes(['x', null, 'x']), null, 'two crosses: ambiguous');
  assert.deepEqual(parseRankedBoxes('- X -', 3), [null, 'x', null], 'a cross is keyed x or X');
});

test('the keyed boxes: one per candidate, each a number, "x" or "-"', () => {
  assert.deepEqual(parseRankedBoxes(' 2 1  - ', 3), [2, 1, null]);
  assert.deepEqual(parseRankedBoxes('2 x -', 3), [2, 'x', null]);
  assert.throws(() => parseRankedBoxes('2 1', 3), RankedBoxesError);
  assert.throws(() => parseRankedBoxes('2 1 - -', 3), RankedBoxesError);
  assert.throws(() => parseRankedBoxes('2 ✓ -', 3), RankedBoxesError);
  assert.throws(() => parseRankedBoxes('2 xx -', 3), RankedBoxesError);
  assert.throws(() => parseRankedBoxes('2 0 -', 3), RankedBoxesError);
});

test('property: boxes numbered from any ranking read back to that ranking', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 20 }).chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.shuffledSubarray(
            Array.from({ length: n }, (_, j) => j),
            { minLength: 0, maxLength: n }
          )
        )
      ),
      ([n, ranking]) => {
        const boxes: RankedBox[] = Array.from({ length: n }, () => null);
        ranking.forEach((candidate, p) => (boxes[candidate] = p + 1));
        assert.deepEqual(rankingFromBoxes(boxes), ranking);
      }
    )
  );
});

const entries = [
  'paper,choice',
  '1,leader=2 1 -;motion=Yes',
  '2,leader=1 1 2;motion=No',
  '3,leader=- 1 3;motion=Yes',
  '4,leader=1 2 3;motion=Yes;motion=No',
  '5,spoilt',
  '6,leader=- - x;motion=No',
  '7,leader=x 1 -;motion=No',
  '8,leader=x - x;motion=Yes',
].join('\n');

test('a batch of a ranked contest carries each valid paper’s ranking (1-based) and no counts; a lone cross is a first preference, a cross beside another mark spoils the paper', () => {
  const { totals, mismatches } = keyedBatch(manifest, { first: entries, second: entries });
  assert.deepEqual(mismatches, []);
  assert.deepEqual(totals, {
    papers: 8,
    spoilt: 4,
    contests: [{ counts: [], rankings: [[2, 1], [], [2], [3]] }, { counts: [2, 2] }],
  });
});

test('two operators who key different numbers in a box disagree on that paper: nothing to post', () => {
  const second = entries.replace('1,leader=2 1 -', '1,leader=1 2 -');
  const { mismatches } = keyedBatch(manifest, { first: entries, second });
  assert.deepEqual(
    mismatches.map((m) => m.paper),
    [1]
  );
});

test('a row with the wrong number of boxes, a box that is no number, or a contest keyed twice is refused', () => {
  for (const bad of [
    '1,leader=2 1;motion=Yes',
    '1,leader=2 v -;motion=Yes',
    '1,leader=1 - -;leader=1 - -;motion=Yes',
  ])
    assert.equal(
      refusal(() =>
        keyedBatch(manifest, { first: `paper,choice\n${bad}\n`, second: `paper,choice\n${bad}\n` })
      ),
      'postal/invalid-boxes',
      bad
    );
  assert.equal(
    refusal(() =>
      keyedBatch(manifest, {
        first: 'paper,choice\n1,leader=1 - -;motion=Perhaps\n',
        second: 'paper,choice\n1,leader=1 - -;motion=Perhaps\n',
      })
    ),
    'postal/unknown-candidate'
  );
});
