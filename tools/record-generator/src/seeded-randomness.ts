/**
 * @module Reproducible randomness for `npm run generate-record --` (synthetic records only, never a
 * real election). The crypto package draws every random byte through `crypto.getRandomValues`
 * (packages/crypto/src/random.ts, spec §1.4); this module swaps that one function for a ChaCha20
 * keystream under SHA-256 of the seed and a label, so the same seed gives the same record byte for
 * byte. Each chunk of voters has its own label, so the output does not depend on which worker
 * thread computed which chunk, nor on how many threads there are.
 */
import { createCipheriv, createHash } from 'node:crypto';

/** Installs the keystream for (seed, label) as this thread's `crypto.getRandomValues`; returns the undo. */
export function installSeededRandomness(seed: string, label: string): () => void {
  const key = createHash('sha256')
    .update(JSON.stringify([seed, label]), 'utf8')
    .digest();
  // Node's chacha20 takes a 16-byte IV: a 4-byte block counter and a 12-byte nonce, all zero here.
  const cipher = createCipheriv('chacha20', key, Buffer.alloc(16));
  const platform = globalThis.crypto;
  const original = Object.getOwnPropertyDescriptor(platform, 'getRandomValues');
  const seeded = <T extends ArrayBufferView | null>(array: T): T => {
    if (array === null) return array;
    const view = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    // ChaCha20 of zero bytes is the keystream itself.
    view.set(cipher.update(new Uint8Array(view.length)));
    return array;
  };
  Object.defineProperty(platform, 'getRandomValues', {
    value: seeded,
    configurable: true,
    writable: true,
  });
  return () => {
    if (original === undefined) delete (platform as { getRandomValues?: unknown }).getRandomValues;
    else Object.defineProperty(platform, 'getRandomValues', original);
  };
}
