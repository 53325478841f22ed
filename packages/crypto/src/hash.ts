/**
 * @module Hashing and domain separation (spec §3). Every Fiat–Shamir challenge and every derived
 * key comes from {@link hashToScalar} over a domain tag from {@link DomainTag}, the election's base
 * hash and the framed parts of the statement and commitments, so that no proof can move between
 * statements, elections or purposes (the Helios and ElectionGuard lessons).
 */
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, encodeU32, utf8 } from './bytes.ts';
import { scalarFromWideBytes } from './scalar.ts';

/** The one table of domain-separation tags (spec §3.3). A tag is never reused for two purposes. */
export const DomainTag = {
  schnorrProof: 'scrutineer/v1/schnorr-proof',
  chaumPedersenProof: 'scrutineer/v1/chaum-pedersen-proof',
  rangeProof: 'scrutineer/v1/range-proof',
  decryptionProof: 'scrutineer/v1/decryption-proof',
  signature: 'scrutineer/v1/signature',
  credentialKey: 'scrutineer/v1/credential-key',
  coefficientProof: 'scrutineer/v1/coefficient-proof',
  shareEncryptionKey: 'scrutineer/v1/share-encryption-key',
  shareComplaintProof: 'scrutineer/v1/share-complaint-proof',
  ceremonyKeyProof: 'scrutineer/v1/ceremony-key-proof',
} as const;
export type DomainTag = (typeof DomainTag)[keyof typeof DomainTag];

/**
 * Spec §3.1 framing: each part is its length as 4 little-endian bytes, then its bytes. Framing makes
 * the concatenation injective, so no two different part lists hash alike.
 */
export function frameParts(parts: readonly Uint8Array[]): Uint8Array {
  const framed: Uint8Array[] = [];
  for (const part of parts) framed.push(encodeU32(part.length), part);
  return concatBytes(...framed);
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
  return scalarFromWideBytes(sha512(frameParts([utf8(tag), baseHash, ...parts])));
}

/** SHA-512 over the same framing, for derived keys and uniform bytes (spec §3.2). */
export function hashParts(tag: DomainTag, parts: readonly Uint8Array[]): Uint8Array {
  return sha512(frameParts([utf8(tag), ...parts]));
}

export { sha256, sha512 };
