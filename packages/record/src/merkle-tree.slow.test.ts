/**
 * The Merkle log at the size of a real election's board (spec §10.2): a little over 2^20 entries,
 * streamed through the accumulator as the verifier does and indexed as the server does.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, encodeU32 } from '@scrutineer/crypto';
import { MerkleAccumulator, hashLeaf } from './merkle-log.ts';
import { verifyInclusion } from './merkle-inclusion.ts';
import { verifyConsistency } from './merkle-consistency.ts';
import { MerkleTree } from './merkle-tree.ts';

const SIZE = 2 ** 20 + 3;

describe('a log of 2^20 + 3 entries', () => {
  it('gives the same roots streamed and indexed, and proofs that verify', () => {
    const accumulator = new MerkleAccumulator();
    const tree = new MerkleTree();
    const checkpoints = new Map<number, string>();
    for (let i = 0; i < SIZE; i++) {
      const leaf = hashLeaf(encodeU32(i));
      accumulator.append(leaf);
      tree.append(leaf);
      const size = i + 1;
      if (size % 99_991 === 0 || size === 2 ** 20 || size === SIZE) {
        checkpoints.set(size, bytesToHex(accumulator.root()));
      }
    }
    const sizes = [...checkpoints.keys()];
    for (const size of sizes)
      assert.equal(bytesToHex(tree.root(size)), checkpoints.get(size), `root(${size})`);

    for (let k = 0; k < 200; k++) {
      const size = sizes[k % sizes.length] as number;
      const index = (k * 1_000_003) % size;
      const root = tree.root(size);
      const proof = tree.inclusionProof(index, size);
      assert.ok(
        verifyInclusion(hashLeaf(encodeU32(index)), index, size, proof, root),
        `${index}/${size}`
      );
      assert.equal(
        verifyInclusion(hashLeaf(encodeU32(index + 1)), index, size, proof, root),
        false
      );
    }
    for (let k = 1; k < sizes.length; k++) {
      const [older, newer] = [sizes[k - 1] as number, sizes[k] as number];
      const proof = tree.consistencyProof(older, newer);
      assert.ok(verifyConsistency(older, newer, tree.root(older), tree.root(newer), proof));
      assert.equal(
        verifyConsistency(older, newer, tree.root(older - 1), tree.root(newer), proof),
        false
      );
    }
  });
});
