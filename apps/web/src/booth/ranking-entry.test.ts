import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankingEntries, readRanking } from './ranking-entry.ts';

test('numbers in boxes become a ranking, first preference first; empty boxes are unranked', () => {
  assert.deepEqual(readRanking(['2', '', '1', ' 3 ']), { ok: true, ranking: [2, 0, 3] });
  assert.deepEqual(readRanking(['', '1', '', '']), { ok: true, ranking: [1] });
  assert.deepEqual(readRanking(['03', '1', '2']), { ok: true, ranking: [1, 2, 0] });
});

test('no number at all is a blank vote for the contest, not an error', () => {
  assert.deepEqual(readRanking(['', ' ', '']), { ok: true, ranking: [] });
});

test('a box that is not a whole number, and one out of range, are each named', () => {
  assert.deepEqual(readRanking(['1st', '2', '0', '4', '1.5']), {
    ok: false,
    faults: [
      { kind: 'not-a-number', candidate: 0 },
      { kind: 'out-of-range', candidate: 2 },
      { kind: 'not-a-number', candidate: 4 },
    ],
  });
  assert.deepEqual(readRanking(['1', '4', '2']), {
    ok: false,
    faults: [{ kind: 'out-of-range', candidate: 1 }],
  });
  assert.deepEqual(readRanking(['-1', '1']), {
    ok: false,
    faults: [{ kind: 'not-a-number', candidate: 0 }],
  });
});

test('a number used twice names every candidate that has it', () => {
  assert.deepEqual(readRanking(['1', '2', '1', '2', '1']), {
    ok: false,
    faults: [
      { kind: 'repeated', number: 1, candidates: [0, 2, 4] },
      { kind: 'repeated', number: 2, candidates: [1, 3] },
    ],
  });
});

test('a gap names the first missing number, and is left unsaid while a number is repeated', () => {
  assert.deepEqual(readRanking(['1', '', '4', '2']), {
    ok: false,
    faults: [{ kind: 'gap', missing: 3 }],
  });
  assert.deepEqual(readRanking(['2', '3', '']), {
    ok: false,
    faults: [{ kind: 'gap', missing: 1 }],
  });
  assert.deepEqual(readRanking(['1', '1', '3']), {
    ok: false,
    faults: [{ kind: 'repeated', number: 1, candidates: [0, 1] }],
  });
});

test('a ranking shown back in boxes reads as the same ranking', () => {
  const entries = rankingEntries(5, [3, 0, 4]);
  assert.deepEqual(entries, ['2', '', '', '1', '3']);
  assert.deepEqual(readRanking(entries), { ok: true, ranking: [3, 0, 4] });
});
