import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Group, Point } from '../group.ts';
import { nobleGroup } from '../backends/noble.ts';
import { loadGroup } from '../backends/load-group.ts';
import {
  type Ciphertext,
  type Encryption,
  decodeCiphertext,
  encodeCiphertext,
  encryptWithRandomness,
  sumCiphertexts,
  sumRandomness,
} from '../elgamal.ts';
import { allHoldUnsafe, batchHoldsUnsafe } from '../equation.ts';
import type { ProofContext } from '../proof-context.ts';
import { GROUP_ORDER, encodeScalar, modOrder, randomScalar } from '../scalar.ts';
import { randomBytes } from '../random.ts';
import { assertRefusals, refusalCode, withFill } from '../test-helpers/decode-refusals.ts';
import {
  type IntegerRange,
  type RangeProof,
  type RangeProofBranch,
  RangeProofError,
  decodeRangeProof,
  encodeRangeProof,
  proveRange,
  proveRangeWithNonces,
  rangeChallenge,
  rangeEquations,
  verifyRange,
} from './range.ts';

const groups: readonly Group[] = [nobleGroup, await loadGroup('sodium')];
const ZERO_ONE: IntegerRange = { min: 0n, max: 1n };

function setup(group: Group): { readonly publicKey: Point; readonly context: ProofContext } {
  const publicKey = group.prepareFixedBase(group.multiplyBase(randomScalar()));
  return {
    publicKey,
    context: { baseHash: randomBytes(32), bindings: [randomBytes(32), Uint8Array.of(3)] },
  };
}

function encryption(group: Group, publicKey: Point, message: bigint): Encryption {
  const randomness = randomScalar();
  return { ciphertext: encryptWithRandomness(group, publicKey, message, randomness), randomness };
}

/** Enc(m; r) for any m mod ℓ, including −1 and values the elgamal module refuses. */
function rawEncryption(group: Group, publicKey: Point, message: bigint): Encryption {
  const randomness = randomScalar();
  const messagePoint = group.multiplyBase(modOrder(message));
  return {
    ciphertext: {
      alpha: group.multiplyBase(randomness),
      beta: group.add(messagePoint, group.multiply(publicKey, randomness)),
    },
    randomness,
  };
}

/**
 * The best generic cheater: it knows r but m ∉ range, pretends m = `pretend`, answers that branch
 * honestly and simulates the others with the textbook formulas (spec §5.3).
 */
function forgeRangeProof(
  group: Group,
  context: ProofContext,
  publicKey: Point,
  { ciphertext, randomness }: Encryption,
  range: IntegerRange,
  pretend: bigint
): RangeProof {
  const nonce = randomScalar();
  const draft: { commitment1: Point; commitment2: Point; challenge: bigint; response: bigint }[] =
    [];
  for (let j = range.min; j <= range.max; j++) {
    if (j === pretend) {
      draft.push({
        commitment1: group.multiplyBase(nonce),
        commitment2: group.multiply(publicKey, nonce),
        challenge: 0n,
        response: 0n,
      });
      continue;
    }
    const challenge = randomScalar();
    const response = randomScalar();
    const shifted = group.subtract(ciphertext.beta, group.multiplyBase(j));
    draft.push({
      commitment1: group.subtract(
        group.multiplyBase(response),
        group.multiply(ciphertext.alpha, challenge)
      ),
      commitment2: group.subtract(
        group.multiply(publicKey, response),
        group.multiply(shifted, challenge)
      ),
      challenge,
      response,
    });
  }
  const c = rangeChallenge(group, context, publicKey, ciphertext, range, draft);
  const real = draft[Number(pretend - range.min)] as (typeof draft)[number];
  real.challenge = modOrder(draft.reduce((rest, b) => (b === real ? rest : rest - b.challenge), c));
  real.response = modOrder(nonce + real.challenge * randomness);
  return { branches: draft };
}

const rangeArbitrary = fc
  .record({ min: fc.bigInt({ min: 0n, max: 1000n }), width: fc.bigInt({ min: 0n, max: 4n }) })
  .chain(({ min, width }) =>
    fc.record({
      range: fc.constant({ min, max: min + width }),
      message: fc.bigInt({ min, max: min + width }),
    })
  );

for (const group of groups) {
  describe(`range proof (spec §5.3), ${group.backend} backend`, () => {
    test('proves and verifies every m ∈ [min, max]; the proof fails for any other plaintext', () => {
      const { publicKey, context } = setup(group);
      fc.assert(
        fc.property(
          rangeArbitrary,
          fc.bigInt({ min: 1n, max: 5n }),
          ({ range, message }, shift) => {
            const enc = encryption(group, publicKey, message);
            const proof = proveRange(group, context, publicKey, enc, message, range);
            assert.equal(proof.branches.length, Number(range.max - range.min) + 1);
            assert.ok(verifyRange(group, context, publicKey, enc.ciphertext, range, proof));
            const other = encryption(group, publicKey, message + shift).ciphertext;
            assert.equal(verifyRange(group, context, publicKey, other, range, proof), false);
          }
        ),
        { numRuns: group.backend === 'noble' ? 40 : 150 }
      );
    });

    test('the prover refuses m outside the range and ranges the protocol does not allow', () => {
      const { publicKey, context } = setup(group);
      for (const message of [2n, -1n]) {
        const enc = rawEncryption(group, publicKey, message);
        assert.throws(
          () => proveRange(group, context, publicKey, enc, message, ZERO_ONE),
          (e: unknown) =>
            e instanceof RangeProofError && e.code === 'range-proof/message-out-of-range'
        );
      }
      const enc = encryption(group, publicKey, 1n);
      for (const range of [
        { min: 2n, max: 1n },
        { min: -1n, max: 1n },
        { min: 0n, max: 101n },
        { min: 2n ** 64n, max: 2n ** 64n },
      ]) {
        assert.throws(
          () => proveRange(group, context, publicKey, enc, 1n, range),
          (e: unknown) => e instanceof RangeProofError && e.code === 'range-proof/invalid-range'
        );
      }
      // The widest allowed range works.
      const wide = { min: 0n, max: 100n };
      const proof = proveRange(group, context, publicKey, enc, 1n, wide);
      assert.ok(verifyRange(group, context, publicKey, enc.ciphertext, wide, proof));
    });

    test('forged proofs that Enc(2) or Enc(−1) lies in [0, 1] fail verification', () => {
      const { publicKey, context } = setup(group);
      for (const message of [2n, -1n]) {
        const enc = rawEncryption(group, publicKey, message);
        for (const pretend of [0n, 1n]) {
          const forged = forgeRangeProof(group, context, publicKey, enc, ZERO_ONE, pretend);
          const equations = rangeEquations(
            group,
            context,
            publicKey,
            enc.ciphertext,
            ZERO_ONE,
            forged
          );
          assert.ok(
            equations !== null,
            'the challenges sum correctly, so only the equations can catch it'
          );
          assert.equal(allHoldUnsafe(group, equations), false);
          assert.equal(batchHoldsUnsafe(group, equations), false);
          assert.equal(
            verifyRange(group, context, publicKey, enc.ciphertext, ZERO_ONE, forged),
            false
          );
        }
        // A proof of Enc(1) pasted onto Enc(m): same commitments, other statement.
        const honest = encryption(group, publicKey, 1n);
        const proof = proveRange(group, context, publicKey, honest, 1n, ZERO_ONE);
        assert.equal(
          verifyRange(group, context, publicKey, enc.ciphertext, ZERO_ONE, proof),
          false
        );
      }
      // Control: the same forger on a true statement is just an honest prover.
      const honest = encryption(group, publicKey, 1n);
      const proof = forgeRangeProof(group, context, publicKey, honest, ZERO_ONE, 1n);
      assert.ok(verifyRange(group, context, publicKey, honest.ciphertext, ZERO_ONE, proof));
    });

    test('a proof with challenges that do not sum to c, or the wrong branch count, gives null', () => {
      const { publicKey, context } = setup(group);
      const enc = encryption(group, publicKey, 0n);
      const proof = proveRange(group, context, publicKey, enc, 0n, ZERO_ONE);
      const [first, second] = proof.branches as [RangeProofBranch, RangeProofBranch];
      const shifted = {
        branches: [{ ...first, challenge: modOrder(first.challenge + 1n) }, second],
      };
      assert.equal(
        rangeEquations(group, context, publicKey, enc.ciphertext, ZERO_ONE, shifted),
        null
      );
      assert.equal(
        rangeEquations(group, context, publicKey, enc.ciphertext, ZERO_ONE, { branches: [first] }),
        null
      );
      const three = { min: 0n, max: 2n };
      assert.equal(rangeEquations(group, context, publicKey, enc.ciphertext, three, proof), null);
      assert.equal(
        verifyRange(group, context, publicKey, enc.ciphertext, ZERO_ONE, shifted),
        false
      );
    });

    test('contest totals: [1, 1] on the sum of a 1-of-n contest, [min, max] for approval', () => {
      const { publicKey, context } = setup(group);
      const prove = (messages: readonly bigint[], range: IntegerRange, claimed: bigint) => {
        const encs = messages.map((m) => encryption(group, publicKey, m));
        const total: Encryption = {
          ciphertext: sumCiphertexts(
            group,
            encs.map((e) => e.ciphertext)
          ),
          randomness: sumRandomness(encs.map((e) => e.randomness)),
        };
        return { total, proof: () => proveRange(group, context, publicKey, total, claimed, range) };
      };
      const one = prove([0n, 0n, 1n, 0n], { min: 1n, max: 1n }, 1n);
      const oneProof = one.proof();
      assert.ok(
        verifyRange(group, context, publicKey, one.total.ciphertext, { min: 1n, max: 1n }, oneProof)
      );
      assert.equal(encodeRangeProof(group, oneProof).length, 128);

      const approval = prove([1n, 0n, 1n, 1n, 0n], { min: 0n, max: 3n }, 3n);
      assert.ok(
        verifyRange(
          group,
          context,
          publicKey,
          approval.total.ciphertext,
          { min: 0n, max: 3n },
          approval.proof()
        )
      );

      // Two marks in a 1-of-n contest: the honest prover refuses, a forger fails.
      const two = prove([1n, 0n, 1n, 0n], { min: 1n, max: 1n }, 2n);
      assert.throws(two.proof, RangeProofError);
      const forged = forgeRangeProof(
        group,
        context,
        publicKey,
        two.total,
        { min: 1n, max: 1n },
        1n
      );
      assert.equal(
        verifyRange(group, context, publicKey, two.total.ciphertext, { min: 1n, max: 1n }, forged),
        false
      );
      // No mark at all is a wrong total too.
      const none = prove([0n, 0n, 0n], { min: 1n, max: 1n }, 0n);
      const forgedNone = forgeRangeProof(
        group,
        context,
        publicKey,
        none.total,
        { min: 1n, max: 1n },
        1n
      );
      assert.equal(
        verifyRange(
          group,
          context,
          publicKey,
          none.total.ciphertext,
          { min: 1n, max: 1n },
          forgedNone
        ),
        false
      );
    });

    test('a proof made for one election, credential, option or key fails for another', () => {
      const { publicKey, context } = setup(group);
      const enc = encryption(group, publicKey, 1n);
      const proof = proveRange(group, context, publicKey, enc, 1n, ZERO_ONE);
      const [credential, option] = context.bindings as [Uint8Array, Uint8Array];
      const others: ProofContext[] = [
        { ...context, baseHash: randomBytes(32) },
        { ...context, bindings: [randomBytes(32), option] },
        { ...context, bindings: [credential, Uint8Array.of(4)] },
        { ...context, bindings: [credential] },
      ];
      for (const other of others) {
        assert.equal(verifyRange(group, other, publicKey, enc.ciphertext, ZERO_ONE, proof), false);
      }
      const otherKey = group.multiplyBase(randomScalar());
      assert.equal(verifyRange(group, context, otherKey, enc.ciphertext, ZERO_ONE, proof), false);
      // The same ciphertext and proof, read as a statement about another range, fails as well.
      assert.equal(
        verifyRange(group, context, publicKey, enc.ciphertext, { min: 1n, max: 2n }, proof),
        false
      );
    });

    test('flipping any byte of the encoded proof or ciphertext makes verification fail', () => {
      const { publicKey, context } = setup(group);
      const range = { min: 0n, max: 2n };
      const enc = encryption(group, publicKey, 2n);
      const proofBytes = encodeRangeProof(
        group,
        proveRange(group, context, publicKey, enc, 2n, range)
      );
      const ciphertextBytes = encodeCiphertext(group, enc.ciphertext);
      const accepts = (proof: Uint8Array, ciphertext: Uint8Array): boolean => {
        let decoded: { proof: RangeProof; ciphertext: Ciphertext };
        try {
          decoded = {
            proof: decodeRangeProof(group, proof, range),
            ciphertext: decodeCiphertext(group, ciphertext, { allowIdentity: false }),
          };
        } catch (error) {
          assert.ok(
            error instanceof RangeError,
            `decoders throw RangeError subclasses, got ${String(error)}`
          );
          return false;
        }
        return verifyRange(group, context, publicKey, decoded.ciphertext, range, decoded.proof);
      };
      assert.ok(accepts(proofBytes, ciphertextBytes));
      const total = proofBytes.length + ciphertextBytes.length;
      fc.assert(
        fc.property(fc.nat({ max: total - 1 }), fc.integer({ min: 1, max: 255 }), (index, mask) => {
          const proof = proofBytes.slice();
          const ciphertext = ciphertextBytes.slice();
          if (index < proof.length) proof[index] = (proof[index] as number) ^ mask;
          else
            ciphertext[index - proof.length] = (ciphertext[index - proof.length] as number) ^ mask;
          assert.equal(accepts(proof, ciphertext), false);
        }),
        { numRuns: group.backend === 'noble' ? 100 : 300 }
      );
    });

    test('decoding round-trips and rejects bad lengths, scalars ≥ ℓ, bad points and the identity', () => {
      const { publicKey, context } = setup(group);
      const enc = encryption(group, publicKey, 0n);
      const proof = proveRange(group, context, publicKey, enc, 0n, ZERO_ONE);
      const bytes = encodeRangeProof(group, proof);
      assert.equal(bytes.length, 256);
      assert.deepEqual(encodeRangeProof(group, decodeRangeProof(group, bytes, ZERO_ONE)), bytes);
      // Two branches' bytes read as a [0, 2] proof, which has three.
      assert.equal(
        refusalCode(() => decodeRangeProof(group, bytes, { min: 0n, max: 2n })),
        'group/wrong-length'
      );
      const withScalar = (offset: number, value: bigint): Uint8Array => {
        const copy = bytes.slice();
        copy.set(encodeScalarUnchecked(value), offset);
        return copy;
      };
      assertRefusals(
        (b) => decodeRangeProof(group, b, ZERO_ONE),
        [
          [bytes.subarray(1), 'group/wrong-length'],
          [withScalar(64, GROUP_ORDER), 'group/scalar-out-of-range'],
          [withScalar(128 + 96, 2n ** 256n - 1n), 'group/scalar-out-of-range'],
          [withFill(bytes, 0xff, 32, 64), 'group/non-canonical-point'],
          [withFill(bytes, 0, 128, 160), 'group/identity-forbidden'],
        ]
      );
      assert.deepEqual(encodeScalar(GROUP_ORDER - 1n), encodeScalarUnchecked(GROUP_ORDER - 1n));
    });

    test('proveRangeWithNonces is deterministic and checks its nonces', () => {
      const { publicKey, context } = setup(group);
      const enc = encryption(group, publicKey, 1n);
      const nonces = { nonce: 5n, simulated: [{ challenge: 7n, response: 11n }] };
      const a = proveRangeWithNonces(group, context, publicKey, enc, 1n, ZERO_ONE, nonces);
      const b = proveRangeWithNonces(group, context, publicKey, enc, 1n, ZERO_ONE, nonces);
      assert.deepEqual(encodeRangeProof(group, a), encodeRangeProof(group, b));
      // The simulated branch j = 0 carries exactly the given (c₀, z₀).
      assert.equal(a.branches[0]?.challenge, 7n);
      assert.equal(a.branches[0]?.response, 11n);
      assert.ok(verifyRange(group, context, publicKey, enc.ciphertext, ZERO_ONE, a));
      assert.throws(() =>
        proveRangeWithNonces(group, context, publicKey, enc, 1n, ZERO_ONE, {
          nonce: 5n,
          simulated: [],
        })
      );
    });
  });
}

/** 32 little-endian bytes of any value below 2^256 (encodeScalar refuses values ≥ ℓ). */
function encodeScalarUnchecked(value: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((value >> BigInt(8 * i)) & 0xffn);
  return out;
}
