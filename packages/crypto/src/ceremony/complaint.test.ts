import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nobleGroup as group } from '../backends/noble.ts';
import { utf8 } from '../bytes.ts';
import { sha256 } from '../hash.ts';
import { addScalars } from '../scalar.ts';
import { assertRefusals, withFill, withU32 } from '../test-helpers/decode-refusals.ts';
import { createSeededRandom } from '../test-helpers/seeded-random.ts';
import { CeremonyError, type CeremonyParameters } from './ceremony-parameters.ts';
import {
  SHARE_COMPLAINT_BYTES,
  type ShareComplaint,
  decodeShareComplaint,
  encodeShareComplaint,
  fileComplaint,
  judgeComplaint,
  verifyComplaint,
} from './complaint.ts';
import { commitCoefficients } from './commitments.ts';
import { evaluatePolynomial, randomPolynomial } from './polynomial.ts';
import { type EncryptedShare, encryptShare } from './share-encryption.ts';
import { createTrusteeKey } from './trustee-key.ts';
import { at } from './run-ceremony.helpers.ts';

const parameters: CeremonyParameters = {
  context: sha256(utf8('complaint test')),
  trusteeCount: 4,
  threshold: 2,
};
const random = createSeededRandom('complaint');
const source = (): bigint => random.scalar();
const keys = [1, 2, 3, 4].map((l) => createTrusteeKey(group, utf8('test-election'), l, source));
const recipient = at(keys, 2); // trustee 3
const polynomial = randomPolynomial(2, source);
const dealerCommitments = commitCoefficients(group, parameters, 1, polynomial, source);
const goodShare = evaluatePolynomial(polynomial, 3);

function shareOf(value: bigint): EncryptedShare {
  return encryptShare(
    group,
    parameters,
    { dealer: 1, recipient: 3 },
    recipient.publicKey.publicKey,
    value,
    source
  );
}

/** Trustee 3's complaint about `encryptedShare` (filed whether or not the share is bad). */
function complainAbout(encryptedShare: EncryptedShare): ShareComplaint {
  return fileComplaint(
    group,
    parameters,
    recipient.secretKey,
    recipient.publicKey,
    encryptedShare,
    source
  );
}

function judge(encryptedShare: EncryptedShare, complaint = complainAbout(encryptedShare)) {
  return judgeComplaint(group, parameters, {
    complaint,
    encryptedShare,
    dealerCommitments,
    recipientKey: recipient.publicKey,
  });
}

test('a complaint about a share failing the Feldman check convicts the dealer', () => {
  const verdict = judge(shareOf(addScalars(goodShare, 1n)));
  assert.deepEqual(
    [verdict.faulty, verdict.trustee, verdict.code],
    ['dealer', 1, 'ceremony/share-inconsistent']
  );
});

test('a complaint about a share that does not decrypt convicts the dealer', () => {
  const encrypted = shareOf(goodShare);
  const ciphertext = encrypted.ciphertext.slice();
  ciphertext[5] = (ciphertext[5] as number) ^ 0x80;
  const verdict = judge({ ...encrypted, ciphertext });
  assert.deepEqual(
    [verdict.faulty, verdict.trustee, verdict.code],
    ['dealer', 1, 'ceremony/share-decryption-failed']
  );
});

test('a complaint about a good share convicts the complainer', () => {
  const verdict = judge(shareOf(goodShare));
  assert.deepEqual(
    [verdict.faulty, verdict.trustee, verdict.code],
    ['complainer', 3, 'ceremony/complaint-unjustified']
  );
});

test('a complaint with a false shared point or a proof for another share convicts the complainer', () => {
  const bad = shareOf(addScalars(goodShare, 1n));
  const complaint = complainAbout(bad);
  assert.ok(verifyComplaint(group, parameters, complaint, bad, recipient.publicKey));
  const forged = { ...complaint, sharedPoint: group.add(complaint.sharedPoint, group.generator) };
  const verdict = judge(bad, forged);
  assert.deepEqual(
    [verdict.faulty, verdict.trustee, verdict.code],
    ['complainer', 3, 'ceremony/complaint-proof-invalid']
  );
  // The proof is bound to the ciphertext it complains about.
  const otherBad = shareOf(addScalars(goodShare, 2n));
  assert.ok(!verifyComplaint(group, parameters, complaint, otherBad, recipient.publicKey));
  assert.ok(
    !verifyComplaint(
      group,
      { ...parameters, context: sha256(utf8('other')) },
      complaint,
      bad,
      recipient.publicKey
    )
  );
  // Another trustee's key cannot stand in for the recipient's.
  assert.ok(
    !verifyComplaint(group, parameters, complaint, bad, { ...at(keys, 3).publicKey, trustee: 3 })
  );
});

test('only the recipient can complain, and the evidence must belong together', () => {
  const encrypted = shareOf(goodShare);
  assert.throws(
    () => fileComplaint(group, parameters, at(keys, 1).secretKey, at(keys, 1).publicKey, encrypted),
    {
      code: 'ceremony/mismatched-messages',
    }
  );
  const complaint = complainAbout(encrypted);
  assert.throws(
    () =>
      judgeComplaint(group, parameters, {
        complaint,
        encryptedShare: encrypted,
        dealerCommitments: { ...dealerCommitments, dealer: 2 },
        recipientKey: recipient.publicKey,
      }),
    { code: 'ceremony/mismatched-messages' }
  );
});

test('M4 encodes to 136 bytes and round-trips; malformed M4 is refused', () => {
  const bad = shareOf(addScalars(goodShare, 1n));
  const complaint = complainAbout(bad);
  const bytes = encodeShareComplaint(group, complaint);
  assert.equal(bytes.length, SHARE_COMPLAINT_BYTES);
  const decoded = decodeShareComplaint(group, parameters, bytes);
  assert.deepEqual(encodeShareComplaint(group, decoded), bytes);
  assert.equal(judge(bad, decoded).faulty, 'dealer');

  assertRefusals(
    (b) => decodeShareComplaint(group, parameters, b),
    [
      [withU32(bytes, 0, 9), 'ceremony/index-out-of-range'],
      [withU32(bytes, 4, 1), 'ceremony/self-addressed'],
      [withFill(bytes, 0, 8, 40), 'group/identity-forbidden'],
      [withFill(bytes, 0xff, 40, 72), 'group/non-canonical-point'],
      [withFill(bytes, 0xff, 104), 'group/scalar-out-of-range'],
      [bytes.subarray(0, 100), 'ceremony/wrong-length'],
      [Uint8Array.of(...bytes, 1), 'ceremony/trailing-bytes'],
    ],
    CeremonyError
  );
});
