/**
 * @module Vector area `shuffle` (spec §11.2–§11.4): the generators Hᵢ hashed from a base hash, a
 * mix server's shuffle of 3 rows of width 2 with every secret given (permutation, re-encryption
 * randomness, nonces), its statement digest d, permutation challenges uⱼ, challenge c and encoded
 * proof, and a ranked ballot of 3 candidates with its well-formedness proof.
 */
import assert from 'node:assert/strict';
import {
  type Ciphertext,
  type CiphertextRow,
  type Group,
  MIX_SHUFFLE_TAGS,
  RANKING_TAGS,
  bytesToHex,
  decodeCiphertext,
  decodeShuffleProof,
  encodeCiphertext,
  encodeShuffleProof,
  encodeU64,
  encryptRanking,
  encryptWithRandomness,
  hexToBytes,
  mixProofContext,
  nobleGroup,
  permutationChallenges,
  proveShuffle,
  shuffleChallenge,
  shuffleGenerators,
  shuffleRows,
  shuffleStatementDigest,
  verifyRankedBallot,
  verifyShuffle,
} from '../../src/index.ts';
import type { SeededRandom } from '../../src/test-helpers/seeded-random.ts';
import {
  type SeededContent,
  type VectorArea,
  casesOf,
  pointHex,
  scalarHex,
  seededArea,
} from './vector-file.ts';

const SEED = 'scrutineer/vectors/shuffle/v1';

interface ShuffleCase {
  readonly name: string;
  readonly kind: 'generators' | 'mix' | 'ranked-ballot';
  readonly baseHash: string;
  readonly bindings: readonly string[];
  /** kind generators: H₀ … H_N. */
  readonly generators?: readonly string[];
  readonly secretKey?: string;
  readonly publicKey?: string;
  /** kind mix: rows of α ‖ β hex. */
  readonly inputs?: readonly (readonly string[])[];
  readonly outputs?: readonly (readonly string[])[];
  readonly permutation?: readonly number[];
  readonly reencryption?: readonly (readonly string[])[];
  /** kind ranked-ballot. */
  readonly candidates?: number;
  readonly ranking?: readonly number[];
  readonly ciphertexts?: readonly string[];
  readonly digest?: string;
  readonly permutationChallenges?: readonly string[];
  readonly challenge?: string;
  readonly proof?: string;
}

const ctHex = (group: Group, c: Ciphertext): string => bytesToHex(encodeCiphertext(group, c));
const readCt = (group: Group, hex: string): Ciphertext =>
  decodeCiphertext(group, hexToBytes(hex), { allowIdentity: true });

function makeShuffleVectors(random: SeededRandom): SeededContent<ShuffleCase> {
  const group = nobleGroup;
  const baseHash = random.bytes(32);
  const secretKey = random.scalar();
  const publicKey = group.multiplyBase(secretKey);
  const inputs: CiphertextRow[] = [
    [1n, 2n],
    [3n, 4n],
    [5n, 6n],
  ].map((row) => row.map((m) => encryptWithRandomness(group, publicKey, m, random.scalar())));
  const context = mixProofContext(baseHash, 0, 1);
  const source = () => random.scalar();
  const { outputs, witness } = shuffleRows(group, publicKey, inputs, {
    permutation: [2, 0, 1],
    source,
  });
  const statement = { publicKey, inputs, outputs };
  const proof = proveShuffle(group, MIX_SHUFFLE_TAGS, context, statement, witness, { source });
  const digest = shuffleStatementDigest(
    group,
    MIX_SHUFFLE_TAGS,
    context,
    statement,
    proof.permutationCommitments
  );

  const ballotContext = { baseHash, bindings: [random.bytes(32), encodeU64(2)] };
  const ballot = encryptRanking(group, publicKey, ballotContext, 3, [2], { source });
  const ballotStatement = {
    publicKey,
    inputs: [0, 1, 2, 3].map((j) => [
      { alpha: group.identity, beta: group.multiplyUnsafe(group.generator, BigInt(j)) },
    ]),
    outputs: ballot.ciphertexts.map((c) => [c]),
  };
  const ballotDigest = shuffleStatementDigest(
    group,
    RANKING_TAGS,
    ballotContext,
    ballotStatement,
    ballot.proof.permutationCommitments
  );
  return {
    description:
      'Spec §11: generators Hᵢ (11.1); a mix shuffle (outputs[i] = inputs[permutation[i]] + Enc(0; reencryption[i][k])) with its ' +
      'digest d (11.2), challenges uⱼ (11.3), c (11.4) and proof encoding (§11.4); a ranked ballot for ranking (2) of 3 candidates, ' +
      'vector (2, 0, 1, 3), with its §11.2 proof. Nonces come from the seeded stream in the order the code draws them, so only ' +
      'the published values, not the nonces, are meant for re-derivation.',
    cases: [
      {
        name: 'generators H₀ … H₄',
        kind: 'generators',
        baseHash: bytesToHex(baseHash),
        bindings: [],
        generators: shuffleGenerators(group, baseHash, 4).map((p) => pointHex(group, p)),
      },
      {
        name: 'mix server 1 of contest 0: 3 rows of width 2',
        kind: 'mix',
        baseHash: bytesToHex(baseHash),
        bindings: context.bindings.map(bytesToHex),
        secretKey: scalarHex(secretKey),
        publicKey: pointHex(group, publicKey),
        inputs: inputs.map((row) => row.map((c) => ctHex(group, c))),
        outputs: outputs.map((row) => row.map((c) => ctHex(group, c))),
        permutation: witness.permutation,
        reencryption: witness.randomness.map((row) => row.map(scalarHex)),
        digest: bytesToHex(digest),
        permutationChallenges: permutationChallenges(MIX_SHUFFLE_TAGS, digest, 3).map(scalarHex),
        challenge: scalarHex(shuffleChallenge(group, MIX_SHUFFLE_TAGS, context, digest, proof)),
        proof: bytesToHex(encodeShuffleProof(group, proof)),
      },
      {
        name: 'ranked ballot: ranking (2) of 3 candidates',
        kind: 'ranked-ballot',
        baseHash: bytesToHex(baseHash),
        bindings: ballotContext.bindings.map(bytesToHex),
        publicKey: pointHex(group, publicKey),
        candidates: 3,
        ranking: [2],
        ciphertexts: ballot.ciphertexts.map((c) => ctHex(group, c)),
        digest: bytesToHex(ballotDigest),
        challenge: scalarHex(
          shuffleChallenge(group, RANKING_TAGS, ballotContext, ballotDigest, ballot.proof)
        ),
        proof: bytesToHex(encodeShuffleProof(group, ballot.proof)),
      },
    ],
  };
}

function checkShuffleVectors(content: unknown, group: Group): void {
  for (const c of casesOf<ShuffleCase>(content)) {
    const baseHash = hexToBytes(c.baseHash);
    const context = { baseHash, bindings: c.bindings.map(hexToBytes) };
    if (c.kind === 'generators') {
      const count = (c.generators ?? []).length - 1;
      assert.deepEqual(
        shuffleGenerators(group, baseHash, count).map((p) => pointHex(group, p)),
        c.generators,
        c.name
      );
      continue;
    }
    const publicKey = group.decodePoint(hexToBytes(c.publicKey ?? ''));
    if (c.kind === 'mix') {
      const inputs = (c.inputs ?? []).map((row) => row.map((h) => readCt(group, h)));
      const outputs = (c.outputs ?? []).map((row) => row.map((h) => readCt(group, h)));
      const statement = { publicKey, inputs, outputs };
      const proof = decodeShuffleProof(
        group,
        hexToBytes(c.proof ?? ''),
        inputs.length,
        inputs[0]?.length ?? 0
      );
      const digest = shuffleStatementDigest(
        group,
        MIX_SHUFFLE_TAGS,
        context,
        statement,
        proof.permutationCommitments
      );
      assert.equal(bytesToHex(digest), c.digest, c.name);
      assert.deepEqual(
        permutationChallenges(MIX_SHUFFLE_TAGS, digest, inputs.length).map(scalarHex),
        c.permutationChallenges,
        c.name
      );
      assert.equal(
        scalarHex(shuffleChallenge(group, MIX_SHUFFLE_TAGS, context, digest, proof)),
        c.challenge,
        c.name
      );
      assert.ok(verifyShuffle(group, MIX_SHUFFLE_TAGS, context, statement, proof), c.name);
    } else {
      const ciphertexts = (c.ciphertexts ?? []).map((h) => readCt(group, h));
      const proof = decodeShuffleProof(group, hexToBytes(c.proof ?? ''), ciphertexts.length, 1);
      assert.ok(
        verifyRankedBallot(group, publicKey, context, c.candidates ?? 0, ciphertexts, proof),
        c.name
      );
    }
  }
}

export const shuffleVectors: VectorArea = seededArea({
  file: 'shuffle.json',
  seed: SEED,
  make: makeShuffleVectors,
  check: checkShuffleVectors,
});
