import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGroup } from '../backends/load-group.ts';
import { nobleGroup } from '../backends/noble.ts';
import { utf8 } from '../bytes.ts';
import type { CeremonyParameters } from '../ceremony/ceremony-parameters.ts';
import type { CeremonyResult } from '../ceremony/conclude-ceremony.ts';
import { type CeremonyRun, at, runCeremony } from '../ceremony/run-ceremony.helpers.ts';
import { encryptWithRandomness, sumCiphertexts, zeroCiphertext } from '../elgamal.ts';
import type { Group } from '../group.ts';
import { sha256 } from '../hash.ts';
import { modOrder } from '../scalar.ts';
import { createSeededRandom } from '../test-helpers/seeded-random.ts';
import {
  type DecryptionSubmission,
  combineDecryptionsUnsafe,
  combineSharesUnsafe,
  recoverPlaintextsUnsafe,
} from './combine.ts';
import {
  type DecryptionTarget,
  aggregateBindings,
  createDecryptionShares,
} from './decryption-share.ts';

const groups: readonly Group[] = [nobleGroup, await loadGroup('sodium')];
const baseHash = sha256(utf8('combine test election'));
const checkpoint = { size: 12, root: sha256(utf8('combine test checkpoint')) };
const parameters: CeremonyParameters = {
  context: sha256(utf8('combine test ceremony')),
  trusteeCount: 5,
  threshold: 3,
};

/** All subsets of {1..n} of the given size, ascending. */
function subsets(n: number, size: number): number[][] {
  if (size === 0) return [[]];
  if (n < size) return [];
  return [...subsets(n - 1, size), ...subsets(n - 1, size - 1).map((s) => [...s, n])];
}

interface Election {
  readonly run: CeremonyRun;
  readonly result: CeremonyResult;
  readonly targets: readonly DecryptionTarget[];
  readonly totals: readonly bigint[];
  readonly submissions: readonly DecryptionSubmission[];
}

/** A ceremony, then three option tallies summed from ballots and one empty aggregate. */
function election(group: Group, seed: string, cheats = {}): Election {
  const run = runCeremony(group, parameters, seed, cheats);
  assert.ok(run.outcome.ok);
  const result = run.outcome.value;
  const random = createSeededRandom(`${seed}/ballots`);
  const votes = [
    [1n, 0n, 0n],
    [0n, 1n, 0n],
    [0n, 1n, 0n],
    [1n, 0n, 0n],
    [0n, 1n, 0n],
  ];
  const targets: DecryptionTarget[] = [0, 1, 2].map((option) => ({
    ciphertext: sumCiphertexts(
      group,
      votes.map((ballot) =>
        encryptWithRandomness(group, result.electionKey, at(ballot, option), random.scalar())
      )
    ),
    bindings: aggregateBindings(0, option),
  }));
  targets.push({ ciphertext: zeroCiphertext(group), bindings: aggregateBindings(1, 0) });
  const totals = [2n, 3n, 0n, 0n];
  const submissions = run.secretShares.map((secretShare, position) => ({
    trustee: position + 1,
    shares: createDecryptionShares(
      group,
      baseHash,
      { trustee: position + 1, secretShare, checkpoint },
      targets,
      () => random.scalar()
    ),
  }));
  return { run, result, targets, totals, submissions };
}

function request(e: Election, submissions: readonly DecryptionSubmission[]) {
  return {
    baseHash,
    threshold: 3,
    verificationKeys: e.result.verificationKeys,
    targets: e.targets,
    submissions,
  };
}

for (const group of groups) {
  describe(`threshold decryption 3-of-5 (${group.backend})`, () => {
    const e = election(group, 'combine');

    test('(8.6): every set of 3 combines, scaled by d, to d·m·G with the small multiples d·λ', () => {
      for (const set of subsets(5, 3)) {
        const shares = set.map((l) => at(e.submissions, l - 1));
        const plain = combineDecryptionsUnsafe(group, request(e, shares));
        const scaled = combineDecryptionsUnsafe(group, { ...request(e, shares), scaled: true });
        assert.ok(plain.ok && scaled.ok, `trustees ${set.join(',')}`);
        assert.equal(plain.value.scale, 1n);
        scaled.value.plaintextPoints.forEach((point, t) => {
          const expected = group.multiplyUnsafe(
            at(plain.value.plaintextPoints, t),
            scaled.value.scale
          );
          assert.ok(group.equals(point, expected), `target ${t}, trustees ${set.join(',')}`);
          assert.ok(
            group.equals(point, group.multiplyBase(modOrder(scaled.value.scale * at(e.totals, t))))
          );
        });
      }
    });

    test('every set of 3 trustees decrypts every aggregate correctly', () => {
      const sets = subsets(5, 3);
      assert.equal(sets.length, 10);
      for (const set of sets) {
        const outcome = combineDecryptionsUnsafe(
          group,
          request(
            e,
            set.map((l) => at(e.submissions, l - 1))
          )
        );
        assert.ok(outcome.ok, `trustees ${set.join(',')}`);
        assert.deepEqual(outcome.value.trustees, set);
        assert.deepEqual(outcome.value.faults, []);
        assert.deepEqual(recoverPlaintextsUnsafe(group, outcome.value.plaintextPoints, 10n), {
          ok: true,
          value: e.totals,
        });
      }
      // With all five submitted, the lowest three are used.
      const all = combineDecryptionsUnsafe(group, request(e, e.submissions));
      assert.ok(all.ok);
      assert.deepEqual(all.value.trustees, [1, 2, 3]);
    });

    test('2 trustees cannot decrypt: interpolation gives the wrong point, and combination refuses', () => {
      for (const pair of subsets(5, 2)) {
        for (let t = 0; t < 3; t++) {
          const shares = pair.map((l) => at(at(e.submissions, l - 1).shares, t));
          const point = combineSharesUnsafe(group, at(e.targets, t).ciphertext, shares);
          assert.ok(
            !group.equals(point, group.multiplyBase(at(e.totals, t))),
            `pair ${pair.join(',')} target ${t}`
          );
        }
        const outcome = combineDecryptionsUnsafe(
          group,
          request(
            e,
            pair.map((l) => at(e.submissions, l - 1))
          )
        );
        assert.ok(!outcome.ok);
        assert.equal(outcome.error.code, 'decryption/too-few-valid-shares');
        assert.deepEqual(outcome.error.valid, pair);
      }
      // Sanity: the same interpolation with 3 shares is right.
      const three = [1, 2, 3].map((l) => at(at(e.submissions, l - 1).shares, 1));
      assert.ok(
        group.equals(
          combineSharesUnsafe(group, at(e.targets, 1).ciphertext, three),
          group.multiplyBase(3n)
        )
      );
    });

    test('a cheating decryption share is caught and named, and another trustee completes the decryption', () => {
      const honest = at(e.submissions, 1);
      const cheating: DecryptionSubmission = {
        trustee: 2,
        shares: honest.shares.map((s, t) =>
          t === 1 ? { ...s, share: group.add(s.share, group.generator) } : s
        ),
      };
      const submissions = [
        at(e.submissions, 0),
        cheating,
        at(e.submissions, 2),
        at(e.submissions, 3),
      ];
      const outcome = combineDecryptionsUnsafe(group, request(e, submissions));
      assert.ok(outcome.ok);
      assert.deepEqual(outcome.value.trustees, [1, 3, 4]);
      assert.equal(outcome.value.faults.length, 1);
      const fault = at(outcome.value.faults, 0);
      assert.deepEqual(
        [fault.trustee, fault.code, fault.targets],
        [2, 'decryption/invalid-proof', [1]]
      );
      assert.deepEqual(recoverPlaintextsUnsafe(group, outcome.value.plaintextPoints, 10n), {
        ok: true,
        value: e.totals,
      });

      // Without a fourth trustee the combination stops and says who failed.
      const stuck = combineDecryptionsUnsafe(group, request(e, submissions.slice(0, 3)));
      assert.ok(!stuck.ok);
      assert.deepEqual(stuck.error.valid, [1, 3]);
      assert.deepEqual(
        stuck.error.faults.map((f) => f.trustee),
        [2]
      );
    });

    test('a trustee proving with a secret other than its ceremony share is caught on every aggregate', () => {
      const random = createSeededRandom('impostor');
      const impostor: DecryptionSubmission = {
        trustee: 4,
        shares: createDecryptionShares(
          group,
          baseHash,
          { trustee: 4, secretShare: random.scalar(), checkpoint },
          e.targets,
          () => random.scalar()
        ),
      };
      const outcome = combineDecryptionsUnsafe(
        group,
        request(e, [impostor, at(e.submissions, 2), at(e.submissions, 4)])
      );
      assert.ok(!outcome.ok);
      // Even on the empty aggregate (α = O) the proof still fails: its first equation ties it to V₄.
      assert.deepEqual(
        outcome.error.faults.map((f) => [f.trustee, f.targets]),
        [[4, [0, 1, 2, 3]]]
      );
      assert.deepEqual(outcome.error.valid, [3, 5]);
    });

    test('malformed submissions are attributed, not thrown', () => {
      const [first, second, third, fourth] = e.submissions as [
        DecryptionSubmission,
        DecryptionSubmission,
        DecryptionSubmission,
        DecryptionSubmission,
      ];
      const outcome = combineDecryptionsUnsafe(
        group,
        request(e, [
          first,
          { trustee: 2, shares: second.shares.slice(1) },
          { trustee: 3, shares: [at(fourth.shares, 0), ...third.shares.slice(1)] },
          { trustee: 9, shares: fourth.shares.map((s) => ({ ...s, trustee: 9 })) },
          first,
          fourth,
          at(e.submissions, 4),
        ])
      );
      assert.ok(outcome.ok);
      assert.deepEqual(
        outcome.value.faults.map((f) => [f.trustee, f.code]),
        [
          [2, 'decryption/wrong-share-count'],
          [3, 'decryption/mixed-trustees'],
          [9, 'decryption/unknown-trustee'],
          [1, 'decryption/duplicate-trustee'],
        ]
      );
      assert.deepEqual(outcome.value.trustees, [1, 4, 5]);
    });

    test('a plaintext beyond the bound is reported', () => {
      const outcome = combineDecryptionsUnsafe(group, request(e, e.submissions));
      assert.ok(outcome.ok);
      const recovered = recoverPlaintextsUnsafe(group, outcome.value.plaintextPoints, 2n);
      assert.ok(!recovered.ok);
      assert.deepEqual(recovered.error.targets, [1]);
    });

    test('after a dealer is disqualified the remaining key still decrypts with any 3 trustees', () => {
      const cheated = election(group, 'combine-after-cheat', {
        badShares: [{ dealer: 5, recipient: 1 }],
      });
      assert.deepEqual(cheated.result.qualified, [1, 2, 3, 4]);
      for (const set of [
        [1, 2, 3],
        [3, 4, 5],
        [1, 4, 5],
      ]) {
        const outcome = combineDecryptionsUnsafe(
          group,
          request(
            cheated,
            set.map((l) => at(cheated.submissions, l - 1))
          )
        );
        assert.ok(outcome.ok);
        assert.deepEqual(recoverPlaintextsUnsafe(group, outcome.value.plaintextPoints, 10n), {
          ok: true,
          value: cheated.totals,
        });
      }
    });
  });
}

describe('threshold decryption edge cases', () => {
  const group = nobleGroup;

  test('1-of-1 and n-of-n', () => {
    for (const [k, n] of [
      [1, 1],
      [3, 3],
    ] as const) {
      const ceremony: CeremonyParameters = { ...parameters, threshold: k, trusteeCount: n };
      const run = runCeremony(group, ceremony, `edge-${k}-of-${n}`);
      assert.ok(run.outcome.ok);
      const target = {
        ciphertext: encryptWithRandomness(group, run.outcome.value.electionKey, 42n, 12345n),
        bindings: aggregateBindings(0, 0),
      };
      const submissions = run.secretShares.map((secretShare, i) => ({
        trustee: i + 1,
        shares: createDecryptionShares(
          group,
          baseHash,
          { trustee: i + 1, secretShare, checkpoint },
          [target]
        ),
      }));
      const combine = (subset: readonly DecryptionSubmission[]) =>
        combineDecryptionsUnsafe(group, {
          baseHash,
          threshold: k,
          verificationKeys: run.outcome.ok ? run.outcome.value.verificationKeys : [],
          targets: [target],
          submissions: subset,
        });
      const outcome = combine(submissions);
      assert.ok(outcome.ok);
      assert.deepEqual(recoverPlaintextsUnsafe(group, outcome.value.plaintextPoints, 100n), {
        ok: true,
        value: [42n],
      });
      assert.ok(!combine(submissions.slice(1)).ok, 'one fewer than k');
    }
  });

  test('k outside 1..n is refused', () => {
    const request = { baseHash, verificationKeys: [group.generator], targets: [], submissions: [] };
    assert.throws(() => combineDecryptionsUnsafe(group, { ...request, threshold: 2 }), {
      code: 'decryption/mismatched-inputs',
    });
    assert.throws(() => combineDecryptionsUnsafe(group, { ...request, threshold: 0 }), {
      code: 'decryption/mismatched-inputs',
    });
  });
});
