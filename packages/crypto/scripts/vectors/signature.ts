/**
 * @module Vector area `signature` (spec §5.4): credential signatures with the nonce given, the
 * exact challenge input of eq. (5.9) and the 64-byte encoding A ‖ z.
 */
import assert from 'node:assert/strict';
import {
  DomainTag,
  type Group,
  bytesToHex,
  decodeSignature,
  encodeSignature,
  hexToBytes,
  nobleGroup,
  signatureChallenge,
  utf8,
  verifySignature,
} from '../../src/index.ts';
import { signWithNonce } from '../../src/signature.ts';
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

const SEED = 'scrutineer/vectors/signature/v1';

interface SignatureCase {
  readonly name: string;
  readonly baseHash: string;
  readonly secretKey: string;
  readonly publicKey: string;
  readonly message: string;
  readonly nonce: string;
  readonly commitment: string;
  /** frame(utf8(tag)) ‖ frame(baseHash) ‖ frame(message) ‖ frame(X) ‖ frame(A). */
  readonly challengeInput: string;
  readonly challenge: string;
  readonly response: string;
  /** A ‖ z. */
  readonly signature: string;
}

function makeSignatureVectors(random: SeededRandom): SeededContent<SignatureCase> {
  const group = nobleGroup;
  const signatureCase = (name: string, message: Uint8Array): SignatureCase => {
    const baseHash = random.bytes(32);
    const secretKey = random.scalar();
    const nonce = random.scalar();
    const publicKey = group.multiplyBase(secretKey);
    const signature = signWithNonce(group, baseHash, secretKey, message, nonce);
    const parts = [message, group.encodePoint(publicKey), group.encodePoint(signature.commitment)];
    return {
      name,
      baseHash: bytesToHex(baseHash),
      secretKey: scalarHex(secretKey),
      publicKey: pointHex(group, publicKey),
      message: bytesToHex(message),
      nonce: scalarHex(nonce),
      commitment: pointHex(group, signature.commitment),
      challengeInput: challengeInputHex(DomainTag.signature, baseHash, parts),
      challenge: scalarHex(
        signatureChallenge(group, baseHash, publicKey, message, signature.commitment)
      ),
      response: scalarHex(signature.response),
      signature: bytesToHex(encodeSignature(group, signature)),
    };
  };
  return {
    description:
      'Spec §5.4: Schnorr signature by a credential key X = x·G. A = a·G for the nonce a; ' +
      'c = H(signature tag, baseHash, message, X, A) (eq. 5.9; challengeInput is the exact SHA-512 ' +
      'input); z = a + c·x mod ℓ; signature = A ‖ z; verification z·G = A + c·X (eq. 5.10). ' +
      'Scalars are 32-byte little-endian hex, points canonical 32-byte hex, the message raw hex.',
    cases: [
      signatureCase('empty message', new Uint8Array(0)),
      signatureCase('short text message', utf8('ballot tracker 1')),
      signatureCase('300-byte message', random.bytes(300)),
    ],
  };
}

function checkSignatureVectors(content: unknown, group: Group): void {
  for (const c of casesOf<SignatureCase>(content)) {
    const baseHash = hexToBytes(c.baseHash);
    const message = hexToBytes(c.message);
    const publicKey = readPoint(group, c.publicKey);
    assert.equal(pointHex(group, group.multiplyBase(readScalar(c.secretKey))), c.publicKey, c.name);
    assert.equal(pointHex(group, group.multiplyBase(readScalar(c.nonce))), c.commitment, c.name);
    assert.equal(c.signature, c.commitment + c.response, c.name);
    const signature = decodeSignature(group, hexToBytes(c.signature));
    const parts = [message, hexToBytes(c.publicKey), hexToBytes(c.commitment)];
    assert.equal(challengeInputHex(DomainTag.signature, baseHash, parts), c.challengeInput, c.name);
    assert.equal(
      scalarHex(signatureChallenge(group, baseHash, publicKey, message, signature.commitment)),
      c.challenge,
      c.name
    );
    assert.ok(verifySignature(group, baseHash, publicKey, message, signature), c.name);
  }
}

export const signatureVectors: VectorArea = seededArea({
  file: 'signature.json',
  seed: SEED,
  make: makeSignatureVectors,
  check: checkSignatureVectors,
});
