import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nobleGroup } from '../backends/noble.ts';
import { loadGroup } from '../backends/load-group.ts';
import { encodeU64 } from '../bytes.ts';
import { decryptToPoint, encryptWithRandomness } from '../elgamal.ts';
import { modOrder, randomScalar } from '../scalar.ts';
import { encodeCiphertext } from '../elgamal.ts';
import type { ProofContext } from '../proof-context.ts';
import {
  RANKING_TAGS,
  RankingError,
  encryptRanking,
  publicRankingVector,
  rankingFromPrefix,
  rankingVector,
  verifyRankedBallot,
} from './ranked-ballot.ts';
import { rankedPlaintextLookup } from './ranked-decryption.ts';
import { MIX_SHUFFLE_TAGS, encodeShuffleProof, proveShuffle } from './shuffle.ts';

const sodium = await loadGroup('sodium');
const credential = new Uint8Array(32).fill(9);
const context: ProofContext = {
  baseHash: new Uint8Array(32).fill(3),
  bindings: [credential, encodeU64(0)],
};

describe('ranking vector (spec §11.2)', () => {
  test('ranked candidates, STOP, then the unranked ascending', () => {
    assert.deepEqual(rankingVector(5, [3, 1]), [3, 1, 0, 2, 4, 5]);
    assert.deepEqual(rankingVector(3, []), [0, 1, 2, 3]);
    assert.deepEqual(rankingVector(3, [2, 3, 1]), [2, 3, 1, 0]);
  });
  test('a candidate twice or out of range is refused', () => {
    assert.throws(() => rankingVector(3, [1, 1]), RankingError);
    assert.throws(() => rankingVector(3, [4]), RankingError);
    assert.throws(() => rankingVector(3, [0]), RankingError);
  });
  test('rankingFromPrefix reads up to STOP and refuses malformed prefixes', () => {
    assert.deepEqual(rankingFromPrefix(5, [3, 1, 0]), [3, 1]);
    assert.deepEqual(rankingFromPrefix(5, [0]), []);
    assert.equal(rankingFromPrefix(5, [3, 3, 0]), null);
    assert.equal(rankingFromPrefix(5, [3, 1]), null);
  });
});

for (const group of [nobleGroup, sodium]) {
  describe(`ranked ballot proof (spec §11.2), ${group.backend} backend`, () => {
    const secret = randomScalar();
    const key = group.multiplyBase(secret);
    const lookup = rankedPlaintextLookup(group, 5);

    test('any ranking of 5 (truncated or full) verifies and decrypts to its vector', () => {
      fc.assert(
        fc.property(fc.shuffledSubarray([1, 2, 3, 4, 5]), (ranking) => {
          const ballot = encryptRanking(group, key, context, 5, ranking);
          assert.ok(verifyRankedBallot(group, key, context, 5, ballot.ciphertexts, ballot.proof));
          const values = ballot.ciphertexts.map((c) => lookup(decryptToPoint(group, secret, c)));
          assert.deepEqual(values, rankingVector(5, ranking));
        }),
        { numRuns: group.backend === 'noble' ? 5 : 20 }
      );
    });

    test('bound to the credential and contest: another binding fails', () => {
      const ballot = encryptRanking(group, key, context, 5, [2]);
      for (const bindings of [
        [new Uint8Array(32).fill(8), encodeU64(0)],
        [credential, encodeU64(1)],
      ]) {
        assert.equal(
          verifyRankedBallot(
            group,
            key,
            { ...context, bindings },
            5,
            ballot.ciphertexts,
            ballot.proof
          ),
          false
        );
      }
    });
  });
}

describe('a malformed ranked ballot fails its proof (spec §11.2)', () => {
  const group = sodium;
  const key = group.multiplyBase(randomScalar());
  const honest = encryptRanking(group, key, context, 5, [4, 2, 5]);
  const replaced = (position: number, value: number) =>
    honest.ciphertexts.map((c, i) =>
      i === position ? encryptWithRandomness(group, key, BigInt(value), randomScalar()) : c
    );

  test('control', () =>
    assert.ok(verifyRankedBallot(group, key, context, 5, honest.ciphertexts, honest.proof)));
  test('a candidate ranked twice', () =>
    assert.equal(verifyRankedBallot(group, key, context, 5, replaced(1, 4), honest.proof), false));
  test('a value out of range (a "candidate" 7, or a weight of 2 votes)', () =>
    assert.equal(verifyRankedBallot(group, key, context, 5, replaced(0, 7), honest.proof), false));
  test('one ciphertext too many or too few', () => {
    assert.equal(
      verifyRankedBallot(group, key, context, 5, honest.ciphertexts.slice(1), honest.proof),
      false
    );
    assert.equal(
      verifyRankedBallot(group, key, context, 4, honest.ciphertexts, honest.proof),
      false
    );
  });
  test('a mix proof over the same statement does not stand for a ballot proof (separate tags)', () => {
    const vector = rankingVector(5, [4, 2, 5]);
    const proof = proveShuffle(
      group,
      MIX_SHUFFLE_TAGS,
      context,
      {
        publicKey: key,
        inputs: vector.map((_, j) => [
          { alpha: group.identity, beta: group.multiplyUnsafe(group.generator, BigInt(j)) },
        ]),
        outputs: honest.ciphertexts.map((c) => [c]),
      },
      { permutation: vector, randomness: honest.randomness.map((r) => [r]) }
    );
    assert.equal(verifyRankedBallot(group, key, context, 5, honest.ciphertexts, proof), false);
  });
});

/** The same pseudo-random scalars on every call of a fresh source (tests only). */
function replayableSource(): () => bigint {
  let state = 0x9e3779b97f4a7c15n;
  return () => (state = modOrder(state * 0x5851f42d4c957f2dn + 0x14057b7ef767814fn));
}

describe("the booth's shortcuts give the generic prover's very bytes (spec §11.2)", () => {
  for (const group of [nobleGroup, sodium]) {
    test(`${group.backend}: encryptRanking = encryptWithRandomness + proveShuffle`, () => {
      const key = group.multiplyBase(randomScalar());
      const candidates = 10;
      const ranking = [3, 1, 7, 10, 2];
      const ballot = encryptRanking(group, key, context, candidates, ranking, {
        source: replayableSource(),
      });
      const source = replayableSource();
      const vector = rankingVector(candidates, ranking);
      const randomness = vector.map(() => source());
      const ciphertexts = vector.map((m, i) =>
        encryptWithRandomness(group, key, BigInt(m), randomness[i] as bigint)
      );
      const encode = (cs: readonly { alpha: unknown }[]) =>
        cs.map((c) => Buffer.from(encodeCiphertext(group, c as never)).toString('hex'));
      assert.deepEqual(encode(ballot.ciphertexts), encode(ciphertexts));
      // The generic prover, with its variable-time sums: also checks the booth's constant-time sum.
      const generic = proveShuffle(
        group,
        RANKING_TAGS,
        context,
        {
          publicKey: key,
          inputs: publicRankingVector(group, candidates).map((c) => [c]),
          outputs: ciphertexts.map((c) => [c]),
        },
        { permutation: vector, randomness: randomness.map((r) => [r]) },
        { source, secretSums: 'variable-time' }
      );
      assert.deepEqual(encodeShuffleProof(group, ballot.proof), encodeShuffleProof(group, generic));
    });
  }
});
