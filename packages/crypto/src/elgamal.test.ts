import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { GroupError, type Group } from './group.ts';
import { nobleGroup } from './backends/noble.ts';
import { loadGroup } from './backends/load-group.ts';
import { discreteLogUnsafe } from './dlog.ts';
import {
  addCiphertexts,
  decodeCiphertext,
  decryptToPoint,
  encodeCiphertext,
  encrypt,
  encryptWithRandomness,
  sumCiphertexts,
  sumRandomness,
  zeroCiphertext,
} from './elgamal.ts';
import { GROUP_ORDER, randomScalar } from './scalar.ts';

const groups: readonly Group[] = [nobleGroup, await loadGroup('sodium')];
const BOUND = 100_000n;

for (const group of groups) {
  describe(`exponential ElGamal (spec §4.1–§4.2), ${group.backend} backend`, () => {
    const runs = group.backend === 'noble' ? 100 : 300;
    const secretKey = randomScalar();
    const publicKey = group.prepareFixedBase(group.multiplyBase(secretKey));

    test('eq. (4.1): (α, β) = (r·G, m·G + r·K), and decryption with x gives m·G back', () => {
      fc.assert(
        fc.property(
          fc.bigInt({ min: 0n, max: BOUND }),
          fc.bigInt({ min: 1n, max: GROUP_ORDER - 1n }),
          (m, r) => {
            const { alpha, beta } = encryptWithRandomness(group, publicKey, m, r);
            assert.ok(group.equals(alpha, group.multiplyBase(r)));
            assert.ok(
              group.equals(
                group.subtract(beta, group.multiply(publicKey, r)),
                group.multiplyBase(m)
              )
            );
            const decrypted = decryptToPoint(group, secretKey, { alpha, beta });
            assert.equal(discreteLogUnsafe(group, decrypted, BOUND), m);
          }
        ),
        { numRuns: Math.ceil(runs / 2) }
      );
    });

    test('eq. (4.2): decrypt(Σ encryptions) = Σ plaintexts, with randomness Σ r', () => {
      fc.assert(
        fc.property(fc.array(fc.bigInt({ min: 0n, max: 1000n }), { maxLength: 12 }), (messages) => {
          const encryptions = messages.map((m) => encrypt(group, publicKey, m));
          const sum = sumCiphertexts(
            group,
            encryptions.map((e) => e.ciphertext)
          );
          const total = messages.reduce((a, b) => a + b, 0n);
          assert.equal(
            discreteLogUnsafe(group, decryptToPoint(group, secretKey, sum), BOUND),
            total
          );
          // The sum is exactly the encryption of the total under the summed randomness.
          const randomness = sumRandomness(encryptions.map((e) => e.randomness));
          const direct = encryptWithRandomness(group, publicKey, total, randomness);
          assert.deepEqual(encodeCiphertext(group, sum), encodeCiphertext(group, direct));
        }),
        { numRuns: group.backend === 'noble' ? 30 : 150 }
      );
    });

    test('the zero ciphertext is neutral and encodes as 64 zero bytes', () => {
      const { ciphertext } = encrypt(group, publicKey, 7n);
      const withZero = addCiphertexts(group, ciphertext, zeroCiphertext(group));
      assert.deepEqual(encodeCiphertext(group, withZero), encodeCiphertext(group, ciphertext));
      const zero = encodeCiphertext(group, sumCiphertexts(group, []));
      assert.deepEqual(zero, new Uint8Array(64));
      assert.ok(group.isIdentity(decodeCiphertext(group, zero, { allowIdentity: true }).alpha));
      assert.throws(() => decodeCiphertext(group, zero, { allowIdentity: false }), GroupError);
    });

    test('decode(encode(c)) = c; flipping any byte fails to decode or changes the plaintext', () => {
      const message = 42n;
      const { ciphertext } = encrypt(group, publicKey, message);
      const bytes = encodeCiphertext(group, ciphertext);
      assert.equal(bytes.length, 64);
      const decoded = decodeCiphertext(group, bytes, { allowIdentity: false });
      assert.deepEqual(encodeCiphertext(group, decoded), bytes);
      const messagePoint = group.multiplyBase(message);
      fc.assert(
        fc.property(fc.nat({ max: 63 }), fc.integer({ min: 1, max: 255 }), (index, mask) => {
          const flipped = bytes.slice();
          flipped[index] = (flipped[index] as number) ^ mask;
          let changed: boolean;
          try {
            const other = decodeCiphertext(group, flipped, { allowIdentity: false });
            changed = !group.equals(decryptToPoint(group, secretKey, other), messagePoint);
          } catch (error) {
            assert.ok(error instanceof GroupError);
            changed = true;
          }
          assert.ok(changed);
        }),
        { numRuns: runs }
      );
    });

    test('decoding rejects a wrong length and non-canonical points; messages must be in [0, ℓ)', () => {
      const bytes = encodeCiphertext(group, encrypt(group, publicKey, 1n).ciphertext);
      assert.throws(
        () => decodeCiphertext(group, bytes.subarray(1), { allowIdentity: true }),
        /wrong-length/
      );
      const bad = bytes.slice();
      bad.fill(0xff, 32);
      assert.throws(
        () => decodeCiphertext(group, bad, { allowIdentity: true }),
        (e: unknown) => e instanceof GroupError && e.code === 'group/non-canonical-point'
      );
      assert.throws(() => encrypt(group, publicKey, -1n), /message-out-of-range/);
      assert.throws(() => encrypt(group, publicKey, GROUP_ORDER), /message-out-of-range/);
    });
  });
}
