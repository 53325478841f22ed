/**
 * @module The postal audit's public random seed and its draws (spec §9.8.2). Each observer commits
 * to a 32-byte seed before the audit starts and reveals it after; the audit seed hashes the
 * `postal-audit-start` event (which chains the whole log, every batch total included) with every
 * revealed seed, so no one party chooses it: the board cannot know the observers' seeds when it
 * appends the start, and an observer who sees the others' seeds can only withhold its own (which
 * forces a full hand count, never a chosen sample). The draws are SHA-256 in counter mode, like
 * Rivest's `sampler`, so anyone recomputes them byte for byte.
 */
import {
  RecordTag,
  bytesToHex,
  encodeU64,
  frameParts,
  hexToBytes,
  sha256,
  utf8,
} from '@scrutineer/crypto';

export const AUDIT_COMMIT_TAG = RecordTag.postalAuditCommit;
export const AUDIT_SEED_TAG = RecordTag.postalAuditSeed;
export const AUDIT_DRAW_TAG = RecordTag.postalAuditDraw;

/** Spec (9.3): an observer's commitment to its seed (hex 32 bytes). */
export function auditSeedCommitment(observer: string, seedHex: string): string {
  return bytesToHex(
    sha256(frameParts([utf8(AUDIT_COMMIT_TAG), utf8(observer), hexToBytes(seedHex)]))
  );
}

/** Spec (9.4): the audit seed from the start event's hash and the seeds in commitment order. */
export function auditSeed(startEventHash: string, seeds: readonly string[]): Uint8Array {
  return sha256(
    frameParts([utf8(AUDIT_SEED_TAG), hexToBytes(startEventHash), ...seeds.map(hexToBytes)])
  );
}

const TWO_TO_53 = 2 ** 53;

/**
 * Spec (9.5): draw j (from 1) as a number in [0, 1): the first 8 bytes of
 * SHA-256(frame(tag) ‖ frame(seed) ‖ frame(u64le(j))) read big-endian, shifted right by 11 bits
 * (53 bits), divided by 2⁵³ (exact).
 */
export function auditDraw(seed: Uint8Array, j: number): number {
  const digest = sha256(frameParts([utf8(AUDIT_DRAW_TAG), seed, encodeU64(j)]));
  let value = 0n;
  for (let i = 0; i < 8; i++) value = (value << 8n) | BigInt(digest[i] ?? 0);
  return Number(value >> 11n) / TWO_TO_53;
}
