/**
 * @module What is particular to the sodium backend: points are encodings, so they must not alias
 * the caller's buffers, and the MSM merges repeated points (spec §2.6, §5.6).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytesToHex } from '../bytes.ts';
import type { Point } from '../group.ts';
import { GROUP_ORDER } from '../scalar.ts';
import { nobleGroup } from './noble.ts';
import { loadSodiumGroup } from './sodium.ts';

const group = await loadSodiumGroup();
const hex = (point: Point): string => bytesToHex(group.encodePoint(point));

describe('sodium backend', () => {
  it('is the sodium ristretto255 group', () => {
    assert.equal(group.name, 'ristretto255');
    assert.equal(group.backend, 'sodium');
    assert.ok(Object.isFrozen(group));
  });

  it('decodePoint copies its input and encodePoint returns a fresh copy', () => {
    const bytes = group.encodePoint(group.multiplyBase(5n));
    const expected = bytesToHex(bytes);
    const point = group.decodePoint(bytes);
    bytes.fill(0);
    assert.equal(hex(point), expected);
    const encoding = group.encodePoint(point);
    encoding.fill(0);
    assert.equal(hex(point), expected);
  });

  it('decodes from a view into a larger buffer (as decodeCiphertext does)', () => {
    const alpha = group.encodePoint(group.multiplyBase(3n));
    const beta = group.encodePoint(group.multiplyBase(4n));
    const buffer = new Uint8Array(64);
    buffer.set(alpha, 0);
    buffer.set(beta, 32);
    assert.equal(hex(group.decodePoint(buffer.subarray(32, 64))), bytesToHex(beta));
  });

  it('refuses a point made by another backend as a bug (TypeError), not as bad input', () => {
    assert.throws(() => group.encodePoint(nobleGroup.generator), TypeError);
    assert.throws(() => group.add(group.generator, nobleGroup.generator), TypeError);
  });

  it('refuses a non-Uint8Array encoding instead of reading a string as UTF-8', () => {
    const text = 'e2f2ae0a6abc4e71a884a961c500515f' as unknown as Uint8Array;
    assert.throws(() => group.decodePoint(text), TypeError);
  });

  it('MSM merges repeated points and matches the separate products', () => {
    const p = group.multiplyBase(11n);
    const q = group.multiplyBase(13n);
    const points = [p, group.generator, q, p, group.generator, p];
    const scalars = [2n, 3n, 5n, 7n, GROUP_ORDER - 3n, 1n];
    // 2·11 + 3 + 5·13 + 7·11 − 3 + 11 = 175
    assert.equal(
      hex(group.multiScalarMultiplyUnsafe(points, scalars)),
      hex(group.multiplyBase(175n))
    );
  });

  it('multiplyUnsafe by 1 is the point itself', () => {
    const p = group.multiplyBase(42n);
    assert.ok(group.equals(group.multiplyUnsafe(p, 1n), p));
  });
});
