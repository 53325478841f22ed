/**
 * @module Vector area `chaum-pedersen` (spec §5.2, §5.5): proofs that log_{B₁} X₁ = log_{B₂} X₂,
 * generic and in the decryption-share shape (B₁ = G, X₁ = V, B₂ = α, X₂ = D), with the nonce
 * given, the exact challenge input of eq. (5.3) and the 96-byte encoding A₁ ‖ A₂ ‖ z.
 */
import assert from 'node:assert/strict';
import {
  DomainTag,
  type EqualLogsStatement,
  type Group,
  type ProofContext,
  bytesToHex,
  chaumPedersenChallenge,
  decodeChaumPedersenProof,
  encodeChaumPedersenProof,
  encodeU64,
  hexToBytes,
  nobleGroup,
  verifyChaumPedersen,
} from '../../src/index.ts';
import { proveChaumPedersenWithNonce } from '../../src/proofs/chaum-pedersen.ts';
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

const SEED = 'scrutineer/vectors/chaum-pedersen/v1';

interface ChaumPedersenCase {
  readonly name: string;
  readonly tag: string;
  readonly baseHash: string;
  readonly bindings: readonly string[];
  readonly secret: string;
  readonly base1: string;
  readonly value1: string;
  readonly base2: string;
  readonly value2: string;
  readonly nonce: string;
  readonly commitment1: string;
  readonly commitment2: string;
  /** frame(utf8(tag)) ‖ frame(baseHash) ‖ frame(binding)… ‖ frame(B₁, X₁, B₂, X₂, A₁, A₂ each). */
  readonly challengeInput: string;
  readonly challenge: string;
  readonly response: string;
  /** A₁ ‖ A₂ ‖ z. */
  readonly proof: string;
}

function makeChaumPedersenVectors(random: SeededRandom): SeededContent<ChaumPedersenCase> {
  const group = nobleGroup;
  const proofCase = (
    name: string,
    tag: DomainTag,
    bindings: readonly Uint8Array[],
    secret: bigint,
    base1: ReturnType<Group['multiplyBase']>,
    base2: ReturnType<Group['multiplyBase']>
  ): ChaumPedersenCase => {
    const context: ProofContext = { baseHash: random.bytes(32), bindings };
    const statement: EqualLogsStatement = {
      base1,
      value1: group.multiply(base1, secret),
      base2,
      value2: group.multiply(base2, secret),
    };
    const nonce = random.scalar();
    const proof = proveChaumPedersenWithNonce(group, tag, context, statement, secret, nonce);
    const points = [statement.base1, statement.value1, statement.base2, statement.value2];
    const parts = [
      ...bindings,
      ...[...points, proof.commitment1, proof.commitment2].map((p) => group.encodePoint(p)),
    ];
    return {
      name,
      tag,
      baseHash: bytesToHex(context.baseHash),
      bindings: bindings.map(bytesToHex),
      secret: scalarHex(secret),
      base1: pointHex(group, statement.base1),
      value1: pointHex(group, statement.value1),
      base2: pointHex(group, statement.base2),
      value2: pointHex(group, statement.value2),
      nonce: scalarHex(nonce),
      commitment1: pointHex(group, proof.commitment1),
      commitment2: pointHex(group, proof.commitment2),
      challengeInput: challengeInputHex(tag, context.baseHash, parts),
      challenge: scalarHex(
        chaumPedersenChallenge(group, tag, context, statement, proof.commitment1, proof.commitment2)
      ),
      response: scalarHex(proof.response),
      proof: bytesToHex(encodeChaumPedersenProof(group, proof)),
    };
  };
  const randomPoint = () => group.multiplyBase(random.scalar());
  return {
    description:
      'Spec §5.2: Chaum–Pedersen proof that log_{B₁} X₁ = log_{B₂} X₂ = x. A₁ = a·B₁, A₂ = a·B₂; ' +
      'c = H(tag, baseHash, bindings…, B₁, X₁, B₂, X₂, A₁, A₂) (eq. 5.3, challengeInput is the ' +
      'exact SHA-512 input); z = a + c·x mod ℓ; proof = A₁ ‖ A₂ ‖ z; verification z·B₁ = A₁ + c·X₁ ' +
      'and z·B₂ = A₂ + c·X₂ (eq. 5.4). The decryption-share cases follow spec §5.5 (B₁ = G, ' +
      'B₂ = α of an aggregate ciphertext) with example bindings; the bindings a tally uses are ' +
      'defined in spec §8. ' +
      'Scalars are 32-byte little-endian hex, points canonical 32-byte hex.',
    cases: [
      proofCase(
        'generic bases, no bindings',
        DomainTag.chaumPedersenProof,
        [],
        random.scalar(),
        randomPoint(),
        randomPoint()
      ),
      proofCase(
        'generic bases, one binding',
        DomainTag.chaumPedersenProof,
        [random.bytes(32)],
        random.scalar(),
        randomPoint(),
        randomPoint()
      ),
      proofCase(
        'decryption-share shape',
        DomainTag.decryptionProof,
        [encodeU64(2)],
        random.scalar(),
        group.generator,
        randomPoint()
      ),
      proofCase(
        'decryption-share shape, α = O (empty tally)',
        DomainTag.decryptionProof,
        [encodeU64(1)],
        random.scalar(),
        group.generator,
        group.identity
      ),
    ],
  };
}

function checkChaumPedersenVectors(content: unknown, group: Group): void {
  for (const c of casesOf<ChaumPedersenCase>(content)) {
    const tag = c.tag as DomainTag;
    const context: ProofContext = {
      baseHash: hexToBytes(c.baseHash),
      bindings: c.bindings.map(hexToBytes),
    };
    const statement: EqualLogsStatement = {
      base1: readPoint(group, c.base1),
      value1: readPoint(group, c.value1),
      base2: readPoint(group, c.base2),
      value2: readPoint(group, c.value2),
    };
    const secret = readScalar(c.secret);
    assert.equal(pointHex(group, group.multiply(statement.base1, secret)), c.value1, c.name);
    assert.equal(pointHex(group, group.multiply(statement.base2, secret)), c.value2, c.name);
    const nonce = readScalar(c.nonce);
    assert.equal(pointHex(group, group.multiply(statement.base1, nonce)), c.commitment1, c.name);
    assert.equal(pointHex(group, group.multiply(statement.base2, nonce)), c.commitment2, c.name);
    assert.equal(c.proof, c.commitment1 + c.commitment2 + c.response, c.name);
    const proof = decodeChaumPedersenProof(group, hexToBytes(c.proof));
    const parts = [c.base1, c.value1, c.base2, c.value2, c.commitment1, c.commitment2].map(
      hexToBytes
    );
    assert.equal(
      challengeInputHex(tag, context.baseHash, [...context.bindings, ...parts]),
      c.challengeInput,
      c.name
    );
    const challenge = chaumPedersenChallenge(
      group,
      tag,
      context,
      statement,
      proof.commitment1,
      proof.commitment2
    );
    assert.equal(scalarHex(challenge), c.challenge, c.name);
    assert.ok(verifyChaumPedersen(group, tag, context, statement, proof), c.name);
  }
}

export const chaumPedersenVectors: VectorArea = seededArea({
  file: 'chaum-pedersen-proof.json',
  seed: SEED,
  make: makeChaumPedersenVectors,
  check: checkChaumPedersenVectors,
});
