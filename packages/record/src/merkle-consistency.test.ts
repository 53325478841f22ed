import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bytesToHex, encodeU32 } from '@scrutineer/crypto';
import { EMPTY_TREE_ROOT, hashLeaf, merkleRoot } from './merkle-log.ts';
import { MerkleTree } from './merkle-tree.ts';
import {
  consistencyProof,
  consistencyProofRanges,
  verifyConsistency,
} from './merkle-consistency.ts';

const MAX_SIZE = 300;
const leaves = Array.from({ length: MAX_SIZE }, (_, i) => hashLeaf(encodeU32(i)));
const tree = MerkleTree.fromLeafHashes(leaves);
const roots = Array.from({ length: MAX_SIZE + 1 }, (_, size) => merkleRoot(leaves.slice(0, size)));
const rootOf = (size: number): Uint8Array => roots[size] as Uint8Array;

/** 0 ≤ size1 ≤ size2 ≤ 300. */
const sizes = fc
  .integer({ min: 0, max: MAX_SIZE })
  .chain((size2) =>
    fc.record({ size2: fc.constant(size2), size1: fc.integer({ min: 0, max: size2 }) })
  );
/** 0 < size1 < size2 ≤ 300: the proofs that are not empty. */
const properSizes = fc
  .integer({ min: 2, max: MAX_SIZE })
  .chain((size2) =>
    fc.record({ size2: fc.constant(size2), size1: fc.integer({ min: 1, max: size2 - 1 }) })
  );

describe('consistency proofs', () => {
  it('verify for every size1 ≤ size2 ≤ 300, from the list and the tree index', () => {
    fc.assert(
      fc.property(sizes, ({ size1, size2 }) => {
        const proof = consistencyProof(leaves, size1, size2);
        assert.deepEqual(
          proof.map(bytesToHex),
          tree.consistencyProof(size1, size2).map(bytesToHex)
        );
        assert.equal(proof.length, consistencyProofRanges(size1, size2).length);
        assert.equal(proof.length === 0, size1 === 0 || size1 === size2);
        assert.ok(verifyConsistency(size1, size2, rootOf(size1), rootOf(size2), proof));
      }),
      { numRuns: 300 }
    );
  });

  it('fail when any byte of the proof or either root is flipped', () => {
    fc.assert(
      fc.property(
        properSizes,
        fc.nat(),
        fc.nat(31),
        fc.integer({ min: 1, max: 255 }),
        (s, which, byte, mask) => {
          const { size1, size2 } = s;
          const proof = tree.consistencyProof(size1, size2);
          const flip = (hash: Uint8Array): Uint8Array => {
            const copy = hash.slice();
            copy[byte] = (copy[byte] as number) ^ mask;
            return copy;
          };
          const at = which % proof.length;
          const tampered = proof.map((hash, i) => (i === at ? flip(hash) : hash));
          const [root1, root2] = [rootOf(size1), rootOf(size2)];
          assert.equal(verifyConsistency(size1, size2, root1, root2, tampered), false);
          assert.equal(verifyConsistency(size1, size2, flip(root1), root2, proof), false);
          assert.equal(verifyConsistency(size1, size2, root1, flip(root2), proof), false);
        }
      ),
      { numRuns: 300 }
    );
  });

  it('fail for other sizes, swapped roots, and hashes added, removed or reordered', () => {
    fc.assert(
      fc.property(properSizes, fc.nat(), fc.nat(), (s, seed1, seed2) => {
        const { size1, size2 } = s;
        const proof = tree.consistencyProof(size1, size2);
        const [root1, root2] = [rootOf(size1), rootOf(size2)];
        const check = (a: number, b: number, p: Uint8Array[], r1 = rootOf(a), r2 = rootOf(b)) =>
          verifyConsistency(a, b, r1, r2, p);
        // Another old size (not 0, from which every tree is consistent with an empty proof).
        const other1 = 1 + (seed1 % size2);
        if (other1 !== size1) assert.equal(check(other1, size2, proof), false, `size1 ${other1}`);
        const other2 = size1 + (seed2 % (MAX_SIZE - size1 + 1));
        if (other2 !== size2) assert.equal(check(size1, other2, proof), false, `size2 ${other2}`);
        assert.equal(check(size1, size2, proof, root2, root1), false);
        assert.equal(check(size2, size1, proof, root2, root1), false);
        assert.equal(check(size1, size2, []), false);
        assert.equal(check(size1, size2, [...proof, root1]), false);
        assert.equal(check(size1, size2, [root1, ...proof]), false);
        assert.equal(check(size1, size2, [proof[0] as Uint8Array, ...proof]), false);
        assert.equal(check(size1, size2, proof.slice(0, -1)), false);
        assert.equal(check(size1, size2, proof.slice(1)), false);
        if (proof.length > 1) assert.equal(check(size1, size2, [...proof].reverse()), false);
        assert.ok(verifyConsistency(size1, size2, root1, root2, proof));
      }),
      { numRuns: 300 }
    );
  });

  it('treat equal sizes and the empty old tree as the spec says', () => {
    const root5 = rootOf(5);
    assert.ok(verifyConsistency(5, 5, root5, root5, []));
    assert.equal(verifyConsistency(5, 5, root5, rootOf(4), []), false);
    assert.equal(verifyConsistency(5, 5, root5, root5, [root5]), false);
    assert.ok(verifyConsistency(0, 0, EMPTY_TREE_ROOT, EMPTY_TREE_ROOT, []));
    assert.ok(verifyConsistency(0, 7, EMPTY_TREE_ROOT, rootOf(7), []));
    assert.equal(verifyConsistency(0, 7, root5, rootOf(7), []), false);
    assert.equal(verifyConsistency(0, 7, EMPTY_TREE_ROOT, rootOf(7), [root5]), false);
    assert.deepEqual(consistencyProof(leaves, 0, 7), []);
    assert.deepEqual(consistencyProof(leaves, 7, 7), []);
  });

  it('refuses sizes out of order or out of range', () => {
    assert.throws(() => consistencyProofRanges(5, 4), /merkle\/out-of-range/);
    assert.throws(() => consistencyProofRanges(-1, 4), /merkle\/out-of-range/);
    assert.throws(() => tree.consistencyProof(1, MAX_SIZE + 1), /merkle\/out-of-range/);
    const [root1, root2] = [rootOf(3), rootOf(6)];
    const proof = tree.consistencyProof(3, 6);
    for (const [a, b] of [
      [6, 3],
      [-1, 6],
      [3.5, 6],
      [3, Number.NaN],
    ]) {
      assert.equal(verifyConsistency(a as number, b as number, root1, root2, proof), false);
    }
    assert.equal(verifyConsistency(3, 6, root1.subarray(1), root2, proof), false);
  });
});
