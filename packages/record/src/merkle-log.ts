/**
 * @module The board's Merkle log (spec §10.2): the Merkle Tree Hash of RFC 9162 §2.1 with SHA-256,
 * exactly as Certificate Transparency computes it, so that any CT tooling can check our roots and
 * proofs. This file holds the hashes, the root of a list and the streaming {@link MerkleAccumulator};
 * merkle-inclusion.ts and merkle-consistency.ts hold the proofs, merkle-tree.ts the in-memory index
 * that answers them quickly.
 */
import { concatBytes, sha256 } from '@scrutineer/crypto';

/** Length of every hash in the log: SHA-256. */
export const MERKLE_HASH_BYTES = 32;

/** Spec §10.2.2 (RFC 9162 §2.1.1): MTH({}) = SHA-256 of the empty string. */
export const EMPTY_TREE_ROOT: Uint8Array = sha256(new Uint8Array(0));

const LEAF_PREFIX = new Uint8Array([0x00]);

/**
 * Spec §10.2.1: leaf hash = SHA-256(0x00 ‖ leaf bytes). The leaf bytes of a board event are its
 * canonical line without the newline (§10.1.4). The 0x00/0x01 prefixes keep a leaf from ever
 * hashing like an inner node (second-preimage resistance).
 */
export function hashLeaf(leafBytes: Uint8Array): Uint8Array {
  return sha256(concatBytes(LEAF_PREFIX, leafBytes));
}

/** One buffer reused for the 65-byte input of every node hash: the hot loop allocates nothing else. */
const nodeInput = new Uint8Array(1 + 2 * MERKLE_HASH_BYTES);
nodeInput[0] = 0x01;

/** Spec §10.2.1: node hash = SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== MERKLE_HASH_BYTES || right.length !== MERKLE_HASH_BYTES) {
    // Only the RFC test vectors hash children of other lengths.
    return sha256(concatBytes(new Uint8Array([0x01]), left, right));
  }
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + MERKLE_HASH_BYTES);
  return sha256(nodeInput);
}

/** The largest power of two strictly below n (n ≥ 2): where RFC 9162 §2.1.1 splits a list. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Whether n is 2^h for some h ≥ 0. Arithmetic, not bit operations: sizes may exceed 2^32. */
export function isPowerOfTwo(n: number): boolean {
  if (!Number.isSafeInteger(n) || n < 1) return false;
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/** Throws a RangeError unless `value` is a safe integer in [min, max] (a bug in the caller). */
export function assertSize(name: string, value: number, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(
      `merkle/out-of-range: ${name} = ${value} is not an integer in [${min}, ${max}]`
    );
  }
}

function assertHash(hash: Uint8Array): void {
  if (!(hash instanceof Uint8Array) || hash.length !== MERKLE_HASH_BYTES) {
    throw new RangeError(`merkle/wrong-length: a leaf hash is ${MERKLE_HASH_BYTES} bytes`);
  }
}

/**
 * Computes the Merkle Tree Hash of a growing list in O(log n) memory (spec §10.2): the verifier and
 * the server stream millions of entries through it. It keeps the roots of the perfect subtrees
 * that make up the list so far, one for each set bit of the size, largest (leftmost) first: the
 * shape RFC 9162 §2.1.1 gives a list, which always splits off a perfect left subtree.
 */
export class MerkleAccumulator {
  #size = 0;
  /** Roots of the perfect subtrees, leftmost (largest) first; their sizes are the bits of #size. */
  readonly #peaks: Uint8Array[] = [];

  /** Number of leaves appended. */
  get size(): number {
    return this.#size;
  }

  /** Appends one leaf hash (32 bytes, from {@link hashLeaf}). Amortised one node hash. */
  append(leafHash: Uint8Array): void {
    assertHash(leafHash);
    let hash: Uint8Array = leafHash.slice();
    // Like incrementing a binary counter: each trailing 1 bit of the size is a perfect subtree of
    // the same size as the one being carried, so the two merge into one twice as large.
    let size = this.#size;
    while (size % 2 === 1) {
      hash = hashChildren(this.#peaks.pop() as Uint8Array, hash);
      size = (size - 1) / 2;
    }
    this.#peaks.push(hash);
    this.#size++;
  }

  /** MTH of the leaves so far; O(log n), and the accumulator stays usable. */
  root(): Uint8Array {
    const peaks = this.#peaks;
    if (peaks.length === 0) return EMPTY_TREE_ROOT.slice();
    // RFC 9162 §2.1.1 splits off the largest perfect subtree on the left and recurses on the
    // right, so the peaks fold from the right: MTH = H(p0, H(p1, H(p2, …))).
    let root = peaks[peaks.length - 1] as Uint8Array;
    for (let i = peaks.length - 2; i >= 0; i--) root = hashChildren(peaks[i] as Uint8Array, root);
    return root.slice();
  }
}

/** Spec §10.2.2: MTH(D[0:n]) of a list of leaf hashes, in O(n) time and O(log n) memory. */
export function merkleRoot(leafHashes: Iterable<Uint8Array>): Uint8Array {
  const accumulator = new MerkleAccumulator();
  for (const leafHash of leafHashes) accumulator.append(leafHash);
  return accumulator.root();
}

/**
 * Where proof generation reads hashes: MTH(D[start:end]) for 0 ≤ start < end ≤ the log's size.
 * Proofs only ever ask for subtrees of the RFC 9162 tree (a perfect aligned subtree, or one that
 * ends at the tree's size), so storage that keeps the perfect subtrees answers each in O(log n):
 * {@link MerkleTree} in memory, or a database table of them. The `*ProofRanges` functions list
 * the ranges first, for storage that must fetch them asynchronously.
 */
export interface SubtreeHashes {
  subtreeHash(start: number, end: number): Uint8Array;
}

/** A half-open range [start, end) of leaf indices: one node of the tree. */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/**
 * {@link SubtreeHashes} over a plain array of leaf hashes, hashing each range from its leaves. A
 * proof's ranges are disjoint, so one proof costs at most n hashes: linear, never quadratic. For
 * many proofs over a large log use {@link MerkleTree}.
 */
export function subtreeHashesOf(leafHashes: readonly Uint8Array[]): SubtreeHashes {
  return {
    subtreeHash(start: number, end: number): Uint8Array {
      assertSize('end', end, 1, leafHashes.length);
      assertSize('start', start, 0, end - 1);
      const accumulator = new MerkleAccumulator();
      for (let i = start; i < end; i++) accumulator.append(leafHashes[i] as Uint8Array);
      return accumulator.root();
    },
  };
}

/**
 * The hashes a proof carries: MTH(D[start:end]) of each of `ranges`, in their order, read from a
 * list of leaf hashes (see {@link subtreeHashesOf}) or any {@link SubtreeHashes}. The proof
 * functions list the ranges the RFC asks for; this only looks them up.
 */
export function hashesOfRanges(
  source: readonly Uint8Array[] | SubtreeHashes,
  ranges: readonly LeafRange[]
): Uint8Array[] {
  const hashes = Array.isArray(source)
    ? subtreeHashesOf(source as readonly Uint8Array[])
    : (source as SubtreeHashes);
  return ranges.map((range) => hashes.subtreeHash(range.start, range.end));
}
