/**
 * @module The lot (spec §12.3): a total order of the candidates drawn from the seed fixed before
 * the count. Key(c) = SHA-256(seed ‖ uint32-big-endian(c)); the candidate with the smaller key
 * (compared as bytes) is *favoured*: a lot for election or for whose surplus goes first chooses
 * the most favoured, a lot for exclusion the least favoured.
 */
import { sha256 } from '@noble/hashes/sha2.js';

/** The candidates 0 … n − 1, most favoured first. */
export function lotOrder(seedHex: string, candidates: number): number[] {
  const seed = hexToBytes(seedHex);
  const keys = Array.from({ length: candidates }, (_, c) => {
    const input = new Uint8Array(seed.length + 4);
    input.set(seed, 0);
    new DataView(input.buffer).setUint32(seed.length, c, false);
    return sha256(input);
  });
  return keys
    .map((key, c) => ({ key, c }))
    .sort((a, b) => compareBytes(a.key, b.key) || a.c - b.c)
    .map((k) => k.c);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/**
 * Spec §12.3.1: a ranked contest's lot seed, SHA-256(manifest hash ‖ R ‖ UTF-8 contest id), R the
 * root of the first signed checkpoint covering `election-close`. Hex in, hex out.
 */
export function countSeed(
  manifestHashHex: string,
  closeRootHex: string,
  contestId: string
): string {
  if (!/^[0-9a-f]{64}$/.test(manifestHashHex) || !/^[0-9a-f]{64}$/.test(closeRootHex))
    throw new Error('countSeed: the manifest hash and the root are 32 bytes of lower-case hex');
  const id = new TextEncoder().encode(contestId);
  const input = new Uint8Array(64 + id.length);
  input.set(hexToBytes(manifestHashHex), 0);
  input.set(hexToBytes(closeRootHex), 32);
  input.set(id, 64);
  return Array.from(sha256(input), (b) => b.toString(16).padStart(2, '0')).join('');
}
