/**
 * @module A trustee's decryption rehearsal share (spec §8.10): its share xₗ applied to the test
 * ciphertext derived from the manifest hash and the election key, with the §8.2 proof bound to the
 * rehearsal hash, signed as a trustee message. The board and the verifier check it with
 * `checkRehearsalShare` (@scrutineer/record).
 */
import {
  type Group,
  type TrusteeKeyPair,
  bytesToHex,
  createDecryptionShares,
  encodeChaumPedersenProof,
} from '@scrutineer/crypto';
import {
  type EventBody,
  type Manifest,
  REHEARSAL_CHECKPOINT,
  manifestHash,
  rehearsalHash,
  rehearsalTarget,
} from '@scrutineer/record';
import { signTrusteeBody } from './trustee.ts';

export function createRehearsalShare(
  group: Group,
  manifest: Manifest,
  electionKeyHex: string,
  key: TrusteeKeyPair,
  secretShare: bigint
): EventBody<'rehearsal-share'> {
  const hash = rehearsalHash(manifestHash(manifest), electionKeyHex);
  const trustee = key.publicKey.trustee;
  const [share] = createDecryptionShares(
    group,
    hash,
    { trustee, secretShare, checkpoint: REHEARSAL_CHECKPOINT },
    [rehearsalTarget(group, hash)]
  );
  if (share === undefined) throw new Error('no rehearsal share');
  return signTrusteeBody(group, manifest, key, 'rehearsal-share', {
    trustee,
    share: bytesToHex(group.encodePoint(share.share)),
    proof: bytesToHex(encodeChaumPedersenProof(group, share.proof)),
  });
}
