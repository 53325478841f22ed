import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Group } from '../group.ts';
import { nobleGroup } from '../backends/noble.ts';
import { loadGroup } from '../backends/load-group.ts';
import { DomainTag } from '../hash.ts';
import { allHoldUnsafe } from '../equation.ts';
import type { ProofContext } from '../proof-context.ts';
import { GROUP_ORDER, addScalars, randomScalar } from '../scalar.ts';
import { randomBytes } from '../random.ts';
import { acceptsDecoded, assertRefusals, withFill } from '../test-helpers/decode-refusals.ts';
import {
  type EqualLogsStatement,
  chaumPedersenEquations,
  decodeChaumPedersenProof,
  encodeChaumPedersenProof,
  proveChaumPedersen,
  verifyChaumPedersen,
} from './chaum-pedersen.ts';

const groups: readonly Group[] = [nobleGroup, await loadGroup('sodium')];
const scalarArbitrary = fc.bigInt({ min: 1n, max: GROUP_ORDER - 1n });
const tag = DomainTag.decryptionProof;

/** The decryption-share shape of spec §5.5: bases (G, α), values (V = x·G, D = x·α). */
function statementFor(group: Group, secret: bigint, alphaLog: bigint): EqualLogsStatement {
  const alpha = group.multiplyBase(alphaLog);
  return {
    base1: group.generator,
    value1: group.multiplyBase(secret),
    base2: alpha,
    value2: group.multiply(alpha, secret),
  };
}

for (const group of groups) {
  describe(`Chaum–Pedersen proof (spec §5.2), ${group.backend} backend`, () => {
    const runs = group.backend === 'noble' ? 60 : 200;
    const context: ProofContext = { baseHash: randomBytes(32), bindings: [randomBytes(8)] };

    test('verifies for equal logs, fails when the second value has another log', () => {
      fc.assert(
        fc.property(
          scalarArbitrary,
          scalarArbitrary,
          scalarArbitrary,
          (secret, alphaLog, other) => {
            fc.pre(other !== secret);
            const statement = statementFor(group, secret, alphaLog);
            const proof = proveChaumPedersen(group, tag, context, statement, secret);
            assert.ok(verifyChaumPedersen(group, tag, context, statement, proof));
            const wrongShare = { ...statement, value2: group.multiply(statement.base2, other) };
            assert.equal(verifyChaumPedersen(group, tag, context, wrongShare, proof), false);
            // A cheating prover with the witness of X₁ cannot prove a false X₂ either.
            const cheat = proveChaumPedersen(group, tag, context, wrongShare, secret);
            assert.equal(verifyChaumPedersen(group, tag, context, wrongShare, cheat), false);
          }
        ),
        { numRuns: runs }
      );
    });

    test('a proof made for one election, binding, tag or statement fails for another', () => {
      const secret = randomScalar();
      const statement = statementFor(group, secret, randomScalar());
      const proof = proveChaumPedersen(group, tag, context, statement, secret);
      assert.ok(verifyChaumPedersen(group, tag, context, statement, proof));
      assert.equal(
        verifyChaumPedersen(
          group,
          tag,
          { ...context, baseHash: randomBytes(32) },
          statement,
          proof
        ),
        false
      );
      assert.equal(
        verifyChaumPedersen(group, tag, { ...context, bindings: [] }, statement, proof),
        false
      );
      assert.equal(
        verifyChaumPedersen(group, DomainTag.chaumPedersenProof, context, statement, proof),
        false
      );
      // Swapping the two (base, value) pairs is another statement.
      const swapped = {
        base1: statement.base2,
        value1: statement.value2,
        base2: statement.base1,
        value2: statement.value1,
      };
      assert.equal(verifyChaumPedersen(group, tag, context, swapped, proof), false);
    });

    test('flipping any byte of the encoded proof makes verification fail', () => {
      const secret = randomScalar();
      const statement = statementFor(group, secret, randomScalar());
      const bytes = encodeChaumPedersenProof(
        group,
        proveChaumPedersen(group, tag, context, statement, secret)
      );
      assert.equal(bytes.length, 96);
      assert.ok(
        verifyChaumPedersen(group, tag, context, statement, decodeChaumPedersenProof(group, bytes))
      );
      fc.assert(
        fc.property(fc.nat({ max: 95 }), fc.integer({ min: 1, max: 255 }), (index, mask) => {
          const flipped = bytes.slice();
          flipped[index] = (flipped[index] as number) ^ mask;
          const accepted = acceptsDecoded(() =>
            verifyChaumPedersen(
              group,
              tag,
              context,
              statement,
              decodeChaumPedersenProof(group, flipped)
            )
          );
          assert.equal(accepted, false);
        }),
        { numRuns: runs * 2 }
      );
    });

    test('decoding rejects bad lengths, scalars ≥ ℓ, bad points and an identity A₁ (not A₂)', () => {
      const secret = randomScalar();
      const statement = statementFor(group, secret, randomScalar());
      const bytes = encodeChaumPedersenProof(
        group,
        proveChaumPedersen(group, tag, context, statement, secret)
      );
      assertRefusals(
        (b) => decodeChaumPedersenProof(group, b),
        [
          [bytes, 'accepted'],
          [bytes.subarray(0, 95), 'group/wrong-length'],
          [withFill(bytes, 0xff, 64), 'group/scalar-out-of-range'],
          [withFill(bytes, 0xff, 32, 64), 'group/non-canonical-point'],
          [withFill(bytes, 0, 0, 32), 'group/identity-forbidden'],
          [withFill(bytes, 0, 32, 64), 'accepted'],
        ]
      );
    });

    test('a tally with α = O (no ballots): the share O proves, any other share fails', () => {
      const secret = randomScalar();
      const statement = {
        base1: group.generator,
        value1: group.multiplyBase(secret),
        base2: group.identity,
        value2: group.identity,
      };
      const proof = proveChaumPedersen(group, tag, context, statement, secret);
      const decoded = decodeChaumPedersenProof(group, encodeChaumPedersenProof(group, proof));
      assert.ok(verifyChaumPedersen(group, tag, context, statement, decoded));
      // A share D ≠ O for α = O is wrong (x·O = O), and the second equation of (5.4) refuses it.
      const wrongShare = { ...statement, value2: group.multiplyBase(randomScalar()) };
      const cheat = proveChaumPedersen(group, tag, context, wrongShare, secret);
      assert.equal(verifyChaumPedersen(group, tag, context, wrongShare, cheat), false);
    });

    test('the two equations of eq. (5.4) hold one by one', () => {
      const secret = randomScalar();
      const statement = statementFor(group, secret, randomScalar());
      const proof = proveChaumPedersen(group, tag, context, statement, secret);
      const equations = chaumPedersenEquations(group, tag, context, statement, proof);
      assert.equal(equations.length, 2);
      assert.ok(allHoldUnsafe(group, equations));
      const bad = { ...proof, response: addScalars(proof.response, 1n) };
      const badEquations = chaumPedersenEquations(group, tag, context, statement, bad);
      assert.ok(badEquations.every((e) => !allHoldUnsafe(group, [e])));
    });
  });
}
