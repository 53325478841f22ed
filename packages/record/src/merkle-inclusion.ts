/**
 * @module Merkle inclusion proofs (spec §10.2.3, RFC 9162 §2.1.3): that the leaf at `index` is in
 * the tree of `size` leaves with a given root. A voter's receipt (§10.4) is checked this way
 * against a signed checkpoint (§10.3) without downloading the board.
 */
import { equalBytes } from '@scrutineer/crypto';
import {
  type LeafRange,
  MERKLE_HASH_BYTES,
  type SubtreeHashes,
  assertSize,
  hashChildren,
  hashesOfRanges,
  splitPoint,
} from './merkle-log.ts';

/**
 * The subtrees whose hashes make up the inclusion proof of leaf `index` in the tree of `size`
 * leaves, in proof order (nearest the leaf first). RFC 9162 §2.1.3.1:
 * PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) if m < k, PATH(m − k, D[k:n]) : MTH(D[0:k]) if
 * m ≥ k, with k the largest power of two below n, and PATH(0, {d}) = {}.
 */
export function inclusionProofRanges(index: number, size: number): LeafRange[] {
  assertSize('size', size, 1, Number.MAX_SAFE_INTEGER);
  assertSize('index', index, 0, size - 1);
  const fromRoot: LeafRange[] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const split = start + splitPoint(end - start);
    if (index < split) {
      fromRoot.push({ start: split, end });
      end = split;
    } else {
      fromRoot.push({ start, end: split });
      start = split;
    }
  }
  // The recursion appends each sibling after the deeper path, so the proof runs leaf to root.
  return fromRoot.reverse();
}

/**
 * The inclusion proof of leaf `index` in the tree of the first `size` leaves. `source` is the
 * list of leaf hashes (at most n hashes per proof) or any {@link SubtreeHashes}, such as a
 * {@link MerkleTree} (O(log² n) per proof).
 */
export function inclusionProof(
  source: readonly Uint8Array[] | SubtreeHashes,
  index: number,
  size: number
): Uint8Array[] {
  return hashesOfRanges(source, inclusionProofRanges(index, size));
}

/**
 * RFC 9162 §2.1.3.2, the root an inclusion proof leads to, or undefined when the proof cannot be
 * followed (index out of range, wrong number of hashes, a hash of the wrong length).
 */
export function rootFromInclusionProof(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[]
): Uint8Array | undefined {
  // Step 1: the index must lie inside the tree.
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    return undefined;
  }
  if (leafHash.length !== MERKLE_HASH_BYTES) return undefined;
  // Step 2: fn is the leaf's index, sn the last index, both read at ever higher levels.
  let fn = index;
  let sn = size - 1;
  // Step 3.
  let r = leafHash;
  // Step 4.
  for (const p of proof) {
    if (p.length !== MERKLE_HASH_BYTES) return undefined;
    // 4a: more hashes than levels.
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      // 4b: p is a left sibling (or r is the right-edge node that has no sibling at this level).
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        // r was a right-edge node: skip the levels where it has no left sibling.
        while (fn % 2 === 0 && fn !== 0) {
          fn /= 2;
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    // 4c.
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // Step 5: every level consumed.
  return sn === 0 ? r : undefined;
}

/**
 * Spec §10.2.3 (RFC 9162 §2.1.3.2): whether `proof` shows the leaf with hash `leafHash` at
 * `index` in the tree of `size` leaves whose root is `root`. A bad proof is an answer (false).
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array
): boolean {
  const computed = rootFromInclusionProof(leafHash, index, size, proof);
  return computed !== undefined && root.length === MERKLE_HASH_BYTES && equalBytes(computed, root);
}
