/**
 * @module Between board event bodies (hex, spec §9.5) and the crypto core's ceremony and
 * decryption types (spec §7–§8). Decoders validate every point and scalar and throw the crypto
 * core's GroupError on a malformed one; callers that read untrusted records catch it.
 */
import {
  type CeremonyParameters,
  type CoefficientCommitments,
  type DecryptionCheckpoint,
  type DecryptionShare,
  type EncryptedShare,
  type Group,
  type ShareComplaint,
  type TrusteePublicKey,
  bytesToHex,
  decodeChaumPedersenProof,
  decodeSchnorrProof,
  encodeChaumPedersenProof,
  encodeSchnorrProof,
  hexToBytes,
} from '@scrutineer/crypto';
import type { EventBody } from './board-event.ts';
import type { Manifest } from './manifest.ts';
import { manifestHash } from './setup-hashes.ts';

type Unsigned<T> = Omit<T, 'signature'>;

/** Spec §7.1: the ceremony runs in the context of the manifest hash, for the manifest's n and k. */
export function ceremonyParameters(manifest: Manifest): CeremonyParameters {
  return {
    context: hexToBytes(manifestHash(manifest)),
    trusteeCount: manifest.trustees.members.length,
    threshold: manifest.trustees.threshold,
  };
}

/** Spec §9.2.2: the trustees' ceremony keys with their proofs of possession (M1). */
export function trusteeKeysOf(group: Group, manifest: Manifest): TrusteePublicKey[] {
  return manifest.trustees.members.map((member) => ({
    trustee: member.index,
    publicKey: group.decodePoint(hexToBytes(member.publicKey)),
    proof: decodeSchnorrProof(group, hexToBytes(member.keyProof)),
  }));
}

export function decodeCommitmentsBody(
  group: Group,
  body: EventBody<'trustee-commitments'>
): CoefficientCommitments {
  return {
    dealer: body.trustee,
    commitments: body.commitments.map((c) => group.decodePoint(hexToBytes(c))),
    proof: decodeSchnorrProof(group, hexToBytes(body.proof)),
  };
}

export function encodeCommitmentsBody(
  group: Group,
  message: CoefficientCommitments
): Unsigned<EventBody<'trustee-commitments'>> {
  return {
    trustee: message.dealer,
    commitments: message.commitments.map((c) => bytesToHex(group.encodePoint(c))),
    proof: bytesToHex(encodeSchnorrProof(group, message.proof)),
  };
}

export function decodeSharesBody(
  group: Group,
  body: EventBody<'trustee-shares'>
): EncryptedShare[] {
  return body.shares.map((share) => ({
    dealer: body.trustee,
    recipient: share.recipient,
    ephemeralKey: group.decodePoint(hexToBytes(share.ephemeral)),
    ciphertext: hexToBytes(share.ciphertext),
  }));
}

export function encodeSharesBody(
  group: Group,
  dealer: number,
  shares: readonly EncryptedShare[]
): Unsigned<EventBody<'trustee-shares'>> {
  return {
    trustee: dealer,
    shares: shares.map((share) => ({
      recipient: share.recipient,
      ephemeral: bytesToHex(group.encodePoint(share.ephemeralKey)),
      ciphertext: bytesToHex(share.ciphertext),
    })),
  };
}

export function decodeComplaintBody(
  group: Group,
  body: EventBody<'trustee-complaint'>
): ShareComplaint {
  return {
    dealer: body.dealer,
    recipient: body.trustee,
    sharedPoint: group.decodePoint(hexToBytes(body.sharedPoint)),
    proof: decodeChaumPedersenProof(group, hexToBytes(body.proof)),
  };
}

export function encodeComplaintBody(
  group: Group,
  complaint: ShareComplaint
): Unsigned<EventBody<'trustee-complaint'>> {
  return {
    trustee: complaint.recipient,
    dealer: complaint.dealer,
    sharedPoint: bytesToHex(group.encodePoint(complaint.sharedPoint)),
    proof: bytesToHex(encodeChaumPedersenProof(group, complaint.proof)),
  };
}

/** Spec §8.2, §9.5: the checkpoint a `decryption-share` body binds, as its proofs enter it. */
export function decryptionCheckpointOf(
  body: Pick<EventBody<'decryption-share'>, 'checkpoint'>
): DecryptionCheckpoint {
  return { size: body.checkpoint.size, root: hexToBytes(body.checkpoint.root) };
}

/**
 * Spec §9.5, §8.2: a trustee's decryption shares, flattened in (contest, option) order. A share D
 * may be the identity: it is s·α, and α = O for an option no counted ballot reached (an all-postal
 * election, a tally of no online ballot).
 */
export function decodeDecryptionBody(
  group: Group,
  body: EventBody<'decryption-share'>
): DecryptionShare[] {
  const checkpoint = decryptionCheckpointOf(body);
  return body.contests.flatMap((contest) =>
    contest.options.map((option) => ({
      trustee: body.trustee,
      checkpoint,
      // Spec §8.7: Dₗ = xₗ·α is O for an empty aggregate (α = O); the board checks shares with
      // this decoder before appending them, so it must not refuse an honest one.
      share: group.decodePoint(hexToBytes(option.share), { allowIdentity: true }),
      proof: decodeChaumPedersenProof(group, hexToBytes(option.proof)),
    }))
  );
}

/** Spec §9.5: shares in (contest, option) order, shaped by `optionsPerContest`, with the checkpoint they bind. */
export function encodeDecryptionBody(
  group: Group,
  trustee: number,
  checkpoint: DecryptionCheckpoint,
  shares: readonly DecryptionShare[],
  optionsPerContest: readonly number[]
): Unsigned<EventBody<'decryption-share'>> {
  let next = 0;
  return {
    trustee,
    checkpoint: { size: checkpoint.size, root: bytesToHex(checkpoint.root) },
    contests: optionsPerContest.map((count) => ({
      options: shares.slice(next, (next += count)).map((s) => ({
        share: bytesToHex(group.encodePoint(s.share)),
        proof: bytesToHex(encodeChaumPedersenProof(group, s.proof)),
      })),
    })),
  };
}
