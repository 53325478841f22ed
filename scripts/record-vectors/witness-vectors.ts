/**
 * @module Vectors of the witness statement (spec §10.6.1): the message a witness signs for a
 * checkpoint's size and root, and a reproducible co-signature (a fixed nonce), as a line of
 * `cosignatures.jsonl`, under a manifest that names the witness.
 */
import assert from 'node:assert/strict';
import {
  bytesToHex,
  decodeScalar,
  encodeScalar,
  encodeSignature,
  hexToBytes,
  nobleGroup,
  signWithNonce,
} from '@scrutineer/crypto';
import {
  canonicalize,
  cosignatureFault,
  manifestHash,
  parseManifest,
  witnessMessage,
} from '@scrutineer/record';
import type { RecordVectorArea } from './area.ts';
import { vectorManifest } from './hash-vectors.ts';
import { recordVectorSource, seededStream } from './seeded.ts';

const WITNESS_SEED = 'scrutineer/record-vectors/witness/v1';

function witnessedManifest() {
  // Its own stream: the manifest's stream would hand the witness the board's key.
  const s = seededStream(`${WITNESS_SEED}/witness`);
  const secret = s.scalar();
  const publicKey = bytesToHex(nobleGroup.encodePoint(nobleGroup.multiplyBase(secret)));
  const parsed = parseManifest({
    ...vectorManifest(WITNESS_SEED),
    witnesses: { quorum: 1, members: [{ name: 'The Vector Gazette', publicKey }] },
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { manifest: parsed.value, secret, stream: s };
}

export const witnessArea: RecordVectorArea = {
  file: 'witness.json',
  make: () => {
    const { manifest, secret, stream: s } = witnessedManifest();
    const mHash = manifestHash(manifest);
    const cases = [1, 12, 9_007_199_254_740_991].map((size) => {
      const checkpoint = { size, root: bytesToHex(s.bytes(32)) };
      const message = witnessMessage(manifest.electionId, checkpoint);
      const nonce = s.scalar();
      const signature = bytesToHex(
        encodeSignature(
          nobleGroup,
          signWithNonce(nobleGroup, hexToBytes(mHash), secret, message, nonce)
        )
      );
      const cosignature = {
        ...checkpoint,
        witness: manifest.witnesses?.members[0]?.publicKey ?? '',
        signature,
      };
      return {
        name: `co-signature of size ${size}`,
        manifest,
        manifestHash: mHash,
        witnessSecretKey: bytesToHex(encodeScalar(secret)),
        message: bytesToHex(message),
        nonce: bytesToHex(encodeScalar(nonce)),
        line: canonicalize(cosignature),
      };
    });
    return {
      source: recordVectorSource(WITNESS_SEED, '§10.6.1'),
      description:
        'Spec §10.6.1. message M = SHA-256(frame(utf8("scrutineer/v1/witness-cosignature")) ‖ frame(utf8(electionId)) ‖ frame(u64le(size)) ‖ frame(root)) (10.5); the signature is the §5.4 Schnorr signature A ‖ z under the witness key named in `manifest.witnesses`, with the manifest hash in the base-hash slot, made with the secret nonce `nonce` so that it is reproducible; `line` is the co-signature as a line of cosignatures.jsonl (without its LF).',
      cases,
    };
  },
  check: (content) => {
    for (const c of content.cases) {
      const parsed = parseManifest(c.manifest);
      assert.ok(parsed.ok);
      assert.equal(manifestHash(parsed.value), c.manifestHash);
      const cosignature = JSON.parse(c.line as string) as {
        size: number;
        root: string;
        witness: string;
        signature: string;
      };
      const message = witnessMessage(parsed.value.electionId, cosignature);
      assert.equal(bytesToHex(message), c.message);
      assert.equal(cosignatureFault(nobleGroup, parsed.value, cosignature), null);
      const again = signWithNonce(
        nobleGroup,
        hexToBytes(c.manifestHash as string),
        decodeScalar(hexToBytes(c.witnessSecretKey as string)),
        message,
        decodeScalar(hexToBytes(c.nonce as string))
      );
      assert.equal(bytesToHex(encodeSignature(nobleGroup, again)), cosignature.signature);
      assert.notEqual(
        cosignatureFault(nobleGroup, parsed.value, { ...cosignature, size: cosignature.size + 1 }),
        null
      );
    }
  },
};
