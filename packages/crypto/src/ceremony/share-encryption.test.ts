import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { nobleGroup as group } from '../backends/noble.ts';
import { utf8 } from '../bytes.ts';
import { sha256 } from '../hash.ts';
import { GROUP_ORDER } from '../scalar.ts';
import { assertRefusals, withFill, withU32 } from '../test-helpers/decode-refusals.ts';
import { createSeededRandom } from '../test-helpers/seeded-random.ts';
import { CeremonyError, type CeremonyParameters } from './ceremony-parameters.ts';
import {
  ENCRYPTED_SHARE_BYTES,
  type EncryptedShare,
  decodeEncryptedShare,
  decryptShare,
  deriveShareCipherKey,
  encodeEncryptedShare,
  encryptShare,
  shareAssociatedData,
} from './share-encryption.ts';
import { createTrusteeKey } from './trustee-key.ts';

const parameters: CeremonyParameters = {
  context: sha256(utf8('share encryption test')),
  trusteeCount: 4,
  threshold: 2,
};
const random = createSeededRandom('share-encryption');
const source = (): bigint => random.scalar();
const recipient = createTrusteeKey(group, utf8('test-election'), 3, source);
const other = createTrusteeKey(group, utf8('test-election'), 4, source);
const share = random.scalar();
const encrypted = encryptShare(
  group,
  parameters,
  { dealer: 1, recipient: 3 },
  recipient.publicKey.publicKey,
  share,
  source
);

function open(
  message: EncryptedShare,
  secretKey = recipient.secretKey,
  parametersUsed = parameters
) {
  return decryptShare(group, parametersUsed, secretKey, recipient.publicKey.publicKey, message);
}

test('the recipient decrypts its share', () => {
  assert.deepEqual(open(encrypted), { ok: true, value: share });
  assert.equal(encrypted.ciphertext.length, 48);
});

test('a tampered ciphertext, tag or ephemeral key fails authentication', () => {
  for (const position of [0, 31, 32, 47]) {
    const ciphertext = encrypted.ciphertext.slice();
    ciphertext[position] = (ciphertext[position] as number) ^ 1;
    const opened = open({ ...encrypted, ciphertext });
    assert.ok(!opened.ok);
    assert.equal(opened.error.code, 'ceremony/share-decryption-failed');
  }
  const opened = open({
    ...encrypted,
    ephemeralKey: group.add(encrypted.ephemeralKey, group.generator),
  });
  assert.ok(!opened.ok && opened.error.code === 'ceremony/share-decryption-failed');
});

test('the share is bound to its recipient, dealer and ceremony', () => {
  assert.ok(!open(encrypted, other.secretKey).ok, 'another trustee cannot read it');
  assert.ok(!open({ ...encrypted, dealer: 2 }).ok, 'relabelled dealer');
  assert.ok(!open({ ...encrypted, recipient: 4 }).ok, 'relabelled recipient');
  const otherElection = { ...parameters, context: sha256(utf8('another election')) };
  assert.ok(!open(encrypted, recipient.secretKey, otherElection).ok, 'another ceremony');
});

test('a plaintext that is not a scalar below ℓ is reported as malformed', () => {
  // A cheating dealer encrypts ℓ itself, with the honest key derivation.
  const y = random.scalar();
  const ephemeralKey = group.multiplyBase(y);
  const indices = { dealer: 2, recipient: 3 };
  const sharedPoint = group.multiply(recipient.publicKey.publicKey, y);
  const { key, nonce } = deriveShareCipherKey(
    group,
    parameters,
    indices,
    recipient.publicKey.publicKey,
    ephemeralKey,
    sharedPoint
  );
  const plaintext = new Uint8Array(32);
  let value = GROUP_ORDER;
  for (let i = 0; i < 32; i++, value >>= 8n) plaintext[i] = Number(value & 0xffn);
  const ciphertext = chacha20poly1305(key, nonce, shareAssociatedData(parameters, indices)).encrypt(
    plaintext
  );
  const opened = open({ ...indices, ephemeralKey, ciphertext });
  assert.ok(!opened.ok);
  assert.equal(opened.error.code, 'ceremony/share-malformed');
});

test('a dealer cannot encrypt to itself', () => {
  assert.throws(
    () =>
      encryptShare(
        group,
        parameters,
        { dealer: 3, recipient: 3 },
        recipient.publicKey.publicKey,
        share
      ),
    { code: 'ceremony/self-addressed' }
  );
});

test('M3 encodes to 88 bytes and round-trips; malformed M3 is refused', () => {
  const bytes = encodeEncryptedShare(group, encrypted);
  assert.equal(bytes.length, ENCRYPTED_SHARE_BYTES);
  assert.equal(bytes.length, 88);
  const decoded = decodeEncryptedShare(group, parameters, bytes);
  assert.deepEqual(
    [decoded.dealer, decoded.recipient, decoded.ciphertext],
    [1, 3, encrypted.ciphertext]
  );
  assert.ok(group.equals(decoded.ephemeralKey, encrypted.ephemeralKey));
  assert.deepEqual(encodeEncryptedShare(group, decoded), bytes);
  assert.deepEqual(open(decoded), { ok: true, value: share });

  assertRefusals(
    (b) => decodeEncryptedShare(group, parameters, b),
    [
      [withU32(bytes, 0, 0), 'ceremony/index-out-of-range'],
      [withU32(bytes, 4, 5), 'ceremony/index-out-of-range'],
      [withU32(bytes, 4, 1), 'ceremony/self-addressed'],
      [withFill(bytes, 0, 8, 40), 'group/identity-forbidden'],
      [withFill(bytes, 0xff, 8, 40), 'group/non-canonical-point'],
      [bytes.subarray(0, 87), 'ceremony/wrong-length'],
      [Uint8Array.of(...bytes, 0), 'ceremony/trailing-bytes'],
    ],
    CeremonyError
  );
  assert.throws(
    () => encodeEncryptedShare(group, { ...encrypted, ciphertext: new Uint8Array(47) }),
    {
      code: 'ceremony/wrong-length',
    }
  );
});
