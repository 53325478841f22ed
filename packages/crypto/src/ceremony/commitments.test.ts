import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nobleGroup as group } from '../backends/noble.ts';
import { utf8 } from '../bytes.ts';
import { sha256 } from '../hash.ts';
import { assertRefusals, withFill, withU32 } from '../test-helpers/decode-refusals.ts';
import { createSeededRandom } from '../test-helpers/seeded-random.ts';
import { CeremonyError, type CeremonyParameters } from './ceremony-parameters.ts';
import {
  commitCoefficients,
  decodeCoefficientCommitments,
  electionKey,
  encodeCoefficientCommitments,
  verifyCoefficientCommitments,
  verifyShare,
} from './commitments.ts';
import { evaluatePolynomial, randomPolynomial } from './polynomial.ts';
import { at } from './run-ceremony.helpers.ts';

const parameters: CeremonyParameters = {
  context: sha256(utf8('commitments test')),
  trusteeCount: 5,
  threshold: 3,
};
const random = createSeededRandom('commitments');
const source = (): bigint => random.scalar();
const polynomial = randomPolynomial(3, source);
const message = commitCoefficients(group, parameters, 2, polynomial, source);

test('M2 verifies, and commits to every coefficient', () => {
  assert.ok(verifyCoefficientCommitments(group, parameters, message));
  polynomial.coefficients.forEach((a, j) =>
    assert.ok(group.equals(at(message.commitments, j), group.multiplyBase(a)))
  );
  assert.ok(
    group.equals(electionKey(group, [message]), group.multiplyBase(at(polynomial.coefficients, 0)))
  );
});

test('a coefficient proof replayed under another trustee index or in another election fails', () => {
  assert.ok(!verifyCoefficientCommitments(group, parameters, { ...message, dealer: 3 }));
  const otherElection = { ...parameters, context: sha256(utf8('another election')) };
  assert.ok(!verifyCoefficientCommitments(group, otherElection, message));
  assert.ok(!verifyCoefficientCommitments(group, { ...parameters, trusteeCount: 6 }, message));
  // Same aᵢ₀, other higher coefficients: the proof is bound to the whole vector.
  const swapped = [
    at(message.commitments, 0),
    at(message.commitments, 2),
    at(message.commitments, 1),
  ];
  assert.ok(!verifyCoefficientCommitments(group, parameters, { ...message, commitments: swapped }));
});

test('M2 with the wrong number of commitments, or an identity commitment, does not verify', () => {
  assert.ok(
    !verifyCoefficientCommitments(group, parameters, {
      ...message,
      commitments: message.commitments.slice(0, 2),
    })
  );
  const withIdentity = [at(message.commitments, 0), group.identity, at(message.commitments, 2)];
  assert.ok(
    !verifyCoefficientCommitments(group, parameters, { ...message, commitments: withIdentity })
  );
  assert.throws(
    () => commitCoefficients(group, parameters, 1, randomPolynomial(2, source), source),
    { code: 'ceremony/wrong-commitment-count' }
  );
});

test('the Feldman check accepts fᵢ(l) and nothing else', () => {
  for (let l = 1; l <= 5; l++) {
    const share = evaluatePolynomial(polynomial, l);
    assert.ok(verifyShare(group, message.commitments, l, share));
    assert.ok(!verifyShare(group, message.commitments, l, share + 1n));
    assert.ok(!verifyShare(group, message.commitments, l === 5 ? 1 : l + 1, share));
  }
});

test('M2 encodes to 72 + 32k bytes and round-trips; malformed M2 is refused', () => {
  const bytes = encodeCoefficientCommitments(group, message);
  assert.equal(bytes.length, 72 + 32 * 3);
  const decoded = decodeCoefficientCommitments(group, parameters, bytes);
  assert.deepEqual(encodeCoefficientCommitments(group, decoded), bytes);
  assert.ok(verifyCoefficientCommitments(group, parameters, decoded));

  assertRefusals(
    (b) => decodeCoefficientCommitments(group, parameters, b),
    [
      [withU32(bytes, 0, 0), 'ceremony/index-out-of-range'],
      [withU32(bytes, 0, 6), 'ceremony/index-out-of-range'],
      [withU32(bytes, 4, 2), 'ceremony/wrong-commitment-count'],
      [withU32(bytes, 4, 0xffffffff), 'ceremony/wrong-commitment-count'],
      [withFill(bytes, 0, 8 + 32, 8 + 64), 'group/identity-forbidden'], // C₁ = O
      [withFill(bytes, 0xff, 8, 40), 'group/non-canonical-point'],
      [bytes.subarray(0, bytes.length - 1), 'ceremony/wrong-length'],
      [Uint8Array.of(...bytes, 7), 'ceremony/trailing-bytes'],
      [withFill(bytes, 0xff, bytes.length - 32), 'group/scalar-out-of-range'],
    ],
    CeremonyError
  );
});
