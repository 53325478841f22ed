/**
 * @module The decryption rehearsal (spec §8.10): after the key ceremony and before voting opens,
 * trustees decrypt a test ciphertext with the secret share they will use at the tally, so that a
 * lost or unreadable key file is found while the election can still be re-run or cancelled.
 *
 * The test ciphertext is not chosen by anyone: it is derived from the manifest hash and the
 * election key (§8.10 eq. 8.10a), two points from hash output (RFC 9496 §4.3.4), so its plaintext
 * is unknown to everyone and it can never be a ballot's or the tally's ciphertext (an officer who
 * could choose it could have a ballot decrypted). The share's proof is the §8.2 decryption proof
 * with the rehearsal hash hᵣ in place of the base hash and checkpoint (0, 0³²): a rehearsal share
 * is never valid as a tally share. One definition for the board, which refuses a share that fails
 * this check, and the verifier (V3.7).
 */
import {
  type DecryptionShare,
  type DecryptionTarget,
  type Group,
  decodeChaumPedersenProof,
  frameParts,
  hexToBytes,
  sha256,
  sha512,
  utf8,
  verifyDecryptionShare,
  RecordTag,
} from '@scrutineer/crypto';
import type { EventBody } from './board-event.ts';
import type { Manifest } from './manifest.ts';
import { manifestHash } from './setup-hashes.ts';
import { trusteeMessage, verifyStatement } from './signed-statements.ts';
import { trusteeKeysOf } from './ceremony-wire.ts';

/** The checkpoint a rehearsal proof binds: none (size 0, root 0³²). */
export const REHEARSAL_CHECKPOINT = { size: 0, root: new Uint8Array(32) } as const;

/** Spec §8.10 eq. (8.10a): hᵣ = SHA-256(frame(the rehearsal tag, manifest hash, K)). */
export function rehearsalHash(manifestHashHex: string, electionKeyHex: string): Uint8Array {
  return sha256(
    frameParts([utf8(RecordTag.rehearsal), hexToBytes(manifestHashHex), hexToBytes(electionKeyHex)])
  );
}

/** Spec §8.10: the test ciphertext (α, β), each from 64 bytes of SHA-512 over hᵣ and a label. */
export function rehearsalTarget(group: Group, hash: Uint8Array): DecryptionTarget {
  const point = (label: string) =>
    group.pointFromUniformBytes(sha512(frameParts([utf8(label), hash])));
  return {
    ciphertext: {
      alpha: point(RecordTag.rehearsalAlpha),
      beta: point(RecordTag.rehearsalBeta),
    },
    bindings: [utf8('rehearsal')],
  };
}

/** Why a rehearsal share fails its check (spec §8.10). */
export interface RehearsalFault {
  readonly code:
    'rehearsal/unknown-trustee' | 'rehearsal/invalid-signature' | 'rehearsal/invalid-proof';
  readonly message: string;
}

/**
 * Spec §8.10: a `rehearsal-share` is signed by its listed trustee and its proof verifies against
 * that trustee's verification key Vₗ of the published `election-key`. Returns null if it passes.
 */
export function checkRehearsalShare(
  group: Group,
  manifest: Manifest,
  electionKey: EventBody<'election-key'>,
  body: EventBody<'rehearsal-share'>
): RehearsalFault | null {
  const trusteeKey = trusteeKeysOf(group, manifest).find((k) => k.trustee === body.trustee);
  const verificationKey = electionKey.verificationKeys[body.trustee - 1];
  if (trusteeKey === undefined || verificationKey === undefined)
    return {
      code: 'rehearsal/unknown-trustee',
      message: `trustee ${body.trustee} is not listed`,
    };
  const hash = manifestHash(manifest);
  if (
    !verifyStatement(
      group,
      hash,
      trusteeKey.publicKey,
      trusteeMessage('rehearsal-share', body),
      body.signature
    )
  )
    return {
      code: 'rehearsal/invalid-signature',
      message: `the rehearsal share of trustee ${body.trustee} is not signed by that trustee`,
    };
  let valid: boolean;
  try {
    const share: DecryptionShare = {
      trustee: body.trustee,
      checkpoint: REHEARSAL_CHECKPOINT,
      share: group.decodePoint(hexToBytes(body.share), { allowIdentity: false }),
      proof: decodeChaumPedersenProof(group, hexToBytes(body.proof)),
    };
    valid = verifyDecryptionShare(
      group,
      rehearsalHash(hash, electionKey.publicKey),
      group.decodePoint(hexToBytes(verificationKey)),
      rehearsalTarget(group, rehearsalHash(hash, electionKey.publicKey)),
      share
    );
  } catch {
    valid = false;
  }
  return valid
    ? null
    : {
        code: 'rehearsal/invalid-proof',
        message: `the rehearsal share of trustee ${body.trustee} does not prove decryption with the share its verification key names`,
      };
}
