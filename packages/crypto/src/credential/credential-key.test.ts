import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sha512 } from '@noble/hashes/sha2.js';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { deriveCredentialKey, deriveCredentialSecretKey } from './credential-key.ts';
import {
  encodeVotingCodeData,
  generateVotingCode,
  votingCodeFromData,
  type VotingCode,
} from './voting-code.ts';
import { nobleGroup } from '../backends/noble.ts';
import { GROUP_ORDER, encodeScalar } from '../scalar.ts';
import { bytesToHex } from '../bytes.ts';
import { createSeededRandom } from '../test-helpers/seeded-random.ts';

const random = createSeededRandom('credential/credential-key.test');
function seededCode(): VotingCode {
  const data = random.bytes(14);
  data[0] = (data[0] as number) & 0x3f;
  return votingCodeFromData(data);
}

/** Spec §6.5 eq. (6.6) written out from the spec text alone: framing, SHA-512, LE, mod ℓ. */
function referenceSecretKey(electionId: string, data: Uint8Array): bigint {
  const parts = [
    new TextEncoder().encode('scrutineer/v1/credential-key'),
    new TextEncoder().encode(electionId),
    data,
  ];
  const chunks: number[] = [];
  for (const part of parts) {
    chunks.push(
      part.length & 0xff,
      (part.length >> 8) & 0xff,
      (part.length >> 16) & 0xff,
      part.length >>> 24
    );
    chunks.push(...part);
  }
  const digest = sha512(Uint8Array.from(chunks));
  let value = 0n;
  for (let i = 63; i >= 0; i--) value = (value << 8n) + BigInt(digest[i] as number);
  return value % GROUP_ORDER;
}

test('the secret key follows eq. (6.6) exactly (independent re-implementation)', () => {
  for (const electionId of ['e', 'scrutineer-test-2025', 'élection-ünïcode-✓', 'x'.repeat(300)]) {
    for (let i = 0; i < 5; i++) {
      const code = seededCode();
      const expected = referenceSecretKey(electionId, encodeVotingCodeData(code));
      assert.equal(deriveCredentialSecretKey(electionId, code), expected);
    }
  }
});

test('the public key is secretKey·G (checked against noble directly)', () => {
  for (let i = 0; i < 10; i++) {
    const { secretKey, publicKey } = deriveCredentialKey(
      nobleGroup,
      'scrutineer-test-2025',
      seededCode()
    );
    assert.ok(secretKey > 0n && secretKey < GROUP_ORDER);
    const expected = ristretto255.Point.BASE.multiply(secretKey).toBytes();
    assert.equal(bytesToHex(nobleGroup.encodePoint(publicKey)), bytesToHex(expected));
    assert.ok(nobleGroup.equals(publicKey, nobleGroup.multiplyBase(secretKey)));
  }
});

test('derivation is deterministic', () => {
  const code = generateVotingCode();
  const first = deriveCredentialKey(nobleGroup, 'election-a', code);
  const again = deriveCredentialKey(nobleGroup, 'election-a', code);
  assert.equal(first.secretKey, again.secretKey);
  assert.ok(nobleGroup.equals(first.publicKey, again.publicKey));
});

test('different election ids or different codes give different keys', () => {
  const codes = Array.from({ length: 20 }, seededCode);
  const ids = ['election-a', 'election-b', 'election-a ', 'Election-a'];
  const seen = new Set<string>();
  for (const code of codes) {
    for (const id of ids) seen.add(bytesToHex(encodeScalar(deriveCredentialSecretKey(id, code))));
  }
  assert.equal(seen.size, codes.length * ids.length);
});

test('codes differing in one data bit give unrelated keys (no structure leaks into c)', () => {
  const data = random.bytes(14);
  data[0] = (data[0] as number) & 0x3f;
  const base = deriveCredentialSecretKey('election-a', votingCodeFromData(data));
  for (let bit = 0; bit < 110; bit++) {
    const flipped = Uint8Array.from(data);
    const byte = 13 - (bit >> 3);
    flipped[byte] = (flipped[byte] as number) ^ (1 << (bit & 7));
    assert.notEqual(deriveCredentialSecretKey('election-a', votingCodeFromData(flipped)), base);
  }
});

test('an empty election id and a forged code are refused', () => {
  const code = seededCode();
  assert.throws(() => deriveCredentialKey(nobleGroup, '', code), /credential\/empty-election-id/);
  assert.throws(
    () => deriveCredentialSecretKey('e', 'AAAAAAAAAAAAAAAAAAAAAAAA' as VotingCode),
    /credential\/invalid-code/
  );
  assert.throws(
    () => deriveCredentialSecretKey('e', code.toLowerCase() as VotingCode),
    /credential\/invalid-code/
  );
});
