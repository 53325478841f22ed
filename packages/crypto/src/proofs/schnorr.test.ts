import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Group } from '../group.ts';
import { nobleGroup } from '../backends/noble.ts';
import { loadGroup } from '../backends/load-group.ts';
import { DomainTag } from '../hash.ts';
import { holdsUnsafe } from '../equation.ts';
import type { ProofContext } from '../proof-context.ts';
import { GROUP_ORDER, addScalars, encodeScalar, randomScalar } from '../scalar.ts';
import { randomBytes } from '../random.ts';
import { acceptsDecoded, assertRefusals, withFill } from '../test-helpers/decode-refusals.ts';
import {
  decodeSchnorrProof,
  encodeSchnorrProof,
  proveSchnorr,
  proveSchnorrWithNonce,
  schnorrChallenge,
  schnorrEquation,
  verifySchnorr,
} from './schnorr.ts';

const groups: readonly Group[] = [nobleGroup, await loadGroup('sodium')];
const scalarArbitrary = fc.bigInt({ min: 1n, max: GROUP_ORDER - 1n });
const contextArbitrary = fc.record({
  baseHash: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  bindings: fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 3 }),
});

for (const group of groups) {
  describe(`Schnorr proof (spec §5.1), ${group.backend} backend`, () => {
    const runs = group.backend === 'noble' ? 100 : 300;

    test('verifies with the right secret, fails for any other public key', () => {
      fc.assert(
        fc.property(
          contextArbitrary,
          scalarArbitrary,
          scalarArbitrary,
          (context, secret, other) => {
            fc.pre(secret !== other);
            const publicKey = group.multiplyBase(secret);
            const proof = proveSchnorr(group, context, secret);
            assert.ok(verifySchnorr(group, context, publicKey, proof));
            assert.equal(verifySchnorr(group, context, group.multiplyBase(other), proof), false);
          }
        ),
        { numRuns: runs }
      );
    });

    test('a proof with a wrong secret fails (the statement X = x·G is false for the witness)', () => {
      const secret = randomScalar();
      const publicKey = group.multiplyBase(secret);
      const context: ProofContext = { baseHash: randomBytes(32), bindings: [] };
      // Prove with x + 1 but present it for X = x·G.
      const wrong = proveSchnorr(group, context, addScalars(secret, 1n));
      assert.equal(verifySchnorr(group, context, publicKey, wrong), false);
    });

    test('a proof made for one election, binding or tag fails for another', () => {
      fc.assert(
        fc.property(
          contextArbitrary,
          scalarArbitrary,
          fc.uint8Array({ minLength: 1, maxLength: 8 }),
          (context, secret, extra) => {
            const publicKey = group.multiplyBase(secret);
            const proof = proveSchnorr(group, context, secret);
            const otherHash = context.baseHash.slice();
            otherHash[0] = (otherHash[0] as number) ^ 1;
            assert.equal(
              verifySchnorr(group, { ...context, baseHash: otherHash }, publicKey, proof),
              false
            );
            const moreBindings = { ...context, bindings: [...context.bindings, extra] };
            assert.equal(verifySchnorr(group, moreBindings, publicKey, proof), false);
            assert.equal(
              verifySchnorr(group, context, publicKey, proof, DomainTag.coefficientProof),
              false
            );
          }
        ),
        { numRuns: Math.ceil(runs / 2) }
      );
    });

    test('bindings are framed: moving bytes between bindings changes the challenge', () => {
      const secret = randomScalar();
      const publicKey = group.multiplyBase(secret);
      const baseHash = randomBytes(32);
      const proof = proveSchnorr(
        group,
        { baseHash, bindings: [Uint8Array.of(1, 2), Uint8Array.of(3)] },
        secret
      );
      const moved = { baseHash, bindings: [Uint8Array.of(1), Uint8Array.of(2, 3)] };
      assert.equal(verifySchnorr(group, moved, publicKey, proof), false);
    });

    test('flipping any byte of the encoded proof makes verification fail', () => {
      const secret = randomScalar();
      const publicKey = group.multiplyBase(secret);
      const context: ProofContext = { baseHash: randomBytes(32), bindings: [randomBytes(32)] };
      const bytes = encodeSchnorrProof(group, proveSchnorr(group, context, secret));
      assert.equal(bytes.length, 64);
      assert.ok(verifySchnorr(group, context, publicKey, decodeSchnorrProof(group, bytes)));
      fc.assert(
        fc.property(fc.nat({ max: 63 }), fc.integer({ min: 1, max: 255 }), (index, mask) => {
          const flipped = bytes.slice();
          flipped[index] = (flipped[index] as number) ^ mask;
          const accepted = acceptsDecoded(() =>
            verifySchnorr(group, context, publicKey, decodeSchnorrProof(group, flipped))
          );
          assert.equal(accepted, false);
        }),
        { numRuns: runs }
      );
    });

    test('decoding rejects wrong lengths, scalars ≥ ℓ, bad points and an identity commitment', () => {
      const bytes = encodeSchnorrProof(
        group,
        proveSchnorr(group, { baseHash: new Uint8Array(32), bindings: [] }, 5n)
      );
      // z = ℓ − 1 + 1 = ℓ (little-endian, so the low byte): the smallest non-canonical scalar.
      const responseOrder = bytes.slice();
      responseOrder.set(encodeScalar(GROUP_ORDER - 1n), 32);
      responseOrder[32] = (responseOrder[32] as number) + 1;
      assertRefusals(
        (b) => decodeSchnorrProof(group, b),
        [
          [bytes, 'accepted'],
          [bytes.subarray(0, 63), 'group/wrong-length'],
          [new Uint8Array([...bytes, 0]), 'group/wrong-length'],
          [withFill(bytes, 0xff, 32), 'group/scalar-out-of-range'],
          [responseOrder, 'group/scalar-out-of-range'],
          [withFill(bytes, 0xff, 0, 32), 'group/non-canonical-point'],
          [withFill(bytes, 0, 0, 32), 'group/identity-forbidden'],
        ]
      );
    });

    test('the equation is eq. (5.2) with the challenge of eq. (5.1), and batches', () => {
      const context: ProofContext = { baseHash: randomBytes(32), bindings: [] };
      const secret = randomScalar();
      const nonce = randomScalar();
      const publicKey = group.multiplyBase(secret);
      const proof = proveSchnorrWithNonce(group, context, secret, nonce);
      assert.ok(group.equals(proof.commitment, group.multiplyBase(nonce)));
      const c = schnorrChallenge(
        group,
        DomainTag.schnorrProof,
        context,
        publicKey,
        proof.commitment
      );
      assert.equal(proof.response, addScalars(nonce, (c * secret) % GROUP_ORDER));
      assert.ok(holdsUnsafe(group, schnorrEquation(group, context, publicKey, proof)));
    });
  });
}
