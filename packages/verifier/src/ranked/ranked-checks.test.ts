import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type CiphertextRow,
  type DecryptionCheckpoint,
  MIX_SHUFFLE_TAGS,
  RANKING_STOP,
  createDecryptionShares,
  encodeU64,
  encryptRanking,
  encryptWithRandomness,
  evaluatePolynomial,
  loadGroup,
  mixProofContext,
  proveShuffle,
  randomPolynomial,
  randomScalar,
  rankedPlaintextLookup,
  rankedRoundTargets,
  shuffleRows,
  combineDecryptionsUnsafe,
} from '@scrutineer/crypto';
import { nth } from '@scrutineer/testkit/nth';
import {
  type RankedCheckId,
  type RankedContestRecord,
  verifyRankedContest,
} from './ranked-checks.ts';
import { rowsInMemory } from './rows.ts';

const group = await loadGroup('sodium');
const baseHash = new Uint8Array(32).fill(4);
const contest = 1;
const candidates = 4;
const polynomial = randomPolynomial(2);
const secretShares = [1, 2, 3].map((l) => evaluatePolynomial(polynomial, l));
const verificationKeys = secretShares.map((x) => group.multiplyBase(x));
const publicKey = group.multiplyBase(evaluatePolynomial(polynomial, 0));
const checkpoint: DecryptionCheckpoint = { size: 7, root: new Uint8Array(32).fill(1) };
const cast = [[2, 1], [4], [1, 2, 3, 4], [], [3, 1]];

function mix(inputs: readonly CiphertextRow[], mixer: number) {
  const { outputs, witness } = shuffleRows(group, publicKey, inputs);
  const proof = proveShuffle(
    group,
    MIX_SHUFFLE_TAGS,
    mixProofContext(baseHash, contest, mixer),
    { publicKey, inputs, outputs },
    witness,
    { secretSums: 'variable-time' }
  );
  return { mixer, inputs, outputs, proof };
}

/** Decrypts the rows round by round with trustees 1 and 2 (and `extra` shares) and publishes. */
function decrypt(rows: readonly CiphertextRow[]) {
  const lookup = rankedPlaintextLookup(group, candidates);
  let prefixes: number[][] = rows.map(() => []);
  const rounds: RankedContestRecord['rounds'][number][] = [];
  for (let position = 0; prefixes.some((p) => !p.includes(RANKING_STOP)); position++) {
    const targets = rankedRoundTargets(contest, rows, prefixes, position);
    const submissions = [1, 2].map((l) => ({
      trustee: l,
      shares: createDecryptionShares(
        group,
        baseHash,
        { trustee: l, secretShare: nth(secretShares, l - 1), checkpoint },
        targets
      ),
    }));
    const combined = combineDecryptionsUnsafe(group, {
      baseHash,
      threshold: 2,
      verificationKeys,
      targets,
      submissions,
    });
    assert.ok(combined.ok);
    const next = prefixes.map((p) => [...p]);
    targets.forEach((t, i) =>
      nth(next, t.row).push(lookup(nth(combined.value.plaintextPoints, i)) ?? -1)
    );
    prefixes = next;
    rounds.push({ position, submissions });
  }
  return { rounds, rankings: prefixes.map((p) => p.slice(0, p.indexOf(RANKING_STOP))) };
}

function honestRecord(): RankedContestRecord {
  const ballots = cast.map((ranking, i) => {
    const credential = encodeU64(500 + i);
    const { ciphertexts, proof } = encryptRanking(
      group,
      publicKey,
      { baseHash, bindings: [credential, encodeU64(contest)] },
      candidates,
      ranking
    );
    return { credential, ciphertexts, proof };
  });
  const m1 = mix(
    ballots.map((b) => b.ciphertexts),
    1
  );
  const m2 = mix(m1.outputs, 2);
  const m3 = mix(m2.outputs, 3);
  return {
    baseHash,
    publicKey,
    contest,
    candidates,
    threshold: 2,
    verificationKeys,
    ballots,
    mixes: [m1, m2, m3],
    ...decrypt(m3.outputs),
  };
}

const honest = honestRecord();

function failed(record: RankedContestRecord): RankedCheckId[] {
  return verifyRankedContest(group, record)
    .filter((r) => r.status === 'failed')
    .map((r) => r.id);
}

describe('V10: the checks of a ranked contest (spec §11.9)', () => {
  test('an honest contest passes every V10 check and publishes the cast multiset', () => {
    const results = verifyRankedContest(group, honest);
    assert.deepEqual(
      results.map((r) => r.status),
      ['passed', 'passed', 'passed', 'passed', 'passed']
    );
    const key = (r: readonly number[]) => r.join('>');
    assert.deepEqual(honest.rankings.map(key).sort(), cast.map(key).sort());
  });

  test('V10.1 alone: a ranked ballot whose proof was altered', () => {
    const ballots = [...honest.ballots];
    const b = nth(ballots, 2);
    ballots[2] = { ...b, proof: { ...b.proof, s1: (b.proof.s1 + 1n) % 2n ** 252n } };
    const results = verifyRankedContest(group, { ...honest, ballots });
    assert.deepEqual(failed({ ...honest, ballots }), ['V10.1']);
    assert.equal(nth(results, 0).failures[0]?.ballot, 2);
  });

  test('V10.1 alone: a proof moved to another credential', () => {
    const ballots = [...honest.ballots];
    ballots[0] = { ...nth(ballots, 0), credential: encodeU64(999) };
    assert.deepEqual(failed({ ...honest, ballots }), ['V10.1']);
  });

  /** Mixer 2 cheats in `tamper`; mixer 3 and the trustees then work honestly on its output. */
  function cheatingMixer2(tamper: (rows: CiphertextRow[]) => CiphertextRow[]): RankedContestRecord {
    const m1 = nth(honest.mixes, 0);
    const m2 = nth(honest.mixes, 1);
    const bad = { ...m2, outputs: tamper([...rowsInMemory(group, m2.outputs)]) };
    const m3 = mix(bad.outputs, 3);
    return { ...honest, mixes: [m1, bad, m3], ...decrypt(m3.outputs) };
  }

  for (const [name, tamper] of [
    [
      'drops one ballot and duplicates another',
      (rows: CiphertextRow[]) => ((rows[0] = nth(rows, 1)), rows),
    ],
    [
      'replaces one ballot by an encryption of its own',
      (rows: CiphertextRow[]) => (
        (rows[3] = [1, 2, 0, 3, 4].map((m) =>
          encryptWithRandomness(group, publicKey, BigInt(m), randomScalar())
        )),
        rows
      ),
    ],
    ['drops one ballot', (rows: CiphertextRow[]) => rows.slice(1)],
  ] as const) {
    test(`V10.2 alone, attributed to mixer 2: a mixer that ${name}`, () => {
      const record = cheatingMixer2(tamper);
      const results = verifyRankedContest(group, record);
      assert.deepEqual(failed(record), ['V10.2']);
      assert.deepEqual(
        nth(results, 1).failures.map((f) => f.mixer),
        [2]
      );
    });
  }

  test("V10.2 with checked mixes (the board's cache): their proofs are not verified again, their chaining is", () => {
    const record = cheatingMixer2((rows) => ((rows[0] = nth(rows, 1)), rows));
    // Told that mixer 2 was checked, the proof is skipped: the caller vouches for it.
    assert.deepEqual(failed({ ...record, checkedMixes: new Set([2]) }), []);
    // The chaining still holds the cache to the rows: a checked mixer on another input fails.
    const m1 = nth(honest.mixes, 0);
    const m2 = nth(honest.mixes, 1);
    const detached = {
      ...honest,
      mixes: [m1, { ...m2, inputs: m2.outputs }, nth(honest.mixes, 2)],
    };
    const results = verifyRankedContest(group, { ...detached, checkedMixes: new Set([1, 2, 3]) });
    assert.deepEqual(
      nth(results, 1).failures.map((f) => f.mixer),
      [2]
    );
  });

  test('V10.2: mixers out of order fail it, and V10.3–V10.5 after it are not reached', () => {
    const [m1, m2, m3] = [nth(honest.mixes, 0), nth(honest.mixes, 1), nth(honest.mixes, 2)];
    const record = { ...honest, mixes: [m1, { ...m2, mixer: 3 }, m3] };
    assert.deepEqual(
      verifyRankedContest(group, record).map((r) => r.status),
      ['passed', 'failed', 'not-reached', 'not-reached', 'not-reached']
    );
  });

  test('V10.2: a mixer whose proof used generators with a known discrete log, attributed to it', () => {
    const m1 = nth(honest.mixes, 0);
    const { outputs, witness } = shuffleRows(group, publicKey, rowsInMemory(group, m1.outputs));
    const trapdoor = Array.from({ length: cast.length + 1 }, () =>
      group.multiplyBase(randomScalar())
    );
    const proof = proveShuffle(
      group,
      MIX_SHUFFLE_TAGS,
      mixProofContext(baseHash, contest, 2),
      { publicKey, inputs: rowsInMemory(group, m1.outputs), outputs },
      witness,
      { generators: trapdoor }
    );
    const m3 = mix(outputs, 3);
    const record = {
      ...honest,
      mixes: [m1, { mixer: 2, inputs: m1.outputs, outputs, proof }, m3],
      ...decrypt(m3.outputs),
    };
    assert.deepEqual(failed(record), ['V10.2']);
    assert.deepEqual(
      nth(verifyRankedContest(group, record), 1).failures.map((f) => f.mixer),
      [2]
    );
  });

  test('V10.3: a trustee share with a bad proof is attributed to that trustee; with only k trustees the round fails (V10.4, V10.5); with k + 1 it is absorbed', () => {
    const rounds = [...honest.rounds];
    const round = nth(rounds, 0);
    const sub = nth(round.submissions, 1);
    const shares = [...sub.shares];
    shares[0] = { ...nth(shares, 0), share: group.add(nth(shares, 0).share, group.generator) };
    rounds[0] = { ...round, submissions: [nth(round.submissions, 0), { ...sub, shares }] };
    const results = verifyRankedContest(group, { ...honest, rounds });
    assert.deepEqual(
      nth(results, 2).faults.map((f) => f.trustee),
      [2]
    );
    assert.deepEqual(failed({ ...honest, rounds }), ['V10.4', 'V10.5']);
    // With a third trustee's valid shares the bad ones are set aside: a fault, no failure.
    const targets = rankedRoundTargets(
      contest,
      rowsInMemory(group, nth(honest.mixes, 2).outputs),
      honest.rankings.map(() => []),
      0
    );
    const third = {
      trustee: 3,
      shares: createDecryptionShares(
        group,
        baseHash,
        { trustee: 3, secretShare: nth(secretShares, 2), checkpoint },
        targets
      ),
    };
    const absorbed = [
      { ...nth(rounds, 0), submissions: [...nth(rounds, 0).submissions, third] },
      ...rounds.slice(1),
    ];
    assert.deepEqual(failed({ ...honest, rounds: absorbed }), []);
    assert.deepEqual(
      nth(verifyRankedContest(group, { ...honest, rounds: absorbed }), 2).faults.map(
        (f) => f.trustee
      ),
      [2]
    );
  });

  test('V10.4 alone: an extra round that decrypts positions past STOP', () => {
    const last = nth(honest.rounds, honest.rounds.length - 1);
    const rounds = [...honest.rounds, { ...last, position: honest.rounds.length }];
    assert.deepEqual(failed({ ...honest, rounds }), ['V10.4']);
  });

  test('V10.4 and V10.5: the rounds stop before every row reaches STOP, so the rankings are unconfirmed', () => {
    assert.deepEqual(failed({ ...honest, rounds: honest.rounds.slice(0, 1) }), ['V10.4', 'V10.5']);
  });

  test('V10.5 alone: a published ranking differs from its decryption', () => {
    const rankings = honest.rankings.map((r) => [...r]);
    const i = rankings.findIndex((r) => r.length >= 2);
    const r = nth(rankings, i);
    rankings[i] = [nth(r, 1), nth(r, 0), ...r.slice(2)];
    assert.deepEqual(failed({ ...honest, rankings }), ['V10.5']);
  });
});
