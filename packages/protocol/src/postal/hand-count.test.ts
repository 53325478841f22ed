import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Manifest } from '@scrutineer/record';
import { parseHandCount } from './hand-count.ts';

/** Only `contests[].candidates` is read. */
const manifest = {
  contests: [{ candidates: [{ id: 'kim' }, { id: 'pat' }] }, { candidates: [{ id: 'lee' }] }],
} as unknown as Manifest;

test('a hand count typed as the CLI takes it becomes the postal-audit-count body', () => {
  assert.deepEqual(
    parseHandCount(manifest, { batch: 'b-1', papers: ' 12 ', spoilt: '1', counts: '7,4/9' }),
    { batch: 'b-1', papers: 12, spoilt: 1, contests: [{ counts: [7, 4] }, { counts: [9] }] }
  );
});

test('a count that does not fit the manifest is refused, naming the field', () => {
  const base = { batch: 'b-1', papers: '12', spoilt: '0' };
  assert.throws(() => parseHandCount(manifest, { ...base, counts: '7,4' }), /--counts: 2 contests/);
  assert.throws(
    () => parseHandCount(manifest, { ...base, counts: '7/9' }),
    /contest 1 has 2 candidates, 1 counts/
  );
  assert.throws(
    () => parseHandCount(manifest, { ...base, papers: 'twelve', counts: '7,4/9' }),
    /--papers: a whole number/
  );
  assert.throws(() => parseHandCount(manifest, { ...base, counts: '7,-4/9' }), /--counts/);
});
