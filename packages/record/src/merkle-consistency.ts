/**
 * @module Merkle consistency proofs (spec §10.2.4, RFC 9162 §2.1.4): that the tree of `size2`
 * leaves extends the tree of `size1` leaves, i.e. the board only appended. Checkpoints (§10.3)
 * are chained this way: a board that rewrote or dropped an event could not prove consistency
 * with a checkpoint it signed before.
 */
import { equalBytes } from '@scrutineer/crypto';
import {
  EMPTY_TREE_ROOT,
  type LeafRange,
  MERKLE_HASH_BYTES,
  type SubtreeHashes,
  assertSize,
  hashChildren,
  hashesOfRanges,
  isPowerOfTwo,
  splitPoint,
} from './merkle-log.ts';

/**
 * The subtrees whose hashes make up the consistency proof from `size1` to `size2` leaves, in proof
 * order. RFC 9162 §2.1.4.1: PROOF(m, D[n]) = SUBPROOF(m, D[n], true), where SUBPROOF(m, D[m], true)
 * = {}, SUBPROOF(m, D[m], false) = {MTH(D[m])}, and for m < n with k the largest power of two below
 * n: SUBPROOF(m, D[0:k], b) : MTH(D[k:n]) if m ≤ k, SUBPROOF(m − k, D[k:n], false) : MTH(D[0:k])
 * if m > k. Spec §10.2.4: the proof is empty when size1 = size2 or size1 = 0.
 */
export function consistencyProofRanges(size1: number, size2: number): LeafRange[] {
  assertSize('size2', size2, 0, Number.MAX_SAFE_INTEGER);
  assertSize('size1', size1, 0, size2);
  if (size1 === 0 || size1 === size2) return [];
  const fromRoot: LeafRange[] = [];
  let start = 0;
  let end = size2;
  let known = size1; // m, counted from start
  let wholeTreeKnown = true; // b: whether D[start:end] is the old tree itself (its root is known)
  for (;;) {
    const n = end - start;
    if (known === n) {
      if (!wholeTreeKnown) fromRoot.push({ start, end });
      break;
    }
    const k = splitPoint(n);
    if (known <= k) {
      fromRoot.push({ start: start + k, end });
      end = start + k;
    } else {
      fromRoot.push({ start, end: start + k });
      start += k;
      known -= k;
      wholeTreeKnown = false;
    }
  }
  return fromRoot.reverse();
}

/**
 * The consistency proof between the trees of the first `size1` and `size2` leaves. `source` is
 * the list of leaf hashes (at most size2 hashes per proof) or any {@link SubtreeHashes}.
 */
export function consistencyProof(
  source: readonly Uint8Array[] | SubtreeHashes,
  size1: number,
  size2: number
): Uint8Array[] {
  return hashesOfRanges(source, consistencyProofRanges(size1, size2));
}

/**
 * Spec §10.2.4: whether `proof` shows that the tree of `size2` leaves with root `root2` extends
 * the tree of `size1` leaves with root `root1`. For 0 < size1 < size2 this is RFC 9162 §2.1.4.2
 * step by step; size1 = size2 needs an empty proof and equal roots; size1 = 0 needs an empty proof
 * and root1 = MTH({}) (every tree extends the empty one). A bad proof is an answer (false).
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  root1: Uint8Array,
  root2: Uint8Array,
  proof: readonly Uint8Array[]
): boolean {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2)) return false;
  if (size1 < 0 || size2 < size1) return false;
  if (root1.length !== MERKLE_HASH_BYTES || root2.length !== MERKLE_HASH_BYTES) return false;
  if (proof.some((hash) => hash.length !== MERKLE_HASH_BYTES)) return false;
  if (size1 === size2) return proof.length === 0 && equalBytes(root1, root2);
  if (size1 === 0) return proof.length === 0 && equalBytes(root1, EMPTY_TREE_ROOT);

  // Step 1.
  if (proof.length === 0) return false;
  // Step 2: when the old tree is a perfect subtree its root is the first node of the path, and
  // the proof leaves it out.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  // Step 3.
  let fn = size1 - 1;
  let sn = size2 - 1;
  // Step 4: climb to the old tree's largest perfect right-edge subtree.
  while (fn % 2 === 1) {
    fn = (fn - 1) / 2;
    sn = Math.floor(sn / 2);
  }
  // Step 5: fr rebuilds the old root, sr the new one.
  let fr = path[0] as Uint8Array;
  let sr = fr;
  // Step 6.
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // Step 7.
  return sn === 0 && equalBytes(fr, root1) && equalBytes(sr, root2);
}
