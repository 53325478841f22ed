import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nobleGroup as group } from '../backends/noble.ts';
import { utf8 } from '../bytes.ts';
import { sha256 } from '../hash.ts';
import { assertRefusals, withFill, withU32 } from '../test-helpers/decode-refusals.ts';
import { createSeededRandom } from '../test-helpers/seeded-random.ts';
import { CeremonyError, type CeremonyParameters } from './ceremony-parameters.ts';
import {
  TRUSTEE_PUBLIC_KEY_BYTES,
  createTrusteeKey,
  decodeTrusteePublicKey,
  encodeTrusteePublicKey,
  findInvalidTrusteeKey,
  verifyTrusteeKey,
} from './trustee-key.ts';

const keyContext = utf8('leadership-2025');
const random = createSeededRandom('trustee-key');
const source = (): bigint => random.scalar();
const pair = createTrusteeKey(group, keyContext, 2, source);

test('a ceremony key verifies for its own index and election only', () => {
  assert.ok(verifyTrusteeKey(group, keyContext, pair.publicKey));
  assert.ok(group.equals(pair.publicKey.publicKey, group.multiplyBase(pair.secretKey)));
  assert.ok(
    !verifyTrusteeKey(group, keyContext, { ...pair.publicKey, trustee: 3 }),
    'another index'
  );
  assert.ok(!verifyTrusteeKey(group, utf8('leadership-2026'), pair.publicKey), 'another election');
  assert.ok(!verifyTrusteeKey(group, keyContext, { ...pair.publicKey, trustee: 0 }));
  assert.ok(!verifyTrusteeKey(group, keyContext, { ...pair.publicKey, publicKey: group.identity }));
  const other = createTrusteeKey(group, keyContext, 2, source);
  assert.ok(
    !verifyTrusteeKey(group, keyContext, { ...pair.publicKey, proof: other.publicKey.proof })
  );
  // Someone else's key, re-announced under another index with a copied proof, fails.
  assert.ok(!verifyTrusteeKey(group, keyContext, { ...other.publicKey, trustee: 1 }));
});

test('the ceremony refuses an identity or repeated key in E₁…Eₙ', () => {
  const parameters: CeremonyParameters = {
    context: sha256(utf8('ceremony')),
    trusteeCount: 3,
    threshold: 2,
  };
  const keys = [1, 2, 3].map((l) => createTrusteeKey(group, keyContext, l, source).publicKey);
  assert.equal(findInvalidTrusteeKey(group, parameters, keys), null);
  const first = keys[0]?.publicKey ?? group.generator;
  const repeated = keys.map((k) => (k.trustee === 3 ? { trustee: 3, publicKey: first } : k));
  assert.equal(findInvalidTrusteeKey(group, parameters, repeated), 3);
  const identity = keys.map((k) =>
    k.trustee === 2 ? { trustee: 2, publicKey: group.identity } : k
  );
  assert.equal(findInvalidTrusteeKey(group, parameters, identity), 2);
  assert.throws(() => findInvalidTrusteeKey(group, parameters, [...keys].reverse()), {
    code: 'ceremony/mismatched-messages',
  });
});

test('M1 encodes to 100 bytes and decodes to the same key', () => {
  const bytes = encodeTrusteePublicKey(group, pair.publicKey);
  assert.equal(bytes.length, TRUSTEE_PUBLIC_KEY_BYTES);
  const decoded = decodeTrusteePublicKey(group, 5, bytes);
  assert.deepEqual(encodeTrusteePublicKey(group, decoded), bytes);
  assert.ok(verifyTrusteeKey(group, keyContext, decoded));
});

test('malformed M1 is refused with a specific error', () => {
  const bytes = encodeTrusteePublicKey(group, pair.publicKey);
  assertRefusals(
    (b) => decodeTrusteePublicKey(group, 5, b),
    [
      [withU32(bytes, 0, 0), 'ceremony/index-out-of-range'],
      [withU32(bytes, 0, 6), 'ceremony/index-out-of-range'],
      [bytes.subarray(0, 99), 'ceremony/wrong-length'],
      [Uint8Array.of(...bytes, 0), 'ceremony/trailing-bytes'],
      [withFill(bytes, 0, 4, 36), 'group/identity-forbidden'],
      [withFill(bytes, 0xff, 4, 36), 'group/non-canonical-point'],
      [withFill(bytes, 0xff, 68, 100), 'group/scalar-out-of-range'],
    ],
    CeremonyError
  );
});
