/** @module loadGroup: the backend choice at run time (spec §2.6). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytesToHex } from '../bytes.ts';
import { loadGroup, type Backend } from './load-group.ts';
import { nobleGroup } from './noble.ts';

describe('loadGroup', () => {
  it('defaults to sodium and loads it once', async () => {
    const first = await loadGroup();
    assert.equal(first.backend, 'sodium');
    assert.equal(await loadGroup('sodium'), first);
  });

  it('returns the noble group for noble', async () => {
    assert.equal(await loadGroup('noble'), nobleGroup);
  });

  it('both choices compute the same element', async () => {
    const [noble, sodium] = await Promise.all([loadGroup('noble'), loadGroup('sodium')]);
    const k = 0x0123456789abcdefn;
    assert.equal(
      bytesToHex(sodium.encodePoint(sodium.multiplyBase(k))),
      bytesToHex(noble.encodePoint(noble.multiplyBase(k)))
    );
  });

  it('rejects an unknown backend name from an untyped caller', async () => {
    await assert.rejects(loadGroup('openssl' as Backend), TypeError);
  });
});
