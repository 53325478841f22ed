/**
 * @module An in-memory index of the board's Merkle log (spec §10.2) that answers roots and proofs
 * for any past size in O(log n) or O(log² n) hashes. It stores every perfect aligned subtree:
 * level h holds the hashes of D[i·2^h : (i+1)·2^h), in flat buffers, about 64 bytes a leaf (64 MB
 * for a million). The server rebuilds it from its stored leaf hashes at start-up (one pass, about
 * one node hash per leaf) and appends as the board grows.
 */
import { consistencyProof } from './merkle-consistency.ts';
import { inclusionProof } from './merkle-inclusion.ts';
import {
  MERKLE_HASH_BYTES,
  EMPTY_TREE_ROOT,
  type SubtreeHashes,
  assertSize,
  hashChildren,
  isPowerOfTwo,
  splitPoint,
} from './merkle-log.ts';

/** A growable array of 32-byte hashes in one buffer. */
class HashList {
  #bytes = new Uint8Array(MERKLE_HASH_BYTES * 16);
  #count = 0;

  get count(): number {
    return this.#count;
  }

  push(hash: Uint8Array): void {
    const offset = this.#count * MERKLE_HASH_BYTES;
    if (offset + MERKLE_HASH_BYTES > this.#bytes.length) {
      const grown = new Uint8Array(this.#bytes.length * 2);
      grown.set(this.#bytes);
      this.#bytes = grown;
    }
    this.#bytes.set(hash, offset);
    this.#count++;
  }

  /** A view of hash i: valid until the next push; callers copy before handing it out. */
  view(i: number): Uint8Array {
    const offset = i * MERKLE_HASH_BYTES;
    return this.#bytes.subarray(offset, offset + MERKLE_HASH_BYTES);
  }
}

export class MerkleTree implements SubtreeHashes {
  /** levels[h] holds the perfect subtrees of 2^h leaves completed so far. */
  readonly #levels: HashList[] = [new HashList()];

  static fromLeafHashes(leafHashes: Iterable<Uint8Array>): MerkleTree {
    const tree = new MerkleTree();
    for (const leafHash of leafHashes) tree.append(leafHash);
    return tree;
  }

  /** Number of leaves. */
  get size(): number {
    return (this.#levels[0] as HashList).count;
  }

  /** Appends a leaf hash; completes every perfect subtree it closes (amortised one node hash). */
  append(leafHash: Uint8Array): void {
    if (leafHash.length !== MERKLE_HASH_BYTES) {
      throw new RangeError(`merkle/wrong-length: a leaf hash is ${MERKLE_HASH_BYTES} bytes`);
    }
    let level = 0;
    let hash = leafHash;
    for (;;) {
      const list = this.#levels[level] as HashList;
      list.push(hash);
      if (list.count % 2 === 1) return;
      hash = hashChildren(list.view(list.count - 2), list.view(list.count - 1));
      level++;
      if (this.#levels.length === level) this.#levels.push(new HashList());
    }
  }

  /** The leaf hash at `index`. */
  leafHash(index: number): Uint8Array {
    assertSize('index', index, 0, this.size - 1);
    return (this.#levels[0] as HashList).view(index).slice();
  }

  /** MTH of the first `size` leaves (default: all), in O(log n). */
  root(size: number = this.size): Uint8Array {
    assertSize('size', size, 0, this.size);
    return size === 0 ? EMPTY_TREE_ROOT.slice() : this.subtreeHash(0, size);
  }

  /**
   * MTH(D[start:end]) by RFC 9162's own recursion, reading every perfect aligned subtree from the
   * store: O(log n) hashes for any node of the tree (the only ranges proofs ask for).
   */
  subtreeHash(start: number, end: number): Uint8Array {
    assertSize('end', end, 1, this.size);
    assertSize('start', start, 0, end - 1);
    return this.#rangeHash(start, end).slice();
  }

  #rangeHash(start: number, end: number): Uint8Array {
    const width = end - start;
    if (isPowerOfTwo(width) && start % width === 0) {
      let level = 0;
      while (2 ** level < width) level++;
      return (this.#levels[level] as HashList).view(start / width);
    }
    const split = start + splitPoint(width);
    return hashChildren(this.#rangeHash(start, split), this.#rangeHash(split, end));
  }

  /** Inclusion proof of leaf `index` in the tree of the first `size` leaves (spec §10.2.3). */
  inclusionProof(index: number, size: number = this.size): Uint8Array[] {
    assertSize('size', size, 1, this.size);
    return inclusionProof(this, index, size);
  }

  /** Consistency proof from the first `size1` to the first `size2` leaves (spec §10.2.4). */
  consistencyProof(size1: number, size2: number = this.size): Uint8Array[] {
    assertSize('size2', size2, 0, this.size);
    return consistencyProof(this, size1, size2);
  }
}
