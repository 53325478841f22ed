import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bytesToHex, concatBytes, encodeU32 } from '@scrutineer/crypto';
import { hashLeaf, merkleRoot } from './merkle-log.ts';
import { MerkleTree } from './merkle-tree.ts';
import {
  inclusionProof,
  inclusionProofRanges,
  rootFromInclusionProof,
  verifyInclusion,
} from './merkle-inclusion.ts';

const MAX_SIZE = 300;
const leaves = Array.from({ length: MAX_SIZE }, (_, i) => hashLeaf(encodeU32(i)));
const tree = MerkleTree.fromLeafHashes(leaves);
const roots = Array.from({ length: MAX_SIZE + 1 }, (_, size) => merkleRoot(leaves.slice(0, size)));
const rootOf = (size: number): Uint8Array => roots[size] as Uint8Array;
const leafAt = (index: number): Uint8Array => leaves[index] as Uint8Array;

/** A tree size in [1, 300] and a leaf index inside it. */
const leafInTree = fc
  .integer({ min: 1, max: MAX_SIZE })
  .chain((size) =>
    fc.record({ size: fc.constant(size), index: fc.integer({ min: 0, max: size - 1 }) })
  );

describe('inclusion proofs', () => {
  it('verify for every leaf of every tree up to 300 leaves, from the list and the tree index', () => {
    fc.assert(
      fc.property(leafInTree, ({ size, index }) => {
        const proof = inclusionProof(leaves, index, size);
        assert.deepEqual(proof.map(bytesToHex), tree.inclusionProof(index, size).map(bytesToHex));
        assert.equal(proof.length, inclusionProofRanges(index, size).length);
        assert.ok(verifyInclusion(leafAt(index), index, size, proof, rootOf(size)));
        assert.deepEqual(rootFromInclusionProof(leafAt(index), index, size, proof), rootOf(size));
      }),
      { numRuns: 300 }
    );
  });

  it('fail for a wrong index, a wrong leaf, or the root of another size', () => {
    fc.assert(
      fc.property(leafInTree, fc.nat(), fc.nat(), (target, otherIndexSeed, otherSizeSeed) => {
        const { size, index } = target;
        const proof = tree.inclusionProof(index, size);
        const root = rootOf(size);
        const otherIndex = (index + 1 + (otherIndexSeed % size)) % size;
        if (otherIndex !== index) {
          assert.equal(verifyInclusion(leafAt(index), otherIndex, size, proof, root), false);
          assert.equal(verifyInclusion(leafAt(otherIndex), index, size, proof, root), false);
        }
        // Any other size that still holds the leaf, checked against that size's root.
        const otherSize = index + 1 + (otherSizeSeed % (MAX_SIZE - index));
        if (otherSize !== size) {
          assert.equal(
            verifyInclusion(leafAt(index), index, otherSize, proof, rootOf(otherSize)),
            false
          );
        }
        assert.equal(verifyInclusion(leafAt(index), index, size * 2, proof, root), false);
        if (size > 1 && Math.floor(size / 2) !== size) {
          assert.equal(
            verifyInclusion(leafAt(index), index, Math.floor(size / 2), proof, root),
            false
          );
        }
        assert.equal(verifyInclusion(leafAt(index), size, size, proof, root), false);
        assert.equal(verifyInclusion(leafAt(index), -1, size, proof, root), false);
      }),
      { numRuns: 300 }
    );
  });

  it('fail when any byte of the proof, the leaf or the root is flipped', () => {
    fc.assert(
      fc.property(
        leafInTree,
        fc.nat(),
        fc.nat(31),
        fc.integer({ min: 1, max: 255 }),
        (target, which, byte, mask) => {
          const { size, index } = target;
          const proof = tree.inclusionProof(index, size);
          const root = rootOf(size);
          const leaf = leafAt(index);
          const flip = (hash: Uint8Array): Uint8Array => {
            const copy = hash.slice();
            copy[byte] = (copy[byte] as number) ^ mask;
            return copy;
          };
          if (proof.length > 0) {
            const at = which % proof.length;
            const tampered = proof.map((hash, i) => (i === at ? flip(hash) : hash));
            assert.equal(verifyInclusion(leaf, index, size, tampered, root), false);
          }
          assert.equal(verifyInclusion(flip(leaf), index, size, proof, root), false);
          assert.equal(verifyInclusion(leaf, index, size, proof, flip(root)), false);
        }
      ),
      { numRuns: 300 }
    );
  });

  it('fail with a hash added, removed, or cut short', () => {
    fc.assert(
      fc.property(leafInTree, ({ size, index }) => {
        const proof = tree.inclusionProof(index, size);
        const root = rootOf(size);
        const leaf = leafAt(index);
        assert.equal(verifyInclusion(leaf, index, size, [...proof, root], root), false);
        assert.equal(verifyInclusion(leaf, index, size, [root, ...proof], root), false);
        if (proof.length > 0) {
          assert.equal(verifyInclusion(leaf, index, size, proof.slice(1), root), false);
          assert.equal(verifyInclusion(leaf, index, size, proof.slice(0, -1), root), false);
          const short = proof.map((hash, i) => (i === 0 ? hash.subarray(0, 31) : hash));
          assert.equal(verifyInclusion(leaf, index, size, short, root), false);
        }
      }),
      { numRuns: 200 }
    );
  });

  it('is trivial for a one-leaf tree: the root is the leaf hash', () => {
    const leaf = hashLeaf(concatBytes(new Uint8Array([1, 2, 3])));
    assert.deepEqual(inclusionProof([leaf], 0, 1), []);
    assert.ok(verifyInclusion(leaf, 0, 1, [], leaf));
    assert.equal(verifyInclusion(leaf, 0, 1, [], new Uint8Array(32)), false);
    assert.equal(verifyInclusion(new Uint8Array(0), 0, 1, [], new Uint8Array(0)), false);
  });

  it('refuses (and never verifies) indices outside the tree and non-integer sizes', () => {
    assert.throws(() => inclusionProofRanges(0, 0), /merkle\/out-of-range/);
    assert.throws(() => inclusionProofRanges(5, 5), /merkle\/out-of-range/);
    assert.throws(() => inclusionProofRanges(1.5, 5), /merkle\/out-of-range/);
    assert.throws(() => tree.inclusionProof(0, MAX_SIZE + 1), /merkle\/out-of-range/);
    const root = rootOf(1);
    for (const [index, size] of [
      [0, 0],
      [1, 0],
      [2, 1],
      [0.5, 2],
      [0, Number.NaN],
      [0, 2 ** 60],
    ]) {
      assert.equal(verifyInclusion(leafAt(0), index as number, size as number, [], root), false);
    }
  });

  it('handles sizes above 2^32 with arithmetic, not 32-bit bit operations', () => {
    const size = 2 ** 33 + 5;
    const ranges = inclusionProofRanges(2 ** 32 + 3, size);
    // 33 levels inside the perfect left subtree of 2^33 leaves, then its right sibling.
    assert.equal(ranges.length, 34);
    assert.deepEqual(ranges.at(-1), { start: 2 ** 33, end: size });
    assert.deepEqual(ranges.at(-2), { start: 0, end: 2 ** 32 });
    assert.deepEqual(ranges[0], { start: 2 ** 32 + 2, end: 2 ** 32 + 3 });
  });
});
