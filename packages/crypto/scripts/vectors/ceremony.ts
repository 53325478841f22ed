/**
 * @module Vector area `key-ceremony` (spec §7): whole ceremonies with every secret, exact hash
 * input, derived key and message byte, including one with a cheating dealer (convicted by its
 * recipient's complaint) and a false complaint (rejected). Generated through the public API from
 * a fixed seed; the check re-derives every value from the file alone.
 */
import assert from 'node:assert/strict';
import {
  type CeremonyParameters,
  type EncryptedShare,
  type Point,
  type ShareComplaint,
  addScalars,
  bytesToHex,
  concludeCeremony,
  createTrusteeKey,
  dealShares,
  deriveSecretShare,
  encodeCoefficientCommitments,
  encodeEncryptedShare,
  encodeShareComplaint,
  encodeTrusteePublicKey,
  encryptShare,
  evaluatePolynomial,
  fileComplaint,
  judgeComplaint,
  nobleGroup,
  receiveShare,
  sha512,
  utf8,
} from '../../src/index.ts';
import { shareAssociatedData } from '../../src/ceremony/share-encryption.ts';
import type { SeededRandom } from '../../src/test-helpers/seeded-random.ts';
import { type SeededContent, type VectorArea, scalarHex, seededArea } from './vector-file.ts';

import {
  type CeremonyCase,
  type ShareCase,
  checkCeremonyVectors,
  coefficientChallengeInput,
  complaintChallengeInput,
  keyChallengeInput,
  keyDerivationInput,
  resultCase,
  shareFor,
} from './ceremony-case.ts';

const SEED = 'scrutineer/vectors/key-ceremony/v1';

interface Scenario {
  readonly name: string;
  readonly trusteeCount: number;
  readonly threshold: number;
  /** [dealer, recipient]: the dealer encrypts fᵢ(l) + 1. */
  readonly badShares: readonly (readonly [number, number])[];
  /** [complainer, dealer]: a complaint about a good share. */
  readonly falseComplaints: readonly (readonly [number, number])[];
}

const SCENARIOS: readonly Scenario[] = [
  { name: '2-of-3, all honest', trusteeCount: 3, threshold: 2, badShares: [], falseComplaints: [] },
  {
    name: '2-of-4: dealer 4 sends trustee 2 a bad share (disqualified); trustee 3 complains falsely about dealer 1 (rejected)',
    trusteeCount: 4,
    threshold: 2,
    badShares: [[4, 2]],
    falseComplaints: [[3, 1]],
  },
  { name: '1-of-1', trusteeCount: 1, threshold: 1, badShares: [], falseComplaints: [] },
];

function ceremonyCase(random: SeededRandom, scenario: Scenario): CeremonyCase {
  const group = nobleGroup;
  const drawn: bigint[] = [];
  const source = (): bigint => {
    const scalar = random.scalar();
    drawn.push(scalar);
    return scalar;
  };
  const { trusteeCount: n, threshold: k } = scenario;
  const keyContext = utf8(`vector-election-${n}-${k}`);
  const parameters: CeremonyParameters = {
    context: random.bytes(32),
    trusteeCount: n,
    threshold: k,
  };
  const indices = Array.from({ length: n }, (_, i) => i + 1);
  const pairs = indices.map((l) => createTrusteeKey(group, keyContext, l, source));
  const keys = pairs.map((pair) => pair.publicKey);
  const keyOf = (l: number): Point => keys[l - 1]?.publicKey ?? group.identity;

  // §7.3–§7.4: every dealer deals; the scenario's cheats re-encrypt fᵢ(l) + 1.
  const shares: ShareCase[] = [];
  const encryptedShares: EncryptedShare[] = [];
  const dealings = indices.map((dealer) => {
    drawn.length = 0;
    const dealing = dealShares(group, parameters, dealer, keys, source);
    const ephemeralSecrets = drawn.slice(k + 1); // after the k coefficients and the proof nonce
    dealing.encryptedShares.forEach((honest, position) => {
      let [encrypted, value] = [honest, evaluatePolynomial(dealing.polynomial, honest.recipient)];
      let ephemeralSecret = ephemeralSecrets[position] ?? 0n;
      if (scenario.badShares.some(([d, r]) => d === dealer && r === honest.recipient)) {
        value = addScalars(value, 1n);
        drawn.length = 0;
        encrypted = encryptShare(group, parameters, honest, keyOf(honest.recipient), value, source);
        ephemeralSecret = drawn[0] ?? 0n;
      }
      encryptedShares.push(encrypted);
      const sharedPoint = group.encodePoint(
        group.multiply(keyOf(encrypted.recipient), ephemeralSecret)
      );
      const derivation = keyDerivationInput(
        group,
        parameters,
        encrypted,
        keyOf(encrypted.recipient),
        sharedPoint
      );
      const digest = sha512(derivation);
      shares.push({
        dealer: String(dealer),
        recipient: String(encrypted.recipient),
        share: scalarHex(value),
        ephemeralSecret: scalarHex(ephemeralSecret),
        sharedPoint: bytesToHex(sharedPoint),
        keyDerivationInput: bytesToHex(derivation),
        key: bytesToHex(digest.slice(0, 32)),
        nonce: bytesToHex(digest.slice(32, 44)),
        associatedData: bytesToHex(shareAssociatedData(parameters, encrypted)),
        message: bytesToHex(encodeEncryptedShare(group, encrypted)),
      });
    });
    return dealing;
  });

  // §7.4 step 4 and §7.5: recipients open their shares and complain.
  const complaints: ShareComplaint[] = [];
  const received = indices.map((l) => new Map([[l, dealings[l - 1]?.ownShare ?? 0n]]));
  for (const encrypted of encryptedShares) {
    const recipient = pairs[encrypted.recipient - 1];
    const dealing = dealings[encrypted.dealer - 1];
    assert.ok(recipient && dealing);
    const opened = receiveShare(group, parameters, recipient, dealing.commitments, encrypted);
    if (opened.ok) received[encrypted.recipient - 1]?.set(encrypted.dealer, opened.value);
    const isFalse = scenario.falseComplaints.some(
      ([c, d]) => c === encrypted.recipient && d === encrypted.dealer
    );
    if (!opened.ok || isFalse) {
      complaints.push(
        fileComplaint(
          group,
          parameters,
          recipient.secretKey,
          recipient.publicKey,
          encrypted,
          source
        )
      );
    }
  }

  // §7.6: the public conclusion and each trustee's secret share.
  const commitments = dealings.map((d) => d.commitments);
  const outcome = concludeCeremony(group, parameters, {
    trusteeKeys: keys,
    commitments,
    encryptedShares,
    complaints,
  });
  assert.ok(outcome.ok, 'the scenarios all conclude');
  const result = outcome.value;
  return {
    name: scenario.name,
    keyContext: bytesToHex(keyContext),
    context: bytesToHex(parameters.context),
    trusteeCount: String(n),
    threshold: String(k),
    trustees: pairs.map((pair) => ({
      secretKey: scalarHex(pair.secretKey),
      challengeInput: keyChallengeInput(group, keyContext, pair.publicKey),
      message: bytesToHex(encodeTrusteePublicKey(group, pair.publicKey)),
    })),
    dealers: dealings.map((dealing) => ({
      coefficients: dealing.polynomial.coefficients.map(scalarHex),
      challengeInput: coefficientChallengeInput(group, parameters, dealing.commitments),
      message: bytesToHex(encodeCoefficientCommitments(group, dealing.commitments)),
    })),
    shares,
    complaints: complaints.map((complaint) => {
      const encryptedShare = shareFor(encryptedShares, complaint);
      const dealerCommitments = commitments[complaint.dealer - 1];
      const recipientKey = keys[complaint.recipient - 1];
      assert.ok(dealerCommitments && recipientKey);
      const verdict = judgeComplaint(group, parameters, {
        complaint,
        encryptedShare,
        dealerCommitments,
        recipientKey,
      });
      return {
        challengeInput: complaintChallengeInput(
          group,
          parameters,
          complaint,
          encryptedShare,
          recipientKey.publicKey
        ),
        message: bytesToHex(encodeShareComplaint(group, complaint)),
        faulty: verdict.faulty,
        code: verdict.code,
      };
    }),
    result: resultCase(
      group,
      result,
      indices.map((l) => deriveSecretShare(group, result, l, received[l - 1] ?? new Map()))
    ),
  };
}

function makeCeremonyVectors(random: SeededRandom): SeededContent<CeremonyCase> {
  return {
    description:
      'Spec §7: key ceremonies. Per case: the key context (utf8(electionId)) and ceremony context; ' +
      'M1 (u32le index ‖ E ‖ A ‖ z) with the secret key; each dealer’s coefficients and M2 ' +
      '(u32le dealer ‖ u32le k ‖ C₀…Cₖ₋₁ ‖ A ‖ z); each M3 (u32le dealer ‖ u32le recipient ‖ Y ‖ ' +
      'ChaCha20-Poly1305 ciphertext) with the plaintext share, ephemeral secret y, S = y·Eₗ, the exact ' +
      'key-derivation input (eq. 7.6), key, nonce and associated data (eq. 7.7); each M4 ' +
      '(u32le dealer ‖ u32le recipient ‖ S′ ‖ A₁ ‖ A₂ ‖ z) with its verdict; and the result Q, K, ' +
      'V₁…Vₙ and x₁…xₙ. challengeInput fields are the exact SHA-512 inputs of eq. (3.1). Scalars are ' +
      '32-byte little-endian hex, points canonical 32-byte hex, integers decimal strings.',
    cases: SCENARIOS.map((scenario) => ceremonyCase(random, scenario)),
  };
}

export const keyCeremonyVectors: VectorArea = seededArea({
  file: 'key-ceremony.json',
  seed: SEED,
  make: makeCeremonyVectors,
  check: checkCeremonyVectors,
});
