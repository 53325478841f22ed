/**
 * The Swiss Post 2019 attack (threats guide A4): whoever knows the discrete logarithms of the
 * commitment generators can prove a "shuffle" whose outputs are not a permutation of the inputs.
 * Here the forger replaces output 0 by E₀ + E₁ (a ballot that was never cast) and its proof holds
 * under its own trapdoored generators; the verifier derives its own generators and rejects it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGroup } from '../backends/load-group.ts';
import { addCiphertexts, encryptWithRandomness } from '../elgamal.ts';
import { batchHoldsUnsafe } from '../equation.ts';
import type { Point } from '../group.ts';
import type { ProofContext } from '../proof-context.ts';
import { addScalars, multiplyScalars, randomScalar, subtractScalars } from '../scalar.ts';
import {
  type CiphertextRow,
  type ShuffleProof,
  MIX_SHUFFLE_TAGS,
  at,
  chainSecret,
  outputsT4,
  permutationChallenges,
  shuffleChallenge,
  shuffleEquationsUnderGenerators,
  shuffleResponses,
  shuffleStatementDigest,
  verifyShuffle,
} from './shuffle.ts';

const group = await loadGroup('sodium');
const context: ProofContext = { baseHash: new Uint8Array(32).fill(2), bindings: [] };

describe('trapdoored generators let a mix server forge; derived ones do not (spec §11.3)', () => {
  test('A4: a forged shuffle that replaces a ballot holds under the forger’s generators and fails ours', () => {
    const n = 4;
    const secret = randomScalar();
    const K = group.multiplyBase(secret);
    const inputs: CiphertextRow[] = [3, 5, 7, 9].map((m) => [
      encryptWithRandomness(group, K, BigInt(m), randomScalar()),
    ]);
    // Outputs: E′₀ = E₀ + E₁ (never cast), E′ᵢ = Eᵢ otherwise, all re-encrypted.
    const rTilde = inputs.map(() => randomScalar());
    const outputs: CiphertextRow[] = inputs.map((row, i) => {
      const base = i === 0 ? addCiphertexts(group, at(row, 0), at(at(inputs, 1), 0)) : at(row, 0);
      const r = at(rTilde, i);
      return [
        {
          alpha: group.add(base.alpha, group.multiplyBase(r)),
          beta: group.add(base.beta, group.multiply(K, r)),
        },
      ];
    });
    const statement = { publicKey: K, inputs, outputs };

    // The trapdoor: Hᵢ = xᵢ·G with xᵢ known.
    const x = Array.from({ length: n + 1 }, () => randomScalar());
    const h: Point[] = x.map((xi) => group.multiplyBase(xi));
    const rho = inputs.map(() => randomScalar());
    const commitments = rho.map((r) => group.multiplyBase(r));
    const digest = shuffleStatementDigest(group, MIX_SHUFFLE_TAGS, context, statement, commitments);
    const u = permutationChallenges(MIX_SHUFFLE_TAGS, digest, n);
    // a = M⁻ᵀu for M = I + e₀e₁ᵀ: a₁ = u₁ − u₀, the rest aᵢ = uᵢ.
    const a = u.map((ui, i) => (i === 1 ? subtractScalars(ui, at(u, 0)) : ui));
    const rHat = a.map(() => randomScalar());
    const chain: Point[] = [];
    let previous = at(h, 0);
    for (let i = 0; i < n; i++) {
      previous = group.add(group.multiplyBase(at(rHat, i)), group.multiply(previous, at(a, i)));
      chain.push(previous);
    }
    const [w1, w2, w3, w4] = [randomScalar(), randomScalar(), randomScalar(), randomScalar()];
    const wHat = a.map(() => randomScalar());
    const wPrime = a.map(() => randomScalar());
    const sum = (points: readonly Point[], scalars: readonly bigint[]) =>
      group.multiScalarMultiplyUnsafe(points, scalars);
    const t1 = group.multiplyBase(w1);
    const t2 = group.multiplyBase(w2);
    const t3 = group.add(group.multiplyBase(w3), sum(h.slice(1), wPrime));
    const t4 = outputsT4(group, 'variable-time', K, outputs, wPrime, [w4]);
    const tHat = chain.map((_, i) =>
      group.add(
        group.multiplyBase(at(wHat, i)),
        group.multiply(i === 0 ? at(h, 0) : at(chain, i - 1), at(wPrime, i))
      )
    );
    const c = shuffleChallenge(group, MIX_SHUFFLE_TAGS, context, digest, {
      chainCommitments: chain,
      t1,
      t2,
      t3,
      t4,
      tHat,
    });
    const dot = (p: readonly bigint[], q: readonly bigint[]) =>
      p.reduce((s, v, i) => addScalars(s, multiplyScalars(v, at(q, i))), 0n);
    const prod = (p: readonly bigint[]) => p.reduce((s, v) => multiplyScalars(s, v), 1n);
    // Discrete logs the trapdoor makes known.
    const delta1 = subtractScalars(rho.reduce(addScalars, 0n), x.slice(1).reduce(addScalars, 0n));
    const delta2 = addScalars(
      multiplyScalars(subtractScalars(prod(a), prod(u)), at(x, 0)),
      chainSecret(rHat, a)
    );
    const delta3 = subtractScalars(dot(u, rho), dot(a, x.slice(1)));
    const proof: ShuffleProof = {
      permutationCommitments: commitments,
      chainCommitments: chain,
      t1,
      t2,
      t3,
      t4,
      tHat,
      // The prover's responses, opening the trapdoor's discrete logs in place of its secrets.
      ...shuffleResponses(
        c,
        { s1: w1, s2: w2, s3: w3, s4: [w4], sHat: wHat, sPrime: wPrime },
        { s1: delta1, s2: delta2, s3: delta3, s4: [dot(a, rTilde)], sHat: rHat, sPrime: a }
      ),
    };

    // The attack is real: under the forger's generators every equation holds.
    assert.ok(
      batchHoldsUnsafe(
        group,
        shuffleEquationsUnderGenerators(group, MIX_SHUFFLE_TAGS, context, statement, proof, h)
      )
    );
    // Scrutineer's verifier derives the generators from the base hash: rejected.
    assert.equal(verifyShuffle(group, MIX_SHUFFLE_TAGS, context, statement, proof), false);
  });
});
