/**
 * @module Hashing and domain separation (spec §3). Every Fiat–Shamir challenge and every derived
 * key comes from {@link hashToScalar} over a domain tag from {@link DomainTag}, the election's base
 * hash and the framed parts of the statement and commitments, so that no proof can move between
 * statements, elections or purposes (the Helios and ElectionGuard lessons).
 */
import { sha256 as nobleSha256, sha512 as nobleSha512 } from '@noble/hashes/sha2.js';
import { encodeU32, utf8 } from './bytes.ts';
import { scalarFromWideBytes } from './scalar.ts';
import { DomainTag } from './domain-tags.ts';

export { DomainTag };

/**
 * Spec §3.1 framing: each part is its length as 4 little-endian bytes, then its bytes. Framing makes
 * the concatenation injective, so no two different part lists hash alike.
 */
export function frameParts(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += 4 + part.length;
  // One buffer written in place: hashing is on the verifier's per-ballot path.
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const part of parts) {
    if (part.length > 0xffffffff) encodeU32(part.length); // throws bytes/u32-out-of-range
    view.setUint32(offset, part.length, true);
    out.set(part, offset + 4);
    offset += 4 + part.length;
  }
  return out;
}

/** UTF-8 of each domain tag, encoded once. */
const tagBytes = new Map<DomainTag, Uint8Array>();
function encodeTag(tag: DomainTag): Uint8Array {
  let bytes = tagBytes.get(tag);
  if (bytes === undefined) tagBytes.set(tag, (bytes = utf8(tag)));
  return bytes;
}

/**
 * Spec §3.2: H(tag, baseHash, parts) = SHA-512(frame(utf8(tag)) ‖ frame(baseHash) ‖ frame(p1) ‖ …),
 * read little-endian and reduced mod ℓ. The 512-bit hash makes the reduction's bias negligible.
 */
export function hashToScalar(
  tag: DomainTag,
  baseHash: Uint8Array,
  parts: readonly Uint8Array[]
): bigint {
  return scalarFromWideBytes(sha512(frameParts([encodeTag(tag), baseHash, ...parts])));
}

/** SHA-512 over the same framing, for derived keys and uniform bytes (spec §3.2). */
export function hashParts(tag: DomainTag, parts: readonly Uint8Array[]): Uint8Array {
  return sha512(frameParts([encodeTag(tag), ...parts]));
}

/** One-shot SHA-2 digests that a faster backend may supply (see {@link installDigests}). */
export interface Digests {
  sha256(bytes: Uint8Array): Uint8Array;
  sha512(bytes: Uint8Array): Uint8Array;
}

let installed: Digests | null = null;

/**
 * Routes one-shot {@link sha256}/{@link sha512} calls to `digests` for the rest of the process.
 * Called by the native backend when it loads (OpenSSL's SHA-2 inside Node, ~20× faster than
 * JavaScript on a board line); SHA-2 has one answer, and backends.test.ts compares the two.
 * Streaming hashes (`sha256.create()`) stay on noble.
 */
export function installDigests(digests: Digests): void {
  installed = digests;
}

/** noble's hash object, its one-shot call routed to the installed digests when there are any. */
function routed<Hash extends typeof nobleSha256 | typeof nobleSha512>(
  noble: Hash,
  name: keyof Digests
): Hash {
  const oneShot = (bytes: Uint8Array): Uint8Array =>
    installed === null ? noble(bytes) : installed[name](bytes);
  return Object.assign(oneShot, {
    create: () => noble.create(),
    outputLen: noble.outputLen,
    blockLen: noble.blockLen,
  }) as unknown as Hash;
}

/** SHA-256 (FIPS 180-4); `sha256.create()` streams. */
export const sha256 = routed(nobleSha256, 'sha256');
/** SHA-512 (FIPS 180-4); `sha512.create()` streams. */
export const sha512 = routed(nobleSha512, 'sha512');
