import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Group, Point } from '../group.ts';
import { nobleGroup } from '../backends/noble.ts';
import { loadGroup } from '../backends/load-group.ts';
import { decryptToPoint, encryptWithRandomness } from '../elgamal.ts';
import { randomScalar } from '../scalar.ts';
import { bytesToHex } from '../bytes.ts';
import type { ProofContext } from '../proof-context.ts';
import {
  type CiphertextRow,
  MIX_SHUFFLE_TAGS,
  decodeShuffleProof,
  encodeShuffleProof,
  type ShuffleProof,
  proveShuffle,
  shuffleEquations,
  shuffleRows,
  verifyShuffle,
  at,
} from './shuffle.ts';
import { allHoldUnsafe } from '../equation.ts';
import { addScalars } from '../scalar.ts';

const sodium = await loadGroup('sodium');
const native = await loadGroup('native');
const context: ProofContext = {
  baseHash: new Uint8Array(32).fill(7),
  bindings: [new Uint8Array([1])],
};

function encryptRows(
  group: Group,
  key: Point,
  messages: readonly (readonly number[])[]
): CiphertextRow[] {
  return messages.map((row) =>
    row.map((m) => encryptWithRandomness(group, key, BigInt(m), randomScalar()))
  );
}

function decryptRows(group: Group, secret: bigint, rows: readonly CiphertextRow[]): string[] {
  return rows.map((row) =>
    row.map((c) => bytesToHex(group.encodePoint(decryptToPoint(group, secret, c)))).join(',')
  );
}

function setup(group: Group, rows: number, width: number) {
  const secret = randomScalar();
  const key = group.multiplyBase(secret);
  const messages = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: width }, (_, k) => (i * 7 + k) % 11)
  );
  return { secret, key, inputs: encryptRows(group, key, messages) };
}

for (const group of [nobleGroup, sodium]) {
  describe(`shuffle proof (spec §11.4), ${group.backend} backend`, () => {
    test('an honest shuffle of 6 rows × 3 verifies, in both secret-sum modes, and round-trips its encoding', () => {
      const { key, inputs } = setup(group, 6, 3);
      const { outputs, witness } = shuffleRows(group, key, inputs);
      const statement = { publicKey: key, inputs, outputs };
      for (const secretSums of ['constant-time', 'variable-time'] as const) {
        const proof = proveShuffle(group, MIX_SHUFFLE_TAGS, context, statement, witness, {
          secretSums,
        });
        assert.ok(verifyShuffle(group, MIX_SHUFFLE_TAGS, context, statement, proof));
        const decoded = decodeShuffleProof(group, encodeShuffleProof(group, proof), 6, 3);
        assert.ok(verifyShuffle(group, MIX_SHUFFLE_TAGS, context, statement, decoded));
        // Bound to the context: another base hash or binding fails.
        assert.equal(
          verifyShuffle(
            group,
            MIX_SHUFFLE_TAGS,
            { ...context, bindings: [new Uint8Array([2])] },
            statement,
            proof
          ),
          false
        );
      }
    });

    test('a single row shuffles and verifies', () => {
      const { key, inputs } = setup(group, 1, 2);
      const { outputs, witness } = shuffleRows(group, key, inputs);
      const statement = { publicKey: key, inputs, outputs };
      const proof = proveShuffle(group, MIX_SHUFFLE_TAGS, context, statement, witness);
      assert.ok(verifyShuffle(group, MIX_SHUFFLE_TAGS, context, statement, proof));
    });
  });
}

/** The proof with one element changed: a response plus one, or a commitment moved by G. */
function alterations(group: Group, proof: ShuffleProof): [string, ShuffleProof][] {
  const plus = (s: bigint) => addScalars(s, 1n);
  const moved = (p: Point) => group.add(p, group.generator);
  const inList = <T>(list: readonly T[], i: number, change: (x: T) => T) =>
    list.map((x, j) => (j === i ? change(x) : x));
  const last = proof.sPrime.length - 1;
  return [
    ['s1', { ...proof, s1: plus(proof.s1) }],
    ['s2', { ...proof, s2: plus(proof.s2) }],
    ['s3', { ...proof, s3: plus(proof.s3) }],
    ['s4', { ...proof, s4: inList(proof.s4, 0, plus) }],
    ['first ŝ', { ...proof, sHat: inList(proof.sHat, 0, plus) }],
    ['last s′', { ...proof, sPrime: inList(proof.sPrime, last, plus) }],
    ['t1', { ...proof, t1: moved(proof.t1) }],
    ['t2', { ...proof, t2: moved(proof.t2) }],
    ['t3', { ...proof, t3: moved(proof.t3) }],
    ['T4 β', { ...proof, t4: inList(proof.t4, 0, (c) => ({ ...c, beta: moved(c.beta) })) }],
    ['last T̂', { ...proof, tHat: inList(proof.tHat, last, moved) }],
    ['first Ĉ', { ...proof, chainCommitments: inList(proof.chainCommitments, 0, moved) }],
    [
      'last C',
      { ...proof, permutationCommitments: inList(proof.permutationCommitments, last, moved) },
    ],
  ];
}

test("the verifier's one merged multiplication judges as the equations (11.5)–(11.9) one by one: an honest proof holds, a proof with any one element changed fails", () => {
  for (const group of [native, sodium]) {
    const { key, inputs } = setup(group, 5, 3);
    const { outputs, witness } = shuffleRows(group, key, inputs);
    const statement = { publicKey: key, inputs, outputs };
    const proof = proveShuffle(group, MIX_SHUFFLE_TAGS, context, statement, witness);
    const oneByOne = (p: ShuffleProof) =>
      allHoldUnsafe(group, shuffleEquations(group, MIX_SHUFFLE_TAGS, context, statement, p));
    assert.ok(oneByOne(proof));
    assert.ok(verifyShuffle(group, MIX_SHUFFLE_TAGS, context, statement, proof));
    for (const [what, altered] of alterations(group, proof)) {
      assert.equal(oneByOne(altered), false, `${group.backend}: ${what}, one by one`);
      assert.equal(
        verifyShuffle(group, MIX_SHUFFLE_TAGS, context, statement, altered),
        false,
        `${group.backend}: ${what}, merged`
      );
    }
  }
});

describe('a cheating mix server is caught by the shuffle proof (spec §11.4)', () => {
  const group = sodium;
  const { key, inputs } = setup(group, 5, 2);
  const honest = shuffleRows(group, key, inputs);

  function provesWith(outputs: readonly CiphertextRow[]): boolean {
    const statement = { publicKey: key, inputs, outputs };
    const proof = proveShuffle(group, MIX_SHUFFLE_TAGS, context, statement, honest.witness);
    return verifyShuffle(group, MIX_SHUFFLE_TAGS, context, statement, proof);
  }

  test('control: the honest outputs prove', () => assert.ok(provesWith(honest.outputs)));

  test('drops one ballot and duplicates another: rejected', () => {
    const outputs = [...honest.outputs];
    outputs[1] = at(outputs, 0);
    assert.equal(provesWith(outputs), false);
  });

  test('replaces one ballot with a fresh encryption of its own choosing: rejected', () => {
    const outputs = [...honest.outputs];
    outputs[2] = [0, 1].map((m) => encryptWithRandomness(group, key, BigInt(m), randomScalar()));
    assert.equal(provesWith(outputs), false);
  });

  test('an honest proof does not carry over to outputs changed after proving', () => {
    const statement = { publicKey: key, inputs, outputs: honest.outputs };
    const proof = proveShuffle(group, MIX_SHUFFLE_TAGS, context, statement, honest.witness);
    const outputs = [...honest.outputs];
    const row = at(outputs, 3);
    outputs[3] = [at(row, 1), at(row, 0)];
    assert.equal(
      verifyShuffle(group, MIX_SHUFFLE_TAGS, context, { ...statement, outputs }, proof),
      false
    );
  });

  test('generators with a known discrete log (the Swiss Post 2019 trapdoor): rejected, the verifier derives its own', () => {
    const trapdoor = Array.from({ length: 6 }, () => group.multiplyBase(randomScalar()));
    const statement = { publicKey: key, inputs, outputs: honest.outputs };
    const proof = proveShuffle(group, MIX_SHUFFLE_TAGS, context, statement, honest.witness, {
      generators: trapdoor,
    });
    assert.equal(verifyShuffle(group, MIX_SHUFFLE_TAGS, context, statement, proof), false);
  });
});

describe('property: a shuffle of n ballots decrypts to the same multiset (spec §11.5)', () => {
  test('for random n ≤ 8, width ≤ 3 and messages, on the sodium backend', () => {
    const group = sodium;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((width) =>
          fc.array(
            fc.array(fc.integer({ min: 0, max: 20 }), { minLength: width, maxLength: width }),
            {
              minLength: 1,
              maxLength: 8,
            }
          )
        ),
        (messages) => {
          const secret = randomScalar();
          const key = group.multiplyBase(secret);
          const inputs = encryptRows(group, key, messages);
          const { outputs, witness } = shuffleRows(group, key, inputs);
          const statement = { publicKey: key, inputs, outputs };
          const proof = proveShuffle(group, MIX_SHUFFLE_TAGS, context, statement, witness);
          assert.ok(verifyShuffle(group, MIX_SHUFFLE_TAGS, context, statement, proof));
          assert.deepEqual(
            decryptRows(group, secret, outputs).sort(),
            decryptRows(group, secret, inputs).sort()
          );
        }
      ),
      { numRuns: 15 }
    );
  });
});
