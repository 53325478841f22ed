/**
 * A trustee's round made on two worker threads (share-pool.ts) is the round made on one: the same
 * shares Dₗ = xₗ·α in target order (the proofs' nonces are fresh, so those differ), every proof
 * valid, each share bound to its own target.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type CiphertextRow,
  bytesToHex,
  decodeDecryptionShare,
  encryptWithRandomness,
  findInvalidDecryptionSharesUnsafe,
  hexToBytes,
  loadFastestGroup,
  randomScalar,
} from '@scrutineer/crypto';
import { roundTargets, trusteeRankedShares } from '@scrutineer/protocol';
import { rankedSharesOnAllCores } from './share-pool.ts';

const group = await loadFastestGroup();
const baseHash = new Uint8Array(32).fill(9);
const secretShare = randomScalar();
const publicKey = group.multiplyBase(randomScalar());
const checkpoint = { size: 5, root: new Uint8Array(32).fill(2) };
const trustee = { trustee: 2, secretShare, checkpoint };
const rows: CiphertextRow[] = Array.from({ length: 11 }, (_, r) =>
  [0, r % 4].map((m) => encryptWithRandomness(group, publicKey, BigInt(m), randomScalar()))
);
const round = { contest: 1, rows, prefixes: rows.map(() => []), position: 0 };

test('two threads make the same shares as one, in target order, every proof valid', async () => {
  const pooled = await rankedSharesOnAllCores(group, baseHash, trustee, round, {
    threads: 2,
    slice: 3,
  });
  const single = trusteeRankedShares(group, baseHash, trustee, round);
  const decoded = pooled.map((hex) => decodeDecryptionShare(group, 5, checkpoint, hexToBytes(hex)));
  assert.deepEqual(
    decoded.map((s) => bytesToHex(group.encodePoint(s.share))),
    single.map((s) => bytesToHex(group.encodePoint(s.share)))
  );
  const key = group.multiplyBase(secretShare);
  assert.deepEqual(
    findInvalidDecryptionSharesUnsafe(group, baseHash, key, roundTargets(round), decoded),
    []
  );
  // Bound to its own target: the same shares out of order fail.
  const swapped = [decoded[1], decoded[0], ...decoded.slice(2)] as typeof decoded;
  assert.deepEqual(
    findInvalidDecryptionSharesUnsafe(group, baseHash, key, roundTargets(round), swapped),
    [0, 1]
  );
});
