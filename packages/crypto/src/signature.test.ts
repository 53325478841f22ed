import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Group } from './group.ts';
import { nobleGroup } from './backends/noble.ts';
import { loadGroup } from './backends/load-group.ts';
import { DomainTag, hashToScalar } from './hash.ts';
import { GROUP_ORDER, addScalars, multiplyScalars, randomScalar } from './scalar.ts';
import { randomBytes } from './random.ts';
import { acceptsDecoded, assertRefusals, withFill } from './test-helpers/decode-refusals.ts';
import { proveSchnorr, verifySchnorr } from './proofs/schnorr.ts';
import {
  SIGNATURE_BYTES,
  decodeSignature,
  encodeSignature,
  sign,
  signWithNonce,
  signatureChallenge,
  signatureEquation,
  verifySignature,
} from './signature.ts';
import { holdsUnsafe } from './equation.ts';

const groups: readonly Group[] = [nobleGroup, await loadGroup('sodium')];
const scalarArbitrary = fc.bigInt({ min: 1n, max: GROUP_ORDER - 1n });
const messageArbitrary = fc.uint8Array({ maxLength: 300 });

for (const group of groups) {
  describe(`credential signature (spec §5.4), ${group.backend} backend`, () => {
    const runs = group.backend === 'noble' ? 100 : 300;

    test('verifies for the signer; fails for another key, message or election', () => {
      fc.assert(
        fc.property(
          scalarArbitrary,
          messageArbitrary,
          messageArbitrary,
          (secret, message, other) => {
            fc.pre(!(other.length === message.length && other.every((b, i) => b === message[i])));
            const baseHash = randomBytes(32);
            const publicKey = group.multiplyBase(secret);
            const signature = sign(group, baseHash, secret, message);
            assert.ok(verifySignature(group, baseHash, publicKey, message, signature));
            assert.equal(verifySignature(group, baseHash, publicKey, other, signature), false);
            const otherKey = group.multiplyBase(addScalars(secret, 1n));
            assert.equal(verifySignature(group, baseHash, otherKey, message, signature), false);
            assert.equal(
              verifySignature(group, randomBytes(32), publicKey, message, signature),
              false
            );
          }
        ),
        { numRuns: runs }
      );
    });

    test('a signature is not a Schnorr proof, nor the reverse (distinct domain tags)', () => {
      const secret = randomScalar();
      const publicKey = group.multiplyBase(secret);
      const baseHash = randomBytes(32);
      const message = randomBytes(16);
      const signature = sign(group, baseHash, secret, message);
      assert.equal(
        verifySchnorr(group, { baseHash, bindings: [message] }, publicKey, signature),
        false
      );
      const proof = proveSchnorr(group, { baseHash, bindings: [message] }, secret);
      assert.equal(verifySignature(group, baseHash, publicKey, message, proof), false);
    });

    test('eq. (5.9): c = H(signature tag, baseHash, message, X, A); z = a + c·x', () => {
      const secret = randomScalar();
      const nonce = randomScalar();
      const baseHash = randomBytes(32);
      const message = randomBytes(40);
      const publicKey = group.multiplyBase(secret);
      const signature = signWithNonce(group, baseHash, secret, message, nonce);
      assert.ok(group.equals(signature.commitment, group.multiplyBase(nonce)));
      const c = hashToScalar(DomainTag.signature, baseHash, [
        message,
        group.encodePoint(publicKey),
        group.encodePoint(signature.commitment),
      ]);
      assert.equal(
        signatureChallenge(group, baseHash, publicKey, message, signature.commitment),
        c
      );
      assert.equal(signature.response, addScalars(nonce, multiplyScalars(c, secret)));
      assert.ok(
        holdsUnsafe(group, signatureEquation(group, baseHash, publicKey, message, signature))
      );
    });

    test('flipping any byte of the encoded signature makes verification fail', () => {
      const secret = randomScalar();
      const publicKey = group.multiplyBase(secret);
      const baseHash = randomBytes(32);
      const message = randomBytes(100);
      const bytes = encodeSignature(group, sign(group, baseHash, secret, message));
      assert.equal(bytes.length, SIGNATURE_BYTES);
      assert.ok(
        verifySignature(group, baseHash, publicKey, message, decodeSignature(group, bytes))
      );
      fc.assert(
        fc.property(
          fc.nat({ max: SIGNATURE_BYTES - 1 }),
          fc.integer({ min: 1, max: 255 }),
          (index, mask) => {
            const flipped = bytes.slice();
            flipped[index] = (flipped[index] as number) ^ mask;
            const accepted = acceptsDecoded(() =>
              verifySignature(group, baseHash, publicKey, message, decodeSignature(group, flipped))
            );
            assert.equal(accepted, false);
          }
        ),
        { numRuns: runs }
      );
    });

    test('decoding rejects wrong lengths, z ≥ ℓ, bad points and an identity commitment', () => {
      const bytes = encodeSignature(
        group,
        sign(group, randomBytes(32), randomScalar(), randomBytes(3))
      );
      assertRefusals(
        (b) => decodeSignature(group, b),
        [
          [bytes, 'accepted'],
          [bytes.subarray(0, 32), 'group/wrong-length'],
          [withFill(bytes, 0xff, 32), 'group/scalar-out-of-range'],
          [withFill(bytes, 0xff, 0, 32), 'group/non-canonical-point'],
          [withFill(bytes, 0, 0, 32), 'group/identity-forbidden'],
        ]
      );
    });
  });
}
