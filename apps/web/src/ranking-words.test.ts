import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankingOfVector } from './ranking-words.ts';

test('an opened ranked entry reads back as its ranking; a vector that is no permutation does not', () => {
  assert.deepEqual(rankingOfVector([3, 1, 0, 2, 4]), [2, 0]);
  assert.deepEqual(rankingOfVector([0, 1, 2]), []);
  assert.deepEqual(rankingOfVector([2, 1, 3, 0]), [1, 0, 2]);
  assert.equal(rankingOfVector([1, 1, 0]), null);
  assert.equal(rankingOfVector([1, 2, 3]), null);
});
