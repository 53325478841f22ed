import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nobleGroup as group } from '../backends/noble.ts';
import { utf8 } from '../bytes.ts';
import { GroupError } from '../group.ts';
import { sha256 } from '../hash.ts';
import { addScalars } from '../scalar.ts';
import { createSeededRandom } from '../test-helpers/seeded-random.ts';
import { CeremonyError, type CeremonyParameters } from './ceremony-parameters.ts';
import {
  SHARE_COMPLAINT_BYTES,
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

function judge(
  encryptedShare: EncryptedShare,
  complaint = fileComplaint(
    group,
    parameters,
    recipient.secretKey,
    recipient.publicKey,
    encryptedShare,
    source
  )
) {
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
  const complaint = fileComplaint(
    group,
    parameters,
    recipient.secretKey,
    recipient.publicKey,
    bad,
    source
  );
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
  const complaint = fileComplaint(
    group,
    parameters,
    recipient.secretKey,
    recipient.publicKey,
    encrypted,
    source
  );
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
  const complaint = fileComplaint(
    group,
    parameters,
    recipient.secretKey,
    recipient.publicKey,
    bad,
    source
  );
  const bytes = encodeShareComplaint(group, complaint);
  assert.equal(bytes.length, SHARE_COMPLAINT_BYTES);
  const decoded = decodeShareComplaint(group, parameters, bytes);
  assert.deepEqual(encodeShareComplaint(group, decoded), bytes);
  assert.equal(judge(bad, decoded).faulty, 'dealer');

  const refuse = (mutated: Uint8Array, code: string): void =>
    assert.throws(
      () => decodeShareComplaint(group, parameters, mutated),
      (e: unknown) => (e instanceof CeremonyError || e instanceof GroupError) && e.code === code
    );
  const withU32 = (offset: number, value: number): Uint8Array => {
    const copy = bytes.slice();
    new DataView(copy.buffer).setUint32(offset, value, true);
    return copy;
  };
  refuse(withU32(0, 9), 'ceremony/index-out-of-range');
  refuse(withU32(4, 1), 'ceremony/self-addressed');
  const identity = bytes.slice();
  identity.fill(0, 8, 40);
  refuse(identity, 'group/identity-forbidden');
  const nonCanonical = bytes.slice();
  nonCanonical.fill(0xff, 40, 72);
  refuse(nonCanonical, 'group/non-canonical-point');
  const bigResponse = bytes.slice();
  bigResponse.fill(0xff, 104);
  refuse(bigResponse, 'group/scalar-out-of-range');
  refuse(bytes.subarray(0, 100), 'ceremony/wrong-length');
  refuse(Uint8Array.of(...bytes, 1), 'ceremony/trailing-bytes');
});
