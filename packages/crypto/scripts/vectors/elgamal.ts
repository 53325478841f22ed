/**
 * @module Vector area `elgamal` (spec §4.1–§4.2): encryptions (α, β) = (r·G, m·G + r·K) with the
 * randomness given, and homomorphic sums with their decryption β − x·α = (Σ m)·G.
 */
import assert from 'node:assert/strict';
import {
  type Ciphertext,
  type Group,
  bytesToHex,
  decryptToPoint,
  encodeCiphertext,
  encryptWithRandomness,
  hexToBytes,
  nobleGroup,
  sumCiphertexts,
  sumRandomness,
} from '../../src/index.ts';
import type { SeededRandom } from '../../src/test-helpers/seeded-random.ts';
import {
  type SeededContent,
  type VectorArea,
  casesOf,
  pointHex,
  readPoint,
  readScalar,
  scalarHex,
  seededArea,
} from './vector-file.ts';

const SEED = 'scrutineer/vectors/elgamal/v1';

interface EncryptionCase {
  readonly message: string;
  readonly randomness: string;
  readonly alpha: string;
  readonly beta: string;
  /** α ‖ β (spec §2.5). */
  readonly ciphertext: string;
}

interface ElGamalCase {
  readonly name: string;
  readonly kind: 'encryption' | 'sum';
  readonly secretKey: string;
  readonly publicKey: string;
  /** One element for kind `encryption`; the summands for kind `sum`. */
  readonly encryptions: readonly EncryptionCase[];
  /** kind `sum`: Σ ciphertexts, Σ randomness mod ℓ, Σ messages and β − x·α of the sum. */
  readonly sum?: {
    readonly ciphertext: string;
    readonly randomness: string;
    readonly total: string;
    readonly messagePoint: string;
  };
}

function makeElGamalVectors(random: SeededRandom): SeededContent<ElGamalCase> {
  const group = nobleGroup;
  const secretKey = random.scalar();
  const publicKey = group.multiplyBase(secretKey);
  const keys = { secretKey: scalarHex(secretKey), publicKey: pointHex(group, publicKey) };
  const encryptionCase = (
    message: bigint
  ): { entry: EncryptionCase; ciphertext: Ciphertext; randomness: bigint } => {
    const randomness = random.scalar();
    const ciphertext = encryptWithRandomness(group, publicKey, message, randomness);
    const entry = {
      message: message.toString(),
      randomness: scalarHex(randomness),
      alpha: pointHex(group, ciphertext.alpha),
      beta: pointHex(group, ciphertext.beta),
      ciphertext: bytesToHex(encodeCiphertext(group, ciphertext)),
    };
    return { entry, ciphertext, randomness };
  };
  const cases: ElGamalCase[] = [0n, 1n, 2n, 160_000n, 10_000_000n].map((m) => ({
    name: `encryption of ${m}`,
    kind: 'encryption',
    ...keys,
    encryptions: [encryptionCase(m).entry],
  }));
  for (const messages of [
    [1n, 0n, 0n, 1n, 1n],
    [0n, 0n],
    [3n, 1000n, 25n],
  ]) {
    const parts = messages.map(encryptionCase);
    const sum = sumCiphertexts(
      group,
      parts.map((p) => p.ciphertext)
    );
    cases.push({
      name: `sum of encryptions of ${messages.join(', ')}`,
      kind: 'sum',
      ...keys,
      encryptions: parts.map((p) => p.entry),
      sum: {
        ciphertext: bytesToHex(encodeCiphertext(group, sum)),
        randomness: scalarHex(sumRandomness(parts.map((p) => p.randomness))),
        total: messages.reduce((a, b) => a + b, 0n).toString(),
        messagePoint: pointHex(group, decryptToPoint(group, secretKey, sum)),
      },
    });
  }
  return {
    description:
      'Spec §4.1–§4.2: exponential ElGamal on ristretto255. K = x·G; (α, β) = (r·G, m·G + r·K); ' +
      'ciphertext = α ‖ β. Sums add α and β separately; the sum encrypts Σ m under Σ r mod ℓ and ' +
      'decrypts to β − x·α = (Σ m)·G. Scalars are 32-byte little-endian hex, points canonical ' +
      '32-byte hex, messages decimal strings.',
    cases,
  };
}

function checkElGamalVectors(content: unknown, group: Group): void {
  for (const c of casesOf<ElGamalCase>(content)) {
    const secretKey = readScalar(c.secretKey);
    const publicKey = readPoint(group, c.publicKey);
    assert.equal(pointHex(group, group.multiplyBase(secretKey)), c.publicKey, c.name);
    const ciphertexts = c.encryptions.map((e) => {
      const ciphertext = encryptWithRandomness(
        group,
        publicKey,
        BigInt(e.message),
        readScalar(e.randomness)
      );
      assert.equal(bytesToHex(encodeCiphertext(group, ciphertext)), e.ciphertext, c.name);
      assert.equal(e.ciphertext, e.alpha + e.beta, c.name);
      return ciphertext;
    });
    if (c.kind === 'encryption') {
      assert.equal(c.encryptions.length, 1, c.name);
      const decrypted = decryptToPoint(group, secretKey, ciphertexts[0] as Ciphertext);
      assert.ok(
        group.equals(decrypted, group.multiplyBase(BigInt(c.encryptions[0]?.message ?? -1))),
        c.name
      );
      continue;
    }
    assert.ok(c.sum, c.name);
    const sum = sumCiphertexts(group, ciphertexts);
    assert.equal(bytesToHex(encodeCiphertext(group, sum)), c.sum.ciphertext, c.name);
    assert.equal(
      scalarHex(sumRandomness(c.encryptions.map((e) => readScalar(e.randomness)))),
      c.sum.randomness,
      c.name
    );
    const total = BigInt(c.sum.total);
    assert.equal(
      total,
      c.encryptions.reduce((a, e) => a + BigInt(e.message), 0n),
      c.name
    );
    assert.equal(
      pointHex(group, decryptToPoint(group, secretKey, sum)),
      c.sum.messagePoint,
      c.name
    );
    assert.equal(pointHex(group, group.multiplyBase(total)), c.sum.messagePoint, c.name);
    assert.ok(hexToBytes(c.sum.ciphertext).length === 64, c.name);
  }
}

export const elGamalVectors: VectorArea = seededArea({
  file: 'elgamal.json',
  seed: SEED,
  make: makeElGamalVectors,
  check: checkElGamalVectors,
});
