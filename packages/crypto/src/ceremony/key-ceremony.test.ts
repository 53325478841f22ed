import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGroup } from '../backends/load-group.ts';
import { nobleGroup } from '../backends/noble.ts';
import { utf8 } from '../bytes.ts';
import type { Group, Point } from '../group.ts';
import { sha256 } from '../hash.ts';
import { addScalars, multiplyScalars, subtractScalars } from '../scalar.ts';
import { lagrangeCoefficientAtZero } from '../threshold/lagrange.ts';
import { CeremonyError, type CeremonyParameters } from './ceremony-parameters.ts';
import { commitCoefficients, verificationKeyUnsafe } from './commitments.ts';
import { judgeComplaint } from './complaint.ts';
import { type CeremonyResult, concludeCeremony } from './conclude-ceremony.ts';
import { dealShares, deriveSecretShare, receiveShare } from './key-ceremony.ts';
import { evaluatePolynomial } from './polynomial.ts';
import { type CeremonyRun, at, defined, runCeremony } from './run-ceremony.helpers.ts';
import { createTrusteeKey } from './trustee-key.ts';

const groups: readonly Group[] = [nobleGroup, await loadGroup('sodium')];

function parametersFor(
  threshold: number,
  trusteeCount: number,
  election = 'election-1'
): CeremonyParameters {
  return { context: sha256(utf8(`scrutineer test ceremony ${election}`)), threshold, trusteeCount };
}

function succeeded(run: CeremonyRun): CeremonyResult {
  assert.ok(run.outcome.ok, run.outcome.ok ? '' : run.outcome.error.message);
  return run.outcome.value;
}

/** The joint secret Σ_{i∈Q} aᵢ₀, known only because the test played every trustee. */
function jointSecret(run: CeremonyRun, qualified: readonly number[]): bigint {
  return qualified.reduce(
    (sum, i) => addScalars(sum, run.dealings[i - 1]?.polynomial.coefficients[0] ?? 0n),
    0n
  );
}

/** Checks K, every xₗ against Vₗ and the summed polynomial, and that any k shares give the secret. */
function assertConsistent(group: Group, run: CeremonyRun, parameters: CeremonyParameters): void {
  const result = succeeded(run);
  const secret = jointSecret(run, result.qualified);
  assert.ok(group.equals(result.electionKey, group.multiplyBase(secret)));
  const qualifiedCommitments = result.qualified.map((i) => at(run.transcript.commitments, i - 1));
  for (let l = 1; l <= parameters.trusteeCount; l++) {
    const secretShare = at(run.secretShares, l - 1);
    const expected = result.qualified.reduce(
      (sum, i) => addScalars(sum, evaluatePolynomial(at(run.dealings, i - 1).polynomial, l)),
      0n
    );
    assert.equal(secretShare, expected, `x_${l} = Σ_{i∈Q} f_i(${l})`);
    // An outsider recomputes Vₗ from the published commitments alone.
    const outsider = verificationKeyUnsafe(group, qualifiedCommitments, l);
    assert.ok(group.equals(outsider, group.multiplyBase(secretShare)), `V_${l} = x_${l}·G`);
    assert.ok(group.equals(outsider, result.verificationKeys[l - 1] as Point));
  }
  const firstK = Array.from({ length: parameters.threshold }, (_, i) => i + 1);
  const interpolated = firstK.reduce(
    (sum, l) =>
      addScalars(
        sum,
        multiplyScalars(lagrangeCoefficientAtZero(l, firstK), at(run.secretShares, l - 1))
      ),
    0n
  );
  assert.equal(interpolated, secret);
}

for (const group of groups) {
  describe(`key ceremony (${group.backend})`, () => {
    test('3-of-5 honest ceremony: everyone qualifies and the shares are consistent', () => {
      const parameters = parametersFor(3, 5);
      const run = runCeremony(group, parameters, 'honest-3-of-5');
      const result = succeeded(run);
      assert.deepEqual(result.qualified, [1, 2, 3, 4, 5]);
      assert.deepEqual(result.disqualified, []);
      assert.deepEqual(result.rejectedComplaints, []);
      assert.equal(run.transcript.encryptedShares.length, 20);
      assert.equal(run.transcript.complaints.length, 0);
      assertConsistent(group, run, parameters);
    });

    test('a dealer who sends one recipient a bad share is convicted by its complaint; the rest go on', () => {
      const parameters = parametersFor(3, 5);
      const run = runCeremony(group, parameters, 'cheating-dealer', {
        badShares: [{ dealer: 2, recipient: 4 }],
      });
      assert.equal(run.transcript.complaints.length, 1);
      const complaint = at(run.transcript.complaints, 0);
      assert.deepEqual([complaint.dealer, complaint.recipient], [2, 4]);

      // The recipient saw the failure itself …
      const share = defined(
        run.transcript.encryptedShares.find((s) => s.dealer === 2 && s.recipient === 4)
      );
      const opened = receiveShare(
        group,
        parameters,
        at(run.keyPairs, 3),
        at(run.transcript.commitments, 1),
        share
      );
      assert.ok(!opened.ok);
      assert.equal(opened.error.code, 'ceremony/share-inconsistent');
      // … and anyone can check the complaint from public data.
      const verdict = judgeComplaint(group, parameters, {
        complaint,
        encryptedShare: share,
        dealerCommitments: at(run.transcript.commitments, 1),
        recipientKey: at(run.transcript.trusteeKeys, 3),
      });
      assert.deepEqual(
        [verdict.faulty, verdict.trustee, verdict.code],
        ['dealer', 2, 'ceremony/share-inconsistent']
      );

      const result = succeeded(run);
      assert.deepEqual(result.qualified, [1, 3, 4, 5]);
      assert.equal(result.disqualified.length, 1);
      assert.deepEqual(
        { ...result.disqualified[0], message: undefined },
        { dealer: 2, code: 'ceremony/share-inconsistent', complainer: 4, message: undefined }
      );
      assertConsistent(group, run, parameters);
    });

    test('an unjustified complaint is rejected and attributed to the complainer', () => {
      const parameters = parametersFor(3, 5);
      const run = runCeremony(group, parameters, 'false-complaint', {
        falseComplaints: [{ complainer: 5, dealer: 1 }],
      });
      const result = succeeded(run);
      assert.deepEqual(result.qualified, [1, 2, 3, 4, 5]);
      assert.equal(result.rejectedComplaints.length, 1);
      const rejection = at(result.rejectedComplaints, 0);
      assert.deepEqual(
        [rejection.complainer, rejection.dealer, rejection.code],
        [5, 1, 'ceremony/complaint-unjustified']
      );
      assertConsistent(group, run, parameters);
    });

    test('the ceremony fails clearly when fewer than k dealers qualify', () => {
      const parameters = parametersFor(3, 4);
      const run = runCeremony(group, parameters, 'too-few', {
        badShares: [
          { dealer: 1, recipient: 2 },
          { dealer: 3, recipient: 2 },
        ],
      });
      assert.ok(!run.outcome.ok);
      const error = run.outcome.error;
      assert.equal(error.code, 'ceremony/too-few-qualified');
      if (error.code !== 'ceremony/too-few-qualified') return;
      assert.deepEqual(error.qualified, [2, 4]);
      assert.deepEqual(
        error.disqualified.map((d) => [d.dealer, d.complainer]),
        [
          [1, 2],
          [3, 2],
        ]
      );
      assert.equal(error.threshold, 3);
    });

    test('1-of-1: the single trustee holds the whole key', () => {
      const parameters = parametersFor(1, 1);
      const run = runCeremony(group, parameters, 'one-of-one');
      assert.deepEqual(succeeded(run).qualified, [1]);
      assert.equal(run.transcript.encryptedShares.length, 0);
      assert.equal(run.secretShares[0], at(run.dealings, 0).polynomial.coefficients[0]);
      assertConsistent(group, run, parameters);
    });

    test('n-of-n: 4-of-4 works and needs every trustee', () => {
      const parameters = parametersFor(4, 4);
      const run = runCeremony(group, parameters, 'four-of-four');
      assertConsistent(group, run, parameters);
      const failing = runCeremony(group, parameters, 'four-of-four-bad', {
        badShares: [{ dealer: 4, recipient: 1 }],
      });
      assert.ok(!failing.outcome.ok);
      assert.equal(failing.outcome.error.code, 'ceremony/too-few-qualified');
    });
  });
}

describe('key ceremony: parameters and transcript faults', () => {
  const group = nobleGroup;

  test('k > n, k = 0, n = 0 and a short context are refused', () => {
    const keys = runCeremony(group, parametersFor(2, 3), 'parameters').transcript.trusteeKeys;
    const refuse = (parameters: CeremonyParameters, code: string): void =>
      assert.throws(
        () => dealShares(group, parameters, 1, keys),
        (e: unknown) => e instanceof CeremonyError && e.code === code
      );
    refuse(parametersFor(4, 3), 'ceremony/invalid-threshold');
    refuse(parametersFor(0, 3), 'ceremony/invalid-threshold');
    refuse(parametersFor(1.5, 3), 'ceremony/invalid-threshold');
    refuse(parametersFor(1, 0), 'ceremony/invalid-trustee-count');
    refuse({ ...parametersFor(2, 3), context: new Uint8Array(8) }, 'ceremony/invalid-context');
    assert.throws(() => dealShares(group, parametersFor(2, 3), 4, keys), {
      code: 'ceremony/index-out-of-range',
    });
    assert.throws(() => createTrusteeKey(group, utf8('election'), 0), {
      code: 'ceremony/index-out-of-range',
    });
    assert.throws(() => createTrusteeKey(group, new Uint8Array(0), 1), {
      code: 'ceremony/invalid-context',
    });
  });

  test('a missing share, bad commitments or a repeated message disqualify the dealer', () => {
    const parameters = parametersFor(2, 5);
    const run = runCeremony(group, parameters, 'transcript-faults');
    const { transcript } = run;
    const withoutShare = transcript.encryptedShares.filter(
      (s) => !(s.dealer === 3 && s.recipient === 1)
    );
    const forged = { ...at(transcript.commitments, 1), dealer: 1 }; // dealer 2's message claimed by 1
    const outcome = concludeCeremony(group, parameters, {
      ...transcript,
      encryptedShares: [
        ...withoutShare,
        defined(transcript.encryptedShares.find((s) => s.dealer === 4)),
      ],
      commitments: [forged, ...transcript.commitments.slice(1)],
    });
    assert.ok(outcome.ok);
    assert.deepEqual(
      outcome.value.disqualified.map((d) => [d.dealer, d.code]),
      [
        [1, 'ceremony/invalid-commitments'],
        [3, 'ceremony/missing-share'],
        [4, 'ceremony/duplicate-message'],
      ]
    );
    assert.deepEqual(outcome.value.qualified, [2, 5]);
  });

  test('an identity or repeated trustee key stops the ceremony and names the trustee', () => {
    const parameters = parametersFor(2, 3);
    const run = runCeremony(group, parameters, 'bad-key');
    const keys = [...run.transcript.trusteeKeys];
    keys[1] = { ...at(keys, 1), publicKey: at(keys, 0).publicKey };
    const outcome = concludeCeremony(group, parameters, { ...run.transcript, trusteeKeys: keys });
    assert.ok(!outcome.ok);
    assert.deepEqual(
      [outcome.error.code, 'trustee' in outcome.error && outcome.error.trustee],
      ['ceremony/invalid-trustee-key', 2]
    );
    assert.throws(() => dealShares(group, parameters, 1, keys), {
      code: 'ceremony/invalid-trustee-key',
    });
    keys[1] = { trustee: 2, publicKey: group.identity };
    const identity = concludeCeremony(group, parameters, { ...run.transcript, trusteeKeys: keys });
    assert.ok(!identity.ok && identity.error.code === 'ceremony/invalid-trustee-key');
    assert.throws(
      () => concludeCeremony(group, parameters, { ...run.transcript, trusteeKeys: keys.slice(1) }),
      {
        code: 'ceremony/mismatched-messages',
      }
    );
  });

  test('a secret share that disagrees with its public verification key is refused', () => {
    const parameters = parametersFor(2, 3);
    const run = runCeremony(group, parameters, 'mismatch');
    const result = succeeded(run);
    const shares = new Map(
      result.qualified.map((i) => [i, evaluatePolynomial(at(run.dealings, i - 1).polynomial, 2)])
    );
    assert.equal(deriveSecretShare(group, result, 2, shares), run.secretShares[1]);
    shares.set(3, addScalars(defined(shares.get(3)), 1n));
    assert.throws(() => deriveSecretShare(group, result, 2, shares), {
      code: 'ceremony/secret-share-mismatch',
    });
    shares.delete(3);
    assert.throws(() => deriveSecretShare(group, result, 2, shares), {
      code: 'ceremony/missing-share',
    });
  });

  test('an election key that sums to the identity is refused', () => {
    // Dealer 2 knows dealer 1's a₁₀ (a test can) and deals a₂₀ = −a₁₀, so K = O.
    const parameters = parametersFor(1, 2);
    const run = runCeremony(group, parameters, 'degenerate');
    const negated = {
      coefficients: [subtractScalars(0n, at(at(run.dealings, 0).polynomial.coefficients, 0))],
    };
    const outcome = concludeCeremony(group, parameters, {
      ...run.transcript,
      commitments: [
        at(run.transcript.commitments, 0),
        commitCoefficients(group, parameters, 2, negated),
      ],
    });
    assert.ok(!outcome.ok);
    assert.equal(outcome.error.code, 'ceremony/degenerate-key');
  });
});
