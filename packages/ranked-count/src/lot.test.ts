import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { countSeed, lotOrder } from './lot.ts';

describe('the lot (spec §12.3)', () => {
  it('orders candidates by SHA-256(seed ‖ uint32-big-endian(c)), smallest first', () => {
    const seed = '01'.repeat(32);
    const key = (c: number) =>
      createHash('sha256')
        .update(Buffer.concat([Buffer.from(seed, 'hex'), Buffer.from([0, 0, 0, c])]))
        .digest('hex');
    const expected = [0, 1, 2, 3, 4, 5].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    assert.deepEqual(lotOrder(seed, 6), expected);
    assert.notDeepEqual(lotOrder('02'.repeat(32), 6), expected, 'another seed, another order');
  });

  it('derives the seed from the manifest hash, the close checkpoint root and the contest id', () => {
    const m = 'aa'.repeat(32);
    const r = 'bb'.repeat(32);
    const expected = createHash('sha256')
      .update(
        Buffer.concat([Buffer.from(m, 'hex'), Buffer.from(r, 'hex'), Buffer.from('leader', 'utf8')])
      )
      .digest('hex');
    assert.equal(countSeed(m, r, 'leader'), expected);
    assert.notEqual(countSeed(m, r, 'deputy'), expected);
  });
});
