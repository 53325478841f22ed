/**
 * @module Vector area `schnorr` (spec §5.1): proofs of knowledge of x with X = x·G, with the
 * nonce given, the exact challenge input of eq. (5.1) and the 64-byte encoding A ‖ z.
 */
import assert from 'node:assert/strict';
import {
  DomainTag,
  type Group,
  type ProofContext,
  bytesToHex,
  decodeSchnorrProof,
  encodeSchnorrProof,
  hexToBytes,
  nobleGroup,
  schnorrChallenge,
  utf8,
  verifySchnorr,
} from '../../src/index.ts';
import { proveSchnorrWithNonce } from '../../src/proofs/schnorr.ts';
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

const SEED = 'scrutineer/vectors/schnorr/v1';

interface SchnorrCase {
  readonly name: string;
  readonly tag: string;
  readonly baseHash: string;
  readonly bindings: readonly string[];
  readonly secret: string;
  readonly publicKey: string;
  readonly nonce: string;
  readonly commitment: string;
  /** frame(utf8(tag)) ‖ frame(baseHash) ‖ frame(binding)… ‖ frame(X) ‖ frame(A). */
  readonly challengeInput: string;
  readonly challenge: string;
  readonly response: string;
  /** A ‖ z. */
  readonly proof: string;
}

function makeSchnorrVectors(random: SeededRandom): SeededContent<SchnorrCase> {
  const group = nobleGroup;
  const proofCase = (
    name: string,
    secret: bigint,
    bindings: readonly Uint8Array[]
  ): SchnorrCase => {
    const tag = DomainTag.schnorrProof;
    const context: ProofContext = { baseHash: random.bytes(32), bindings };
    const nonce = random.scalar();
    const publicKey = group.multiplyBase(secret);
    const proof = proveSchnorrWithNonce(group, context, secret, nonce, tag);
    const parts = [...bindings, group.encodePoint(publicKey), group.encodePoint(proof.commitment)];
    return {
      name,
      tag,
      baseHash: bytesToHex(context.baseHash),
      bindings: bindings.map(bytesToHex),
      secret: scalarHex(secret),
      publicKey: pointHex(group, publicKey),
      nonce: scalarHex(nonce),
      commitment: pointHex(group, proof.commitment),
      challengeInput: challengeInputHex(tag, context.baseHash, parts),
      challenge: scalarHex(schnorrChallenge(group, tag, context, publicKey, proof.commitment)),
      response: scalarHex(proof.response),
      proof: bytesToHex(encodeSchnorrProof(group, proof)),
    };
  };
  return {
    description:
      'Spec §5.1: Schnorr proof of knowledge of x with X = x·G. A = a·G for the nonce a; ' +
      'c = H(tag, baseHash, bindings…, X, A) (eq. 5.1, with challengeInput the exact SHA-512 input); ' +
      'z = a + c·x mod ℓ; proof = A ‖ z; verification z·G = A + c·X (eq. 5.2). Scalars are ' +
      '32-byte little-endian hex, points canonical 32-byte hex.',
    cases: [
      proofCase('secret 1, no bindings', 1n, []),
      proofCase('random secret, no bindings', random.scalar(), []),
      proofCase('random secret, two bindings', random.scalar(), [
        random.bytes(32),
        utf8('trustee 3'),
      ]),
      proofCase('random secret, an empty binding', random.scalar(), [new Uint8Array(0)]),
    ],
  };
}

function checkSchnorrVectors(content: unknown, group: Group): void {
  for (const c of casesOf<SchnorrCase>(content)) {
    const tag = c.tag as DomainTag;
    const context: ProofContext = {
      baseHash: hexToBytes(c.baseHash),
      bindings: c.bindings.map(hexToBytes),
    };
    const publicKey = readPoint(group, c.publicKey);
    assert.equal(pointHex(group, group.multiplyBase(readScalar(c.secret))), c.publicKey, c.name);
    const proof = decodeSchnorrProof(group, hexToBytes(c.proof));
    assert.equal(c.proof, c.commitment + c.response, c.name);
    assert.equal(pointHex(group, group.multiplyBase(readScalar(c.nonce))), c.commitment, c.name);
    const parts = [...context.bindings, hexToBytes(c.publicKey), hexToBytes(c.commitment)];
    assert.equal(challengeInputHex(tag, context.baseHash, parts), c.challengeInput, c.name);
    assert.equal(
      scalarHex(schnorrChallenge(group, tag, context, publicKey, proof.commitment)),
      c.challenge,
      c.name
    );
    assert.ok(verifySchnorr(group, context, publicKey, proof, tag), c.name);
  }
}

export const schnorrVectors: VectorArea = seededArea({
  file: 'schnorr-proof.json',
  seed: SEED,
  make: makeSchnorrVectors,
  check: checkSchnorrVectors,
});
