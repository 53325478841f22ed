/**
 * Postal papers of a ranked contest in a batch (spec §11.8, V10.7) and the count's input: the
 * online rankings, then the batches' rankings in log order, through the one conversion.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countRankingsOf } from './ranked-events.ts';
import { postalCountsLength, postalRankingsOf, postalRankingsProblem } from './postal-rankings.ts';

const contests = [
  { id: 'leader', candidates: ['a', 'b', 'c'], method: 'irv' },
  { id: 'motion', candidates: ['yes', 'no'] },
];
const batch = (leader: object, motion: object = { counts: [1, 1] }) =>
  ({ batch: 'b1', papers: 3, spoilt: 1, contests: [leader, motion] }) as Parameters<
    typeof postalRankingsProblem
  >[1];

test('V10.7: one ranking per valid paper, candidates 1 … n at most once, no counts; none for another contest', () => {
  assert.equal(postalCountsLength(contests[0] ?? { candidates: [] }), 0);
  assert.equal(postalCountsLength(contests[1] ?? { candidates: [] }), 2);
  assert.equal(
    postalRankingsProblem(contests, batch({ counts: [], rankings: [[2, 1], []] })),
    null
  );
  const problems = [
    batch({ counts: [], rankings: [[2, 4], []] }),
    batch({ counts: [], rankings: [[2, 2], []] }),
    batch({ counts: [], rankings: [[2]] }),
    batch({ counts: [] }),
    batch({ counts: [1, 1, 0], rankings: [[2], [1]] }),
    batch({ counts: [], rankings: [[2], [1]] }, { counts: [1, 1], rankings: [] }),
  ].map((b) => postalRankingsProblem(contests, b));
  assert.ok(
    problems.every((p) => p !== null),
    JSON.stringify(problems)
  );
  assert.match(problems[0] ?? '', /ranking 1: names no candidate 1 … 3/);
  assert.match(problems[1] ?? '', /names a candidate twice/);
});

test('the count reads the online rankings, then each batch’s in log order, all 0-based', () => {
  const batches = [
    { contests: [{ counts: [], rankings: [[2], []] }, { counts: [1, 0] }] },
    { contests: [{ counts: [], rankings: [[3, 1]] }, { counts: [0, 1] }] },
  ];
  const postal = postalRankingsOf(0, batches);
  assert.deepEqual(postal, [[2], [], [3, 1]]);
  assert.deepEqual(postalRankingsOf(1, batches), []);
  assert.deepEqual(countRankingsOf({ rankings: [[1, 3]] }, postal), [[0, 2], [1], [], [2, 0]]);
});
