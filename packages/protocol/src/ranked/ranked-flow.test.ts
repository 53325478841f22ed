import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type DecryptionCheckpoint,
  encodeU64,
  encryptRanking,
  evaluatePolynomial,
  loadGroup,
  randomPolynomial,
  verifyRankedBallot,
} from '@scrutineer/crypto';
import { nth } from '@scrutineer/testkit/nth';
import { firstFaultyMixer, mixRankedRows } from './mix-cascade.ts';
import {
  type RankedRound,
  combineRankedRound,
  rankingsOfPrefixes,
  roundTargets,
  trusteeRankedShares,
} from './ranked-decryption.ts';

const group = await loadGroup('sodium');
const baseHash = new Uint8Array(32).fill(5);
const candidates = 5;
const contest = 0;
// 3-of-5 trustees: shares xₗ = f(l) of x = f(0).
const polynomial = randomPolynomial(3);
const secretShares = [1, 2, 3, 4, 5].map((l) => evaluatePolynomial(polynomial, l));
const verificationKeys = secretShares.map((x) => group.multiplyBase(x));
const publicKey = group.multiplyBase(evaluatePolynomial(polynomial, 0));
const checkpoint: DecryptionCheckpoint = { size: 1, root: new Uint8Array(32) };

const rankings = [[1, 2, 3, 4, 5], [3], [], [5, 1], [2, 4, 3], [3], [4, 5, 1, 2], [1]];
const ballots = rankings.map((ranking, i) => {
  const context = { baseHash, bindings: [encodeU64(1000 + i), encodeU64(contest)] };
  const ballot = encryptRanking(group, publicKey, context, candidates, ranking);
  assert.ok(
    verifyRankedBallot(group, publicKey, context, candidates, ballot.ciphertexts, ballot.proof)
  );
  return ballot.ciphertexts;
});

function cascade() {
  const steps = [];
  let rows = ballots;
  for (const mixer of [1, 2, 3]) {
    const step = mixRankedRows(group, { baseHash, publicKey, contest, mixer, inputs: rows });
    steps.push(step);
    rows = step.outputs.map((r) => [...r]);
  }
  return steps;
}

describe('ranked contest end to end: 8 ballots, 3 mix servers, 3-of-5 trustees (spec §11.5–§11.6)', () => {
  const steps = cascade();
  const last = nth(steps, steps.length - 1).outputs;

  test('every mix holds, and the decrypted rankings are the cast multiset; no tail position is decrypted', () => {
    assert.equal(firstFaultyMixer(group, baseHash, publicKey, contest, ballots, steps), null);
    let prefixes: (readonly number[])[] = last.map(() => []);
    let decrypted = 0;
    for (let position = 0; position <= candidates; position++) {
      const round: RankedRound = { contest, rows: last, prefixes, position };
      decrypted += roundTargets(round).length;
      const submissions = [1, 3, 5].map((l) => ({
        trustee: l,
        shares: trusteeRankedShares(
          group,
          baseHash,
          { trustee: l, secretShare: nth(secretShares, l - 1), checkpoint },
          round
        ),
      }));
      const outcome = combineRankedRound(group, {
        baseHash,
        threshold: 3,
        verificationKeys,
        candidates,
        round,
        submissions,
      });
      assert.ok(outcome.ok);
      prefixes = outcome.prefixes.map((p) => [...p]);
      if (outcome.done) break;
    }
    const published = rankingsOfPrefixes(candidates, prefixes);
    assert.ok(published);
    const key = (r: readonly number[]) => r.join('>');
    assert.deepEqual(published.map(key).sort(), rankings.map(key).sort());
    // Only the ranked positions and each STOP: Σ (length + 1).
    assert.equal(
      decrypted,
      rankings.reduce((sum, r) => sum + r.length + 1, 0)
    );
  });

  test('a trustee whose share is for another row is attributed and left out; 3 honest still decrypt', () => {
    const round: RankedRound = { contest, rows: last, prefixes: last.map(() => []), position: 0 };
    const shares = (l: number) =>
      trusteeRankedShares(
        group,
        baseHash,
        { trustee: l, secretShare: nth(secretShares, l - 1), checkpoint },
        round
      );
    const bad = shares(2);
    const swapped = [nth(bad, 1), nth(bad, 0), ...bad.slice(2)];
    const outcome = combineRankedRound(group, {
      baseHash,
      threshold: 3,
      verificationKeys,
      candidates,
      round,
      submissions: [
        { trustee: 2, shares: swapped },
        ...[1, 3, 4].map((l) => ({ trustee: l, shares: shares(l) })),
      ],
    });
    assert.ok(outcome.ok);
    assert.deepEqual(
      outcome.faults.map((f) => [f.trustee, f.code]),
      [[2, 'decryption/invalid-proof']]
    );
  });

  test('a cascade whose second mixer drops one ballot and duplicates another is attributed to mixer 2', () => {
    const cheat = steps.map((s) => ({ ...s }));
    const outputs = [...nth(cheat, 1).outputs];
    outputs[0] = nth(outputs, 1);
    cheat[1] = { ...nth(cheat, 1), outputs };
    cheat[2] = { ...nth(cheat, 2), inputs: outputs };
    assert.equal(firstFaultyMixer(group, baseHash, publicKey, contest, ballots, cheat), 2);
  });

  test("a mixer whose input is not its predecessor's output is attributed", () => {
    const cheat = [nth(steps, 0), { ...nth(steps, 1), inputs: ballots }, nth(steps, 2)];
    assert.equal(firstFaultyMixer(group, baseHash, publicKey, contest, ballots, cheat), 2);
  });

  test('a proof made for mixer 1 does not count for mixer 3 (the mixer index is bound)', () => {
    assert.equal(
      firstFaultyMixer(group, baseHash, publicKey, contest, ballots, [
        { ...nth(steps, 0), mixer: 3 },
      ]),
      3
    );
  });
});
