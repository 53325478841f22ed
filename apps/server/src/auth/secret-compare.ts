/**
 * @module Constant-time comparison of secrets and of digests of secrets, so that response timing
 * never says how much of a guess was right.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether two byte strings are equal, in time that depends only on their lengths. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** SHA-256 hex of a bearer key: what is stored, never the key. */
export function hashBearerKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether `presented` hashes to `expectedHashHex`, compared in constant time. */
export function bearerKeyMatches(presented: string | undefined, expectedHashHex: string): boolean {
  const presentedHash = createHash('sha256')
    .update(presented ?? '', 'utf8')
    .digest();
  const expected = Buffer.from(expectedHashHex, 'hex');
  return constantTimeEqual(presentedHash, expected) && presented !== undefined;
}
