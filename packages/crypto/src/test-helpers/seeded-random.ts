/**
 * @module A seeded, reproducible byte stream for tests and the vector generator ONLY (spec §1.4:
 * production randomness comes from random.ts alone). The stream is the RFC 8439 ChaCha20 keystream
 * under key SHA-256(utf8(seed)) with a zero 12-byte nonce, read from block 0 onwards, so a given
 * seed always yields the same scalars and an outside implementation can regenerate them.
 */
import { chacha20 } from '@noble/ciphers/chacha.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../bytes.ts';
import { scalarFromWideBytes } from '../scalar.ts';

const BLOCK_BYTES = 64;
const NONCE = new Uint8Array(12);

/** A deterministic generator: never use it for anything secret. */
export interface SeededRandom {
  /** The next `length` bytes of the keystream. */
  bytes(length: number): Uint8Array;
  /** A non-zero scalar: the next 64 bytes reduced mod ℓ, skipping 0 (as randomScalar does). */
  scalar(): bigint;
  /** An integer in [0, bound) for bound ≤ 2^32 (rejection sampling on 4-byte words). */
  integer(bound: number): number;
}

/** Creates the ChaCha20 stream for `seed` (see the module doc for the exact construction). */
export function createSeededRandom(seed: string): SeededRandom {
  const key = sha256(utf8(seed));
  let block = 0;
  let buffer = new Uint8Array(0);
  let offset = 0;

  function bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      if (offset === buffer.length) {
        // 16 blocks at a time; the counter keeps the stream identical to one long keystream.
        buffer = chacha20(key, NONCE, new Uint8Array(16 * BLOCK_BYTES), undefined, block);
        block += 16;
        offset = 0;
      }
      const take = Math.min(length - filled, buffer.length - offset);
      out.set(buffer.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
    }
    return out;
  }

  function scalar(): bigint {
    for (;;) {
      const s = scalarFromWideBytes(bytes(64));
      if (s !== 0n) return s;
    }
  }

  function integer(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 32) {
      throw new RangeError('seeded-random/bad-bound: bound must be an integer in [1, 2^32]');
    }
    const limit = 2 ** 32 - (2 ** 32 % bound);
    for (;;) {
      const word = new DataView(bytes(4).buffer).getUint32(0, true);
      if (word < limit) return word % bound;
    }
  }

  return { bytes, scalar, integer };
}
