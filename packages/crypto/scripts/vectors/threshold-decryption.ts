/**
 * @module Vector area `threshold-decryption` (spec §8): the keys of a seeded 3-of-5 ceremony,
 * aggregate ciphertexts (one of them empty, α = O), every trustee's decryption shares with the
 * exact challenge input of their proofs, a tampered share that must fail, and combinations by
 * Lagrange interpolation at 0 for two sets of k trustees and one set of k − 1 (which must miss).
 */
import assert from 'node:assert/strict';
import {
  type DecryptionShare,
  type DecryptionTarget,
  DomainTag,
  type Group,
  aggregateBindings,
  bytesToHex,
  chaumPedersenChallenge,
  combineSharesUnsafe,
  createDecryptionShares,
  decodeCiphertext,
  decodeDecryptionShare,
  decryptionProofContext,
  encodeCiphertext,
  encodeDecryptionShare,
  encryptWithRandomness,
  hexToBytes,
  lagrangeCoefficientsAtZero,
  multiplyScalars,
  addScalars,
  nobleGroup,
  sumCiphertexts,
  utf8,
  verifyDecryptionShare,
  zeroCiphertext,
  sha256,
} from '../../src/index.ts';
import { runCeremony } from '../../src/ceremony/run-ceremony.helpers.ts';
import type { SeededRandom } from '../../src/test-helpers/seeded-random.ts';
import {
  type SeededContent,
  type VectorArea,
  casesOf,
  challengeInputHex,
  pointHex,
  readPoint,
  readScalar,
  scalarHex,
  seededArea,
} from './vector-file.ts';

const SEED = 'scrutineer/vectors/threshold-decryption/v1';

interface DecryptionCase {
  readonly name: string;
  /** h, the election base hash (§9.3). */
  readonly baseHash: string;
  /** The board checkpoint every share binds (§8.2): size (decimal) and Merkle root (hex). */
  readonly checkpoint: { readonly size: string; readonly root: string };
  readonly threshold: string;
  readonly electionKey: string;
  /** V₁…Vₙ and x₁…xₙ from the ceremony. */
  readonly verificationKeys: readonly string[];
  readonly secretShares: readonly string[];
  /** Aggregates: (contest, option), α ‖ β, and the total they encrypt. */
  readonly targets: readonly {
    readonly contest: string;
    readonly option: string;
    readonly ciphertext: string;
    readonly total: string;
  }[];
  /** D1 = u32le trustee ‖ D ‖ A₁ ‖ A₂ ‖ z for each (trustee, target); `valid` false for the tampered one. */
  readonly shares: readonly {
    readonly trustee: string;
    readonly target: string;
    readonly challengeInput: string;
    readonly challenge: string;
    readonly message: string;
    readonly valid: boolean;
  }[];
  /** M = β − Σ λₗ·Dₗ per target for a set S of trustees; `correct` says whether M = total·G. */
  readonly combinations: readonly {
    readonly trustees: readonly string[];
    readonly lagrangeCoefficients: readonly string[];
    readonly plaintextPoints: readonly string[];
    readonly correct: boolean;
  }[];
}

function targetAt(targets: readonly DecryptionTarget[], t: number): DecryptionTarget {
  const target = targets[t];
  assert.ok(target);
  return target;
}

function targetOf(group: Group, t: DecryptionCase['targets'][number]): DecryptionTarget {
  return {
    ciphertext: decodeCiphertext(group, hexToBytes(t.ciphertext), { allowIdentity: true }),
    bindings: aggregateBindings(Number(t.contest), Number(t.option)),
  };
}

function shareRow(
  group: Group,
  baseHash: Uint8Array,
  verificationKey: ReturnType<Group['multiplyBase']>,
  target: DecryptionTarget,
  targetIndex: number,
  share: DecryptionShare
) {
  const context = decryptionProofContext(group, baseHash, share.trustee, share.checkpoint, target);
  const statement = {
    base1: group.generator,
    value1: verificationKey,
    base2: target.ciphertext.alpha,
    value2: share.share,
  };
  const points = [
    statement.base1,
    statement.value1,
    statement.base2,
    statement.value2,
    share.proof.commitment1,
    share.proof.commitment2,
  ];
  return {
    trustee: String(share.trustee),
    target: String(targetIndex),
    challengeInput: challengeInputHex(DomainTag.decryptionProof, baseHash, [
      ...context.bindings,
      ...points.map((p) => group.encodePoint(p)),
    ]),
    challenge: scalarHex(
      chaumPedersenChallenge(
        group,
        DomainTag.decryptionProof,
        context,
        statement,
        share.proof.commitment1,
        share.proof.commitment2
      )
    ),
    message: bytesToHex(encodeDecryptionShare(group, share)),
    valid: verifyDecryptionShare(group, baseHash, verificationKey, target, share),
  };
}

function makeThresholdVectors(random: SeededRandom): SeededContent<DecryptionCase> {
  const group = nobleGroup;
  const parameters = { context: sha256(utf8(SEED)), trusteeCount: 5, threshold: 3 };
  const run = runCeremony(group, parameters, `${SEED}/ceremony`);
  assert.ok(run.outcome.ok);
  const { electionKey, verificationKeys } = run.outcome.value;
  const baseHash = random.bytes(32);
  // Derived, not drawn, so the seeded values of the version without a checkpoint stay as they were.
  const checkpoint = { size: 42, root: sha256(utf8(`${SEED}/checkpoint`)) };
  const ballots = [
    [1n, 0n],
    [0n, 1n],
    [1n, 0n],
    [1n, 0n],
  ];
  const targets: DecryptionTarget[] = [0, 1].map((option) => ({
    ciphertext: sumCiphertexts(
      group,
      ballots.map((b) =>
        encryptWithRandomness(group, electionKey, b[option] ?? 0n, random.scalar())
      )
    ),
    bindings: aggregateBindings(0, option),
  }));
  targets.push({ ciphertext: zeroCiphertext(group), bindings: aggregateBindings(1, 0) });
  const totals = [3n, 1n, 0n];
  const byTrustee = run.secretShares.map((secretShare, position) =>
    createDecryptionShares(
      group,
      baseHash,
      { trustee: position + 1, secretShare, checkpoint },
      targets,
      () => random.scalar()
    )
  );
  const shares = byTrustee.flatMap((batch, position) =>
    batch.map((share, t) =>
      shareRow(
        group,
        baseHash,
        verificationKeys[position] ?? group.identity,
        targetAt(targets, t),
        t,
        share
      )
    )
  );
  // Trustee 2's share of target 0 with D + G and the original proof: must fail.
  const honest = byTrustee[1]?.[0];
  assert.ok(honest);
  shares.push(
    shareRow(group, baseHash, verificationKeys[1] ?? group.identity, targetAt(targets, 0), 0, {
      ...honest,
      share: group.add(honest.share, group.generator),
    })
  );
  const combination = (set: readonly number[]) => {
    const points = targets.map((target, t) =>
      combineSharesUnsafe(
        group,
        target.ciphertext,
        set.map((l) => byTrustee[l - 1]?.[t] ?? honest)
      )
    );
    return {
      trustees: set.map(String),
      lagrangeCoefficients: lagrangeCoefficientsAtZero(set).map(scalarHex),
      plaintextPoints: points.map((p) => pointHex(group, p)),
      correct: points.every((p, t) => group.equals(p, group.multiplyBase(totals[t] ?? 0n))),
    };
  };
  return {
    description:
      'Spec §8: threshold decryption after a 3-of-5 ceremony. Per share: D = x·α and a §5.5 ' +
      'Chaum–Pedersen proof in context (h; u64le(trustee), u64le(checkpoint size), checkpoint root, ' +
      'u64le(contest), u64le(option), α ‖ β) ' +
      '(eq. 8.1; challengeInput is the exact SHA-512 input); D1 = u32le trustee ‖ D ‖ A₁ ‖ A₂ ‖ z. ' +
      'One tampered share (valid: false). Combinations: λₗ = Π_{j∈S, j≠l} j/(j − l) mod ℓ and ' +
      'M = β − Σ λₗ·Dₗ (eq. 8.2–8.3) for two sets of 3 trustees (correct: M = total·G) and one set ' +
      'of 2 (correct: false). Target 2 is an empty aggregate (α = β = O), which every set decrypts ' +
      'to 0. Scalars are 32-byte little-endian hex, points canonical 32-byte hex, integers decimal strings.',
    cases: [
      {
        name: '3-of-5, two option totals and an empty aggregate',
        baseHash: bytesToHex(baseHash),
        checkpoint: { size: String(checkpoint.size), root: bytesToHex(checkpoint.root) },
        threshold: '3',
        electionKey: pointHex(group, electionKey),
        verificationKeys: verificationKeys.map((v) => pointHex(group, v)),
        secretShares: run.secretShares.map(scalarHex),
        targets: targets.map((target, t) => ({
          contest: t < 2 ? '0' : '1',
          option: t < 2 ? String(t) : '0',
          ciphertext: bytesToHex(encodeCiphertext(group, target.ciphertext)),
          total: String(totals[t]),
        })),
        shares,
        combinations: [combination([1, 2, 3]), combination([2, 4, 5]), combination([1, 5])],
      },
    ],
  };
}

function checkThresholdVectors(content: unknown, group: Group): void {
  for (const c of casesOf<DecryptionCase>(content)) {
    const baseHash = hexToBytes(c.baseHash);
    const checkpoint = { size: Number(c.checkpoint.size), root: hexToBytes(c.checkpoint.root) };
    const k = Number(c.threshold);
    const verificationKeys = c.verificationKeys.map((v) => readPoint(group, v));
    const secretShares = c.secretShares.map(readScalar);
    secretShares.forEach((x, i) =>
      assert.ok(group.equals(group.multiplyBase(x), verificationKeys[i] ?? group.identity), c.name)
    );
    // Any k shares interpolate the secret behind K (§8.3); here the first k.
    const first = Array.from({ length: k }, (_, i) => i + 1);
    const secret = lagrangeCoefficientsAtZero(first).reduce(
      (sum, lambda, i) => addScalars(sum, multiplyScalars(lambda, secretShares[i] ?? 0n)),
      0n
    );
    assert.equal(pointHex(group, group.multiplyBase(secret)), c.electionKey, c.name);
    const targets = c.targets.map((t) => targetOf(group, t));
    const valid = new Map<string, DecryptionShare>();
    for (const row of c.shares) {
      const share = decodeDecryptionShare(
        group,
        verificationKeys.length,
        checkpoint,
        hexToBytes(row.message)
      );
      const target = targets[Number(row.target)];
      const verificationKey = verificationKeys[share.trustee - 1];
      assert.ok(target && verificationKey && String(share.trustee) === row.trustee, c.name);
      assert.deepEqual(
        shareRow(group, baseHash, verificationKey, target, Number(row.target), share),
        row,
        c.name
      );
      if (row.valid) {
        assert.ok(
          group.equals(
            share.share,
            group.multiply(target.ciphertext.alpha, secretShares[share.trustee - 1] ?? 0n)
          ),
          c.name
        );
        valid.set(`${row.trustee}:${row.target}`, share);
      }
    }
    for (const combination of c.combinations) {
      const set = combination.trustees.map(Number);
      assert.deepEqual(
        lagrangeCoefficientsAtZero(set).map(scalarHex),
        combination.lagrangeCoefficients,
        c.name
      );
      const points = targets.map((target, t) => {
        const shares = set.map((l) => valid.get(`${l}:${t}`));
        assert.ok(
          shares.every((s) => s !== undefined),
          c.name
        );
        return combineSharesUnsafe(group, target.ciphertext, shares);
      });
      assert.deepEqual(
        points.map((p) => pointHex(group, p)),
        combination.plaintextPoints,
        c.name
      );
      const correct = points.every((p, t) =>
        group.equals(p, group.multiplyBase(BigInt(c.targets[t]?.total ?? '0')))
      );
      assert.equal(correct, combination.correct, c.name);
      assert.equal(correct, set.length >= k, c.name);
    }
  }
}

export const thresholdDecryptionVectors: VectorArea = seededArea({
  file: 'threshold-decryption.json',
  seed: SEED,
  make: makeThresholdVectors,
  check: checkThresholdVectors,
});
