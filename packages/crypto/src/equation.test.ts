import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Group } from './group.ts';
import { nobleGroup } from './backends/noble.ts';
import { loadGroup } from './backends/load-group.ts';
import { DomainTag } from './hash.ts';
import {
  type Equation,
  allHoldUnsafe,
  batchHoldsUnsafe,
  equationOf,
  holdsUnsafe,
} from './equation.ts';
import { encrypt } from './elgamal.ts';
import type { ProofContext } from './proof-context.ts';
import { GROUP_ORDER, addScalars, randomScalar } from './scalar.ts';
import { randomBytes } from './random.ts';
import { proveSchnorr, schnorrEquation } from './proofs/schnorr.ts';
import { chaumPedersenEquations, proveChaumPedersen } from './proofs/chaum-pedersen.ts';
import { proveRange, rangeEquations } from './proofs/range.ts';
import { sign, signatureEquation } from './signature.ts';

const groups: readonly Group[] = [nobleGroup, await loadGroup('sodium')];

/** Valid equations from every proof type of spec §5, as a verifier would collect them. */
function validEquations(group: Group): Equation[] {
  const context: ProofContext = { baseHash: randomBytes(32), bindings: [randomBytes(32)] };
  const secret = randomScalar();
  const publicKey = group.multiplyBase(secret);
  const equations: Equation[] = [
    schnorrEquation(group, context, publicKey, proveSchnorr(group, context, secret)),
  ];
  const message = randomBytes(64);
  equations.push(
    signatureEquation(
      group,
      context.baseHash,
      publicKey,
      message,
      sign(group, context.baseHash, secret, message)
    )
  );
  const electionKey = group.multiplyBase(randomScalar());
  const enc = encrypt(group, electionKey, 1n);
  const statement = {
    base1: group.generator,
    value1: publicKey,
    base2: enc.ciphertext.alpha,
    value2: group.multiply(enc.ciphertext.alpha, secret),
  };
  const tag = DomainTag.decryptionProof;
  equations.push(
    ...chaumPedersenEquations(
      group,
      tag,
      context,
      statement,
      proveChaumPedersen(group, tag, context, statement, secret)
    )
  );
  const range = { min: 0n, max: 2n };
  const proof = proveRange(group, context, electionKey, enc, 1n, range);
  const rangeChecks = rangeEquations(group, context, electionKey, enc.ciphertext, range, proof);
  assert.ok(rangeChecks !== null);
  equations.push(...rangeChecks);
  return equations;
}

/** The same equation with one scalar off by one: false unless that point is O (never here). */
function corrupt(equation: Equation, term: number): Equation {
  const scalars = equation.scalars.map((s, i) => (i === term ? addScalars(s, 1n) : s));
  return { points: equation.points, scalars };
}

for (const group of groups) {
  describe(`verification equations and batching (spec §5.6), ${group.backend} backend`, () => {
    const pool = validEquations(group);

    test('every equation of every proof type holds on its own', () => {
      assert.equal(pool.length, 1 + 1 + 2 + 6);
      for (const equation of pool) assert.ok(holdsUnsafe(group, equation));
      assert.ok(allHoldUnsafe(group, pool));
      assert.ok(batchHoldsUnsafe(group, pool));
    });

    test('the batch check accepts all-valid batches and rejects a batch with one bad equation', () => {
      fc.assert(
        fc.property(
          fc.subarray(pool, { minLength: 1 }),
          fc.nat(),
          fc.nat(),
          (batch, badIndex, badTerm) => {
            assert.ok(batchHoldsUnsafe(group, batch));
            const index = badIndex % batch.length;
            const victim = batch[index] as Equation;
            const bad = corrupt(victim, badTerm % victim.points.length);
            assert.equal(holdsUnsafe(group, bad), false);
            const tampered = batch.map((e, i) => (i === index ? bad : e));
            assert.equal(batchHoldsUnsafe(group, tampered), false);
            assert.equal(allHoldUnsafe(group, tampered), false);
          }
        ),
        { numRuns: group.backend === 'noble' ? 60 : 200 }
      );
    });

    test('random weights stop two false equations from cancelling out', () => {
      // D ≠ O: "D = O" and "−D = O" are both false, yet their unweighted sum holds.
      const d = group.multiplyBase(randomScalar());
      const first = equationOf([[1n, d]]);
      const second = equationOf([[-1n, d]]);
      assert.equal(holdsUnsafe(group, first), false);
      assert.ok(holdsUnsafe(group, { points: [d, d], scalars: [1n, GROUP_ORDER - 1n] }));
      for (let i = 0; i < 20; i++) assert.equal(batchHoldsUnsafe(group, [first, second]), false);
    });

    test('equationOf reduces negative scalars mod ℓ; the empty batch holds', () => {
      const equation = equationOf([
        [-5n, group.generator],
        [5n, group.generator],
      ]);
      assert.deepEqual(equation.scalars, [GROUP_ORDER - 5n, 5n]);
      assert.ok(holdsUnsafe(group, equation));
      assert.ok(batchHoldsUnsafe(group, []));
      assert.ok(allHoldUnsafe(group, []));
    });
  });
}
