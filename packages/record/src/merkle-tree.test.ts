import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bytesToHex, encodeU32 } from '@scrutineer/crypto';
import { EMPTY_TREE_ROOT, MerkleAccumulator, hashLeaf, merkleRoot } from './merkle-log.ts';
import { verifyInclusion } from './merkle-inclusion.ts';
import { verifyConsistency } from './merkle-consistency.ts';
import { MerkleTree } from './merkle-tree.ts';

const leavesOf = (count: number, salt = 0): Uint8Array[] =>
  Array.from({ length: count }, (_, i) => hashLeaf(encodeU32(i + salt)));

describe('MerkleTree', () => {
  it('answers MTH(D[start:end]) for every range of a 70-leaf tree', () => {
    const leaves = leavesOf(70);
    const tree = MerkleTree.fromLeafHashes(leaves);
    for (let start = 0; start < 70; start++) {
      for (let end = start + 1; end <= 70; end++) {
        assert.equal(
          bytesToHex(tree.subtreeHash(start, end)),
          bytesToHex(merkleRoot(leaves.slice(start, end))),
          `[${start}, ${end})`
        );
      }
    }
  });

  it('keeps every past root while it grows, and agrees with the accumulator', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 1000 }),
        (count, salt) => {
          const leaves = leavesOf(count, salt);
          const tree = new MerkleTree();
          const accumulator = new MerkleAccumulator();
          const rootsSoFar = [bytesToHex(EMPTY_TREE_ROOT)];
          for (const leaf of leaves) {
            tree.append(leaf);
            accumulator.append(leaf);
            rootsSoFar.push(bytesToHex(accumulator.root()));
            assert.equal(bytesToHex(tree.root()), rootsSoFar.at(-1));
          }
          assert.equal(tree.size, count);
          for (let size = 0; size <= count; size++) {
            assert.equal(bytesToHex(tree.root(size)), rootsSoFar[size], `root(${size})`);
          }
          const index = salt % count;
          assert.deepEqual(tree.leafHash(index), leaves[index]);
        }
      ),
      { numRuns: 30 }
    );
  });

  it('serves proofs that verify while leaves keep arriving', () => {
    const tree = new MerkleTree();
    const leaves = leavesOf(130, 7);
    let previousSize = 0;
    let previousRoot = tree.root();
    for (const leaf of leaves) {
      tree.append(leaf);
      const size = tree.size;
      const root = tree.root();
      const index = Math.floor(size * 0.618);
      assert.ok(
        verifyInclusion(tree.leafHash(index), index, size, tree.inclusionProof(index), root)
      );
      assert.ok(
        verifyConsistency(
          previousSize,
          size,
          previousRoot,
          root,
          tree.consistencyProof(previousSize)
        )
      );
      if (size % 3 === 0) [previousSize, previousRoot] = [size, root];
    }
  });

  it('hands out copies, so callers cannot corrupt the store', () => {
    const leaves = leavesOf(8);
    const tree = MerkleTree.fromLeafHashes(leaves);
    const root = bytesToHex(tree.root());
    tree.leafHash(3).fill(0);
    tree.subtreeHash(0, 4).fill(0);
    tree.root().fill(0);
    for (const hash of tree.inclusionProof(2)) hash.fill(0);
    (leaves[0] as Uint8Array).fill(0);
    assert.equal(bytesToHex(tree.root()), root);
  });

  it('refuses bad leaves and out-of-range queries', () => {
    const tree = MerkleTree.fromLeafHashes(leavesOf(5));
    assert.throws(() => tree.append(new Uint8Array(31)), /merkle\/wrong-length/);
    assert.throws(() => tree.leafHash(5), /merkle\/out-of-range/);
    assert.throws(() => tree.root(6), /merkle\/out-of-range/);
    assert.throws(() => tree.subtreeHash(2, 2), /merkle\/out-of-range/);
    assert.throws(() => tree.subtreeHash(0, 6), /merkle\/out-of-range/);
    assert.throws(() => tree.inclusionProof(5), /merkle\/out-of-range/);
    assert.throws(() => tree.consistencyProof(3, 6), /merkle\/out-of-range/);
    assert.deepEqual(new MerkleTree().root(), EMPTY_TREE_ROOT);
  });
});
