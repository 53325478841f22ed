/**
 * @module What is particular to the wasm backend (spec §2.9): points live in JavaScript, so they
 * must not alias the caller's buffers or linear memory; the multi-scalar multiplication takes both
 * of its methods (Straus, Pippenger's buckets) and a batch large enough to grow linear memory;
 * prepared fixed bases keep their meaning; its SHA-2 digests are noble's.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sha256 as nobleSha256, sha512 as nobleSha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '../bytes.ts';
import { sha256, sha512 } from '../hash.ts';
import type { Point } from '../group.ts';
import { GROUP_ORDER } from '../scalar.ts';
import { loadGroup, loadBrowserGroup } from './load-group.ts';
import { nobleGroup } from './noble.ts';
import { loadWasmGroup } from './wasm.ts';

const group = await loadWasmGroup();
const hex = (point: Point): string => bytesToHex(group.encodePoint(point));

/** Deterministic scalars spread over [0, ℓ) (public data: no randomness needed). */
const scalarAt = (i: number): bigint =>
  (BigInt(i + 1) * 0x9e3779b97f4a7c15f39cc0605cedc8341082276bf3a27251n) % GROUP_ORDER;

/** Σ sᵢ·Pᵢ on noble and on wasm for n distinct points, as encodings. */
function bothSums(n: number): [string, string] {
  const encodings = Array.from({ length: n }, (_, i) =>
    nobleGroup.encodePoint(nobleGroup.multiplyBase(scalarAt(i + 7_000)))
  );
  const scalars = encodings.map((_, i) => scalarAt(i));
  const noble = nobleGroup.multiScalarMultiplyUnsafe(
    encodings.map((bytes) => nobleGroup.decodePoint(bytes)),
    scalars
  );
  const wasm = group.multiScalarMultiplyUnsafe(
    encodings.map((bytes) => group.decodePoint(bytes)),
    scalars
  );
  return [bytesToHex(nobleGroup.encodePoint(noble)), hex(wasm)];
}

describe('wasm backend', () => {
  it('is the wasm ristretto255 group, loaded once by loadGroup', async () => {
    assert.equal(group.name, 'ristretto255');
    assert.equal(group.backend, 'wasm');
    assert.ok(Object.isFrozen(group));
    assert.equal(await loadGroup('wasm'), await loadGroup('wasm'));
    assert.equal((await loadBrowserGroup()).backend, 'wasm');
  });

  it('decodePoint copies its input and encodePoint returns a fresh copy', () => {
    const bytes = group.encodePoint(group.multiplyBase(5n));
    const expected = bytesToHex(bytes);
    const point = group.decodePoint(bytes);
    bytes.fill(0);
    assert.equal(hex(point), expected);
    group.encodePoint(point).fill(0);
    assert.equal(hex(point), expected);
    group.multiplyBase(9n); // reuses the scratch buffers the point came through
    assert.equal(hex(point), expected);
  });

  for (const n of [3, 64, 700, 3_000]) {
    it(`MSM of ${n} distinct points equals noble's`, () => {
      const [noble, wasm] = bothSums(n);
      assert.equal(wasm, noble);
    });
  }

  it('MSM of 20,000 points (linear memory grows) equals the sum of its parts', () => {
    const base = group.multiplyBase(3n);
    const points = Array.from({ length: 20_000 }, (_, i) =>
      i % 2 === 0 ? group.add(base, group.multiplyBase(BigInt(i))) : group.multiplyBase(BigInt(i))
    );
    const scalars = points.map((_, i) => scalarAt(i));
    // Σ sᵢ·Pᵢ where Pᵢ = i·G (+3·G for even i): the same as (Σ sᵢ·(i + 3·[i even]))·G.
    let total = 0n;
    scalars.forEach(
      (s, i) => (total = (total + s * BigInt(i + (i % 2 === 0 ? 3 : 0))) % GROUP_ORDER)
    );
    assert.equal(
      hex(group.multiScalarMultiplyUnsafe(points, scalars)),
      hex(group.multiplyBase(total))
    );
  });

  it('a prepared fixed base multiplies like the point and is equal to it', () => {
    const key = group.multiplyBase(0xabcdefn);
    const prepared = group.prepareFixedBase(key);
    assert.ok(group.equals(prepared, key));
    assert.equal(group.prepareFixedBase(prepared), prepared);
    for (const k of [0n, 1n, 2n, GROUP_ORDER - 1n, 0x1234567890n]) {
      assert.equal(hex(group.multiply(prepared, k)), hex(group.multiply(key, k)));
      assert.equal(hex(group.multiplyUnsafe(prepared, k)), hex(group.multiplyUnsafe(key, k)));
    }
  });

  it('refuses a point made by another backend as a bug (TypeError), not as bad input', () => {
    assert.throws(() => group.add(nobleGroup.generator, group.generator), TypeError);
  });

  it('its SHA-256 and SHA-512 (installed on load) equal noble on every length to 300, and long', () => {
    assert.notEqual(sha256, nobleSha256); // the routed one-shot, not noble's own
    // Every length crosses the padding's one-or-two-block edges (55/56, 111/112) and block ends;
    // 5,000 bytes exceed the module's message room, so that message gets its own buffer.
    for (const length of [...Array.from({ length: 301 }, (_, i) => i), 4_096, 4_097, 5_000]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + length) & 0xff);
      assert.equal(bytesToHex(sha256(bytes)), bytesToHex(nobleSha256(bytes)), `${length}`);
      assert.equal(bytesToHex(sha512(bytes)), bytesToHex(nobleSha512(bytes)), `${length}`);
      // A view into a larger buffer hashes only its own bytes.
      const view = new Uint8Array(length + 10).subarray(5, 5 + length);
      view.set(bytes);
      assert.equal(bytesToHex(sha256(view)), bytesToHex(nobleSha256(bytes)), `view ${length}`);
    }
  });
});
