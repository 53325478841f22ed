/**
 * @module What is particular to the native backend (spec §2.6, §5.6): its multi-scalar
 * multiplication switches from Straus to Pippenger's bucket method as the number of points grows,
 * so both paths and their digit recoding are checked against the plain sum of products on noble,
 * at sizes and scalars (short weights, carries through every window) the shared tests do not
 * reach. A prepared fixed base multiplies through libdecaf's comb table instead of the ladder, so
 * that path is checked against the ladder and noble, and the prepared point against the plain one
 * in every other operation. Skipped, with the reason, when the addon is not built.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bytesToHex } from '../bytes.ts';
import type { Group, Point } from '../group.ts';
import { GROUP_ORDER } from '../scalar.ts';
import { sha256, sha512 } from '../hash.ts';
import { sha256 as nobleSha256, sha512 as nobleSha512 } from '@noble/hashes/sha2.js';
import { nativeGroup, nativeSkipReason } from '../test-helpers/native-group.ts';
import { loadFastestGroup, loadGroup } from './load-group.ts';
import { nobleGroup } from './noble.ts';

const skip = nativeSkipReason ?? false;

/** `count` distinct points as encodings, derived from their index. */
function encodings(count: number, seed: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => {
    const bytes = new Uint8Array(64);
    new DataView(bytes.buffer).setUint32(0, i, true);
    bytes[63] = seed;
    return nobleGroup.encodePoint(nobleGroup.pointFromUniformBytes(bytes));
  });
}

/** Σ sᵢ·Pᵢ by the group's MSM, as hex. */
function msmHex(group: Group, points: readonly Uint8Array[], scalars: readonly bigint[]): string {
  const decoded: Point[] = points.map((bytes) => group.decodePoint(bytes));
  return bytesToHex(group.encodePoint(group.multiScalarMultiplyUnsafe(decoded, scalars)));
}

/** Σ sᵢ·Pᵢ one product at a time on noble, the reference. */
function naiveHex(points: readonly Uint8Array[], scalars: readonly bigint[]): string {
  const sum = points.reduce(
    (acc, bytes, i) =>
      nobleGroup.add(
        acc,
        nobleGroup.multiplyUnsafe(nobleGroup.decodePoint(bytes), scalars[i] as bigint)
      ),
    nobleGroup.identity
  );
  return bytesToHex(nobleGroup.encodePoint(sum));
}

/** Scalars that stress signed-digit recoding: all ones, ℓ − 1, top bits set, short weights. */
const scalarArbitrary = fc.oneof(
  fc.bigInt({ min: 0n, max: GROUP_ORDER - 1n }),
  fc.bigInt({ min: 1n, max: (1n << 128n) - 1n }),
  fc.constantFrom(GROUP_ORDER - 1n, (1n << 252n) - 1n, (1n << 252n) + 1n, 1n, 2n ** 128n)
);

describe('native backend', { skip }, () => {
  const group = nativeGroup as Group;

  it('is the native ristretto255 group and the fastest one loadable here', async () => {
    assert.equal(group.backend, 'native');
    assert.ok(Object.isFrozen(group));
    assert.equal((await loadGroup('native')).backend, 'native');
    assert.equal((await loadFastestGroup()).backend, 'native');
  });

  it('decodePoint keeps no alias of its input and encodePoint returns a fresh copy', () => {
    const bytes = group.encodePoint(group.multiplyBase(5n));
    const expected = bytesToHex(bytes);
    const point = group.decodePoint(bytes);
    bytes.fill(0);
    const encoding = group.encodePoint(point);
    assert.equal(bytesToHex(encoding), expected);
    encoding.fill(0);
    assert.equal(bytesToHex(group.encodePoint(point)), expected);
  });

  it('MSM equals the naive sum for 1 to 600 points (Straus and Pippenger windows)', () => {
    const points = encodings(600, 1);
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 3, 17, 64, 130, 257, 600),
        fc.array(scalarArbitrary, { minLength: 600, maxLength: 600 }),
        (count, scalars) => {
          const slice = points.slice(0, count);
          const taken = scalars.slice(0, count);
          assert.equal(msmHex(group, slice, taken), naiveHex(slice, taken), `n = ${count}`);
        }
      ),
      { numRuns: 12 }
    );
  });

  it('MSM of a few thousand terms with repeated points matches noble', () => {
    const pool = encodings(1500, 2);
    const points = [...pool, ...pool.slice(0, 700)];
    const scalars = points.map(
      (_, i) => (GROUP_ORDER - 1n - BigInt(i) * 0x9e3779b97f4a7c15n) >> BigInt(i % 130)
    );
    assert.equal(msmHex(group, points, scalars), msmHex(nobleGroup, points, scalars));
  });

  it('a prepared point multiplies like the plain one (0, 1, ℓ − 1, random) and like noble', () => {
    const hex = (point: Point): string => bytesToHex(group.encodePoint(point));
    // Seed 0 is left out: 64 zero bytes derive the identity, which decodePoint refuses.
    const seedArbitrary = fc.integer({ min: 1, max: 255 });
    fc.assert(
      fc.property(seedArbitrary, fc.array(scalarArbitrary, { maxLength: 6 }), (seed, random) => {
        const bytes = encodings(1, seed)[0] as Uint8Array;
        const plain = group.decodePoint(bytes);
        const prepared = group.prepareFixedBase(plain);
        const reference = nobleGroup.decodePoint(bytes);
        for (const k of [0n, 1n, 2n, GROUP_ORDER - 1n, ...random]) {
          const expected = bytesToHex(nobleGroup.encodePoint(nobleGroup.multiply(reference, k)));
          assert.equal(hex(group.multiply(plain, k)), expected, `plain · ${k}`);
          assert.equal(hex(group.multiply(prepared, k)), expected, `prepared · ${k}`);
          assert.equal(hex(group.multiplyUnsafe(prepared, k)), expected, `unsafe · ${k}`);
        }
        assert.ok(group.isIdentity(group.multiply(prepared, 0n)));
        assert.ok(group.equals(group.multiply(prepared, GROUP_ORDER - 1n), group.negate(plain)));
      }),
      { numRuns: 20 }
    );
  });

  it('a prepared point is the same point for every other operation', () => {
    const plain = group.multiplyBase(0x1234_5678_9abc_def0n);
    const prepared = group.prepareFixedBase(plain);
    assert.notEqual(prepared, plain); // the caller's point stays as it was
    assert.equal(group.prepareFixedBase(prepared), prepared); // no second table
    assert.equal(group.prepareFixedBase(group.generator), group.generator); // libdecaf has G's
    assert.equal(bytesToHex(group.encodePoint(prepared)), bytesToHex(group.encodePoint(plain)));
    assert.ok(group.equals(prepared, plain));
    assert.ok(!group.isIdentity(prepared));
    const other = group.multiplyBase(77n);
    assert.ok(group.equals(group.add(prepared, other), group.add(plain, other)));
    assert.ok(group.equals(group.subtract(other, prepared), group.subtract(other, plain)));
    assert.ok(group.equals(group.negate(prepared), group.negate(plain)));
    const scalars = [GROUP_ORDER - 5n, 3n, 1n << 200n];
    assert.ok(
      group.equals(
        group.multiScalarMultiplyUnsafe([prepared, other, plain], scalars),
        group.multiScalarMultiplyUnsafe([plain, other, plain], scalars)
      )
    );
    const identity = group.prepareFixedBase(group.identity);
    assert.ok(group.isIdentity(group.multiply(identity, GROUP_ORDER - 1n)));
    assert.throws(() => group.multiply(prepared, GROUP_ORDER), {
      code: 'group/scalar-out-of-range',
    });
  });

  it('its SHA-256 and SHA-512 (installed on load) equal noble on lengths 0 to 300', () => {
    assert.notEqual(sha256, nobleSha256); // the routed one-shot, not noble's own
    for (let length = 0; length <= 300; length += 7) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + length) & 0xff);
      assert.equal(bytesToHex(sha256(bytes)), bytesToHex(nobleSha256(bytes)), `${length}`);
      assert.equal(bytesToHex(sha512(bytes)), bytesToHex(nobleSha512(bytes)), `${length}`);
      // A view into a larger buffer hashes only its own bytes.
      const view = new Uint8Array(length + 10).subarray(5, 5 + length);
      view.set(bytes);
      assert.equal(bytesToHex(sha256(view)), bytesToHex(nobleSha256(bytes)));
    }
  });

  it('a point of another backend is refused as a bug', () => {
    assert.throws(() => group.add(nobleGroup.generator, group.generator), TypeError);
  });
});
