/**
 * @module Vector area `range-proof` (spec §5.3): disjunctive proofs that a ciphertext encrypts
 * m ∈ [min, max] — per-option [0, 1], a 1-of-n contest total [1, 1] on a sum of ciphertexts, and
 * wider ranges — with every nonce given and the exact challenge input of eq. (5.6).
 */
import assert from 'node:assert/strict';
import {
  type Encryption,
  type Group,
  type IntegerRange,
  type ProofContext,
  DomainTag,
  bytesToHex,
  decodeRangeProof,
  encodeCiphertext,
  encodeRangeProof,
  encodeU64,
  encryptWithRandomness,
  hexToBytes,
  nobleGroup,
  rangeChallenge,
  sumCiphertexts,
  sumRandomness,
  verifyRange,
} from '../../src/index.ts';
import { proveRangeWithNonces } from '../../src/proofs/range.ts';
import type { SeededRandom } from '../../src/test-helpers/seeded-random.ts';
import {
  type SeededContent,
  type VectorArea,
  casesOf,
  challengeInputHex,
  pointHex,
  readPoint,
  readScalar,
  scalarHex,
  seededArea,
} from './vector-file.ts';

const SEED = 'scrutineer/vectors/range-proof/v1';

interface EncryptionEntry {
  readonly message: string;
  readonly randomness: string;
  readonly alpha: string;
  readonly beta: string;
}

interface RangeCase {
  readonly name: string;
  readonly baseHash: string;
  readonly bindings: readonly string[];
  /** x, given so the case can be decrypted; the prover never needs it. */
  readonly secretKey: string;
  readonly publicKey: string;
  readonly min: string;
  readonly max: string;
  /** For a contest total: the option encryptions whose sum is the proved ciphertext. */
  readonly components?: readonly EncryptionEntry[];
  /** The proved encryption (for a total: the sums of the components). */
  readonly encryption: EncryptionEntry;
  /** u, and (c_j, z_j) of each simulated branch j ≠ m in increasing j. */
  readonly nonces: {
    readonly nonce: string;
    readonly simulated: readonly {
      readonly j: string;
      readonly challenge: string;
      readonly response: string;
    }[];
  };
  /** frame(utf8(tag)) ‖ frame(baseHash) ‖ frame(binding)… ‖ frame(K, α, β, u64(min), u64(max), a_j, b_j…). */
  readonly challengeInput: string;
  readonly challenge: string;
  readonly branches: readonly {
    readonly j: string;
    readonly commitment1: string;
    readonly commitment2: string;
    readonly challenge: string;
    readonly response: string;
  }[];
  /** a_j ‖ b_j ‖ c_j ‖ z_j for j = min…max. */
  readonly proof: string;
}

function entry(group: Group, message: bigint, encryption: Encryption): EncryptionEntry {
  return {
    message: message.toString(),
    randomness: scalarHex(encryption.randomness),
    alpha: pointHex(group, encryption.ciphertext.alpha),
    beta: pointHex(group, encryption.ciphertext.beta),
  };
}

function makeRangeVectors(random: SeededRandom): SeededContent<RangeCase> {
  const group = nobleGroup;
  const secretKey = random.scalar();
  const publicKey = group.multiplyBase(secretKey);
  const encryptionOf = (message: bigint): Encryption => {
    const randomness = random.scalar();
    return { ciphertext: encryptWithRandomness(group, publicKey, message, randomness), randomness };
  };
  const rangeCase = (
    name: string,
    range: IntegerRange,
    message: bigint,
    encryption: Encryption,
    bindings: readonly Uint8Array[],
    components?: readonly EncryptionEntry[]
  ): RangeCase => {
    const context: ProofContext = { baseHash: random.bytes(32), bindings };
    const simulatedJs: bigint[] = [];
    for (let j = range.min; j <= range.max; j++) if (j !== message) simulatedJs.push(j);
    const nonces = {
      nonce: random.scalar(),
      simulated: simulatedJs.map(() => ({ challenge: random.scalar(), response: random.scalar() })),
    };
    const proof = proveRangeWithNonces(
      group,
      context,
      publicKey,
      encryption,
      message,
      range,
      nonces
    );
    const { ciphertext } = encryption;
    const parts = [
      ...bindings,
      group.encodePoint(publicKey),
      group.encodePoint(ciphertext.alpha),
      group.encodePoint(ciphertext.beta),
      encodeU64(range.min),
      encodeU64(range.max),
      ...proof.branches.flatMap((b) => [
        group.encodePoint(b.commitment1),
        group.encodePoint(b.commitment2),
      ]),
    ];
    return {
      name,
      baseHash: bytesToHex(context.baseHash),
      bindings: bindings.map(bytesToHex),
      secretKey: scalarHex(secretKey),
      publicKey: pointHex(group, publicKey),
      min: range.min.toString(),
      max: range.max.toString(),
      ...(components === undefined ? {} : { components }),
      encryption: entry(group, message, encryption),
      nonces: {
        nonce: scalarHex(nonces.nonce),
        simulated: nonces.simulated.map((s, i) => ({
          j: (simulatedJs[i] as bigint).toString(),
          challenge: scalarHex(s.challenge),
          response: scalarHex(s.response),
        })),
      },
      challengeInput: challengeInputHex(DomainTag.rangeProof, context.baseHash, parts),
      challenge: scalarHex(
        rangeChallenge(group, context, publicKey, ciphertext, range, proof.branches)
      ),
      branches: proof.branches.map((b, i) => ({
        j: (range.min + BigInt(i)).toString(),
        commitment1: pointHex(group, b.commitment1),
        commitment2: pointHex(group, b.commitment2),
        challenge: scalarHex(b.challenge),
        response: scalarHex(b.response),
      })),
      proof: bytesToHex(encodeRangeProof(group, proof)),
    };
  };
  const credential = random.bytes(32);
  const optionBindings = (contest: number, option: number) => [
    credential,
    encodeU64(contest),
    encodeU64(option),
  ];
  const options = [0n, 0n, 1n, 0n].map((m) => ({ message: m, encryption: encryptionOf(m) }));
  const total: Encryption = {
    ciphertext: sumCiphertexts(
      group,
      options.map((o) => o.encryption.ciphertext)
    ),
    randomness: sumRandomness(options.map((o) => o.encryption.randomness)),
  };
  return {
    description:
      'Spec §5.3: disjunctive (CDS) proof that (α, β) = (r·G, m·G + r·K) encrypts m ∈ [min, max]. ' +
      'For j ≠ m the branch is simulated from the given (c_j, z_j): a_j = z_j·G − c_j·α, ' +
      'b_j = z_j·K − c_j·(β − j·G); for j = m, a_m = u·G and b_m = u·K with the nonce u. ' +
      'c = H(range-proof tag, baseHash, bindings…, K, α, β, u64le(min), u64le(max), a_min, b_min, …, ' +
      'a_max, b_max) (eq. 5.6; challengeInput is the exact SHA-512 input); c_m = c − Σ_{j≠m} c_j, ' +
      'z_m = u + c_m·r. proof = a_j ‖ b_j ‖ c_j ‖ z_j for j = min…max. Bindings in the examples are ' +
      '(credential key, u64le(contest), u64le(option)) for an option and (credential key, ' +
      'u64le(contest)) for a total. Scalars are 32-byte little-endian hex, points canonical 32-byte ' +
      'hex, integers decimal strings.',
    cases: [
      rangeCase(
        'option proof [0, 1], m = 0',
        { min: 0n, max: 1n },
        0n,
        encryptionOf(0n),
        optionBindings(0, 0)
      ),
      rangeCase(
        'option proof [0, 1], m = 1',
        { min: 0n, max: 1n },
        1n,
        encryptionOf(1n),
        optionBindings(0, 1)
      ),
      rangeCase(
        '1-of-4 contest total [1, 1] on the sum of the option ciphertexts',
        { min: 1n, max: 1n },
        1n,
        total,
        [credential, encodeU64(1)],
        options.map((o) => entry(group, o.message, o.encryption))
      ),
      rangeCase('approval total [0, 3], m = 2', { min: 0n, max: 3n }, 2n, encryptionOf(2n), [
        credential,
        encodeU64(2),
      ]),
      rangeCase('range [2, 5], m = 5, no bindings', { min: 2n, max: 5n }, 5n, encryptionOf(5n), []),
    ],
  };
}

function checkRangeVectors(content: unknown, group: Group): void {
  for (const c of casesOf<RangeCase>(content)) {
    const context: ProofContext = {
      baseHash: hexToBytes(c.baseHash),
      bindings: c.bindings.map(hexToBytes),
    };
    const range = { min: BigInt(c.min), max: BigInt(c.max) };
    const publicKey = readPoint(group, c.publicKey);
    assert.equal(pointHex(group, group.multiplyBase(readScalar(c.secretKey))), c.publicKey, c.name);
    const message = BigInt(c.encryption.message);
    const randomness = readScalar(c.encryption.randomness);
    const ciphertext = encryptWithRandomness(group, publicKey, message, randomness);
    assert.equal(
      pointHex(group, ciphertext.alpha) + pointHex(group, ciphertext.beta),
      c.encryption.alpha + c.encryption.beta,
      c.name
    );
    if (c.components) {
      const sum = sumCiphertexts(
        group,
        c.components.map((e) =>
          encryptWithRandomness(group, publicKey, BigInt(e.message), readScalar(e.randomness))
        )
      );
      assert.equal(
        bytesToHex(encodeCiphertext(group, sum)),
        c.encryption.alpha + c.encryption.beta,
        c.name
      );
      assert.equal(
        scalarHex(sumRandomness(c.components.map((e) => readScalar(e.randomness)))),
        c.encryption.randomness
      );
    }
    const proof = decodeRangeProof(group, hexToBytes(c.proof), range);
    assert.equal(
      c.proof,
      c.branches.map((b) => b.commitment1 + b.commitment2 + b.challenge + b.response).join('')
    );
    const parts = [
      ...context.bindings,
      hexToBytes(c.publicKey),
      hexToBytes(c.encryption.alpha),
      hexToBytes(c.encryption.beta),
      encodeU64(range.min),
      encodeU64(range.max),
      ...c.branches.flatMap((b) => [hexToBytes(b.commitment1), hexToBytes(b.commitment2)]),
    ];
    assert.equal(
      challengeInputHex(DomainTag.rangeProof, context.baseHash, parts),
      c.challengeInput,
      c.name
    );
    assert.equal(
      scalarHex(rangeChallenge(group, context, publicKey, ciphertext, range, proof.branches)),
      c.challenge
    );
    assert.ok(verifyRange(group, context, publicKey, ciphertext, range, proof), c.name);
    // The simulated branches carry exactly the given (c_j, z_j); the real one is derived.
    for (const simulated of c.nonces.simulated) {
      const branch = c.branches.find((b) => b.j === simulated.j);
      assert.deepEqual(
        [branch?.challenge, branch?.response],
        [simulated.challenge, simulated.response],
        c.name
      );
    }
    const real = c.branches.find((b) => b.j === c.encryption.message);
    assert.ok(real, c.name);
    assert.equal(
      pointHex(group, group.multiplyBase(readScalar(c.nonces.nonce))),
      real.commitment1,
      c.name
    );
  }
}

export const rangeVectors: VectorArea = seededArea({
  file: 'range-proof.json',
  seed: SEED,
  make: makeRangeVectors,
  check: checkRangeVectors,
});
