import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bytesToHex, concatBytes, encodeU32, sha256 } from '@scrutineer/crypto';
import {
  EMPTY_TREE_ROOT,
  MerkleAccumulator,
  hashChildren,
  hashLeaf,
  hashesOfRanges,
  isPowerOfTwo,
  merkleRoot,
  splitPoint,
  subtreeHashesOf,
} from './merkle-log.ts';

/** RFC 9162 §2.1.1 read literally, recursion and all: the oracle for everything faster. */
function referenceRoot(leafHashes: readonly Uint8Array[]): Uint8Array {
  const n = leafHashes.length;
  if (n === 0) return sha256(new Uint8Array(0));
  if (n === 1) return leafHashes[0] as Uint8Array;
  let k = 1;
  while (k * 2 < n) k *= 2;
  return sha256(
    concatBytes(
      new Uint8Array([1]),
      referenceRoot(leafHashes.slice(0, k)),
      referenceRoot(leafHashes.slice(k))
    )
  );
}

function leavesOf(seed: number, count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) =>
    hashLeaf(concatBytes(encodeU32(seed >>> 0), encodeU32(i)))
  );
}

describe('Merkle hashes', () => {
  it('prefixes leaves with 0x00 and nodes with 0x01 (RFC 9162 §2.1.1)', () => {
    const data = new Uint8Array([7, 8, 9]);
    assert.deepEqual(hashLeaf(data), sha256(new Uint8Array([0, 7, 8, 9])));
    const [a, b] = leavesOf(1, 2) as [Uint8Array, Uint8Array];
    assert.deepEqual(hashChildren(a, b), sha256(concatBytes(new Uint8Array([1]), a, b)));
    assert.notDeepEqual(hashChildren(a, b), hashChildren(b, a));
    // A leaf whose bytes are two hashes does not collide with the node over them.
    assert.notDeepEqual(hashLeaf(concatBytes(a, b)), hashChildren(a, b));
  });

  it('splits at the largest power of two strictly below n', () => {
    assert.deepEqual(
      [2, 3, 4, 5, 8, 9, 1000, 1024, 1025].map(splitPoint),
      [1, 2, 2, 4, 4, 8, 512, 512, 1024]
    );
    assert.equal(splitPoint(2 ** 40 + 1), 2 ** 40);
    assert.deepEqual([0, 1, 2, 3, 4, 6, 2 ** 40, 2 ** 40 + 2, -4, 0.5].map(isPowerOfTwo), [
      false,
      true,
      true,
      false,
      true,
      false,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('merkleRoot and MerkleAccumulator', () => {
  it('give SHA-256("") for no leaves', () => {
    assert.equal(bytesToHex(merkleRoot([])), bytesToHex(EMPTY_TREE_ROOT));
    assert.equal(bytesToHex(new MerkleAccumulator().root()), bytesToHex(EMPTY_TREE_ROOT));
  });

  it('agree with the literal RFC recursion at every size up to 300', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const leaves = leavesOf(seed, 300);
        const accumulator = new MerkleAccumulator();
        for (let size = 0; size <= leaves.length; size++) {
          const want = bytesToHex(referenceRoot(leaves.slice(0, size)));
          assert.equal(bytesToHex(accumulator.root()), want, `accumulator at ${size}`);
          assert.equal(accumulator.size, size);
          assert.equal(
            bytesToHex(merkleRoot(leaves.slice(0, size))),
            want,
            `merkleRoot at ${size}`
          );
          if (size < leaves.length) accumulator.append(leaves[size] as Uint8Array);
        }
      }),
      { numRuns: 5 }
    );
  });

  it('changes its root when any one leaf changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), fc.nat(31), (size, at, byte) => {
        const leaves = leavesOf(3, size);
        const index = at % size;
        const changed = leaves.map((leaf) => leaf.slice());
        const target = changed[index] as Uint8Array;
        target[byte] = (target[byte] as number) ^ 1;
        assert.notEqual(bytesToHex(merkleRoot(changed)), bytesToHex(merkleRoot(leaves)));
      })
    );
  });

  it('is not changed by the caller reusing its buffers', () => {
    const accumulator = new MerkleAccumulator();
    const buffer = hashLeaf(new Uint8Array([1]));
    accumulator.append(buffer);
    const before = bytesToHex(accumulator.root());
    buffer.fill(0);
    accumulator.root().fill(0);
    assert.equal(bytesToHex(accumulator.root()), before);
  });

  it('refuses leaf hashes that are not 32 bytes', () => {
    const accumulator = new MerkleAccumulator();
    assert.throws(() => accumulator.append(new Uint8Array(31)), /merkle\/wrong-length/);
    assert.throws(() => merkleRoot([new Uint8Array(33)]), /merkle\/wrong-length/);
  });
});

describe('subtreeHashesOf', () => {
  it('gives MTH(D[start:end]) of any range and refuses empty or out-of-range ones', () => {
    const leaves = leavesOf(9, 20);
    const hashes = subtreeHashesOf(leaves);
    for (const [start, end] of [
      [0, 20],
      [3, 4],
      [5, 17],
      [16, 20],
    ] as const) {
      assert.deepEqual(hashes.subtreeHash(start, end), referenceRoot(leaves.slice(start, end)));
    }
    assert.throws(() => hashes.subtreeHash(4, 4), RangeError);
    assert.throws(() => hashes.subtreeHash(0, 21), RangeError);
    assert.throws(() => hashes.subtreeHash(-1, 3), RangeError);
  });
});

describe('hashesOfRanges', () => {
  it('looks up each range in order, the same from a leaf list or any SubtreeHashes', () => {
    const leaves = leavesOf(9, 20);
    const ranges = [
      { start: 16, end: 20 },
      { start: 0, end: 8 },
      { start: 8, end: 16 },
    ];
    const expected = ranges.map((r) => referenceRoot(leaves.slice(r.start, r.end)));
    assert.deepEqual(hashesOfRanges(leaves, ranges), expected);
    assert.deepEqual(hashesOfRanges(subtreeHashesOf(leaves), ranges), expected);
    assert.deepEqual(hashesOfRanges(leaves, []), []);
  });
});
