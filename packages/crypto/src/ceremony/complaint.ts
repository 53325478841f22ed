/**
 * @module Verifiable complaints against a dealer (spec §7.5, message M4). A recipient whose share
 * fails to decrypt or fails the Feldman check publishes S′ = eₗ·Y with a Chaum–Pedersen proof that
 * log_G Eₗ = log_Y S′. With S′ anyone re-derives the share key, re-opens the published ciphertext
 * and re-runs the check: the verdict names the dealer (justified) or the complainer (unjustified or
 * unproven). No trust in either party, and no further round, is needed.
 */
import { concatBytes, encodeU32 } from '../bytes.ts';
import type { Group, Point } from '../group.ts';
import { DomainTag } from '../hash.ts';
import type { ProofContext } from '../proof-context.ts';
import {
  type ChaumPedersenProof,
  type EqualLogsStatement,
  decodeChaumPedersenProof,
  encodeChaumPedersenProof,
  proveChaumPedersenWithNonce,
  verifyChaumPedersen,
} from '../proofs/chaum-pedersen.ts';
import { randomScalar } from '../scalar.ts';
import {
  CeremonyError,
  type CeremonyParameters,
  ceremonyProofContext,
} from './ceremony-parameters.ts';
import { type CoefficientCommitments, verifyShare } from './commitments.ts';
import { MessageReader } from './message-reader.ts';
import type { ScalarSource } from './polynomial.ts';
import {
  type EncryptedShare,
  type ShareFaultCode,
  openShareWithSharedPoint,
} from './share-encryption.ts';
import type { TrusteeKey } from './trustee-key.ts';

/** Spec §7.7 M4: recipient l's complaint against dealer i's share. */
export interface ShareComplaint {
  readonly dealer: number;
  /** The complainer. */
  readonly recipient: number;
  /** S′ = eₗ·Y, the shared point of the share's key derivation. */
  readonly sharedPoint: Point;
  /** log_G Eₗ = log_Y S′ under {@link DomainTag.shareComplaintProof}. */
  readonly proof: ChaumPedersenProof;
}

/** Bytes of an encoded {@link ShareComplaint}: u32le dealer ‖ u32le recipient ‖ S′ ‖ A₁ ‖ A₂ ‖ z. */
export const SHARE_COMPLAINT_BYTES = 4 + 4 + 32 * 3 + 32;

/** Who is at fault, and why (spec §7.5, judging steps 1–5). */
export type ComplaintVerdict =
  | {
      readonly faulty: 'dealer';
      readonly trustee: number;
      readonly code: ShareFaultCode;
      readonly message: string;
    }
  | {
      readonly faulty: 'complainer';
      readonly trustee: number;
      readonly code: 'ceremony/complaint-proof-invalid' | 'ceremony/complaint-unjustified';
      readonly message: string;
    };

/**
 * Spec §7.5 eq. (7.10): bindings = (u64le n, u64le k, u64le i, u64le l, ciphertext of M3), so a proof is
 * tied to one published share; the §5.2 statement (G, Eₗ, Y, S′) follows.
 */
export function complaintProofContext(
  parameters: CeremonyParameters,
  encrypted: EncryptedShare
): ProofContext {
  return ceremonyProofContext(
    parameters,
    [encrypted.dealer, encrypted.recipient],
    [encrypted.ciphertext]
  );
}

function complaintStatement(
  group: Group,
  recipientKey: Point,
  encrypted: EncryptedShare,
  sharedPoint: Point
): EqualLogsStatement {
  return {
    base1: group.generator,
    value1: recipientKey,
    base2: encrypted.ephemeralKey,
    value2: sharedPoint,
  };
}

/** Spec §7.5 filing: the recipient reveals S′ = eₗ·Y for this one share and proves it correct. */
export function fileComplaint(
  group: Group,
  parameters: CeremonyParameters,
  recipientSecretKey: bigint,
  recipientKey: TrusteeKey,
  encrypted: EncryptedShare,
  source: ScalarSource = randomScalar
): ShareComplaint {
  if (recipientKey.trustee !== encrypted.recipient) {
    throw new CeremonyError(
      'ceremony/mismatched-messages',
      'only the recipient of a share can complain about it'
    );
  }
  const sharedPoint = group.multiply(encrypted.ephemeralKey, recipientSecretKey);
  const statement = complaintStatement(group, recipientKey.publicKey, encrypted, sharedPoint);
  const proof = proveChaumPedersenWithNonce(
    group,
    DomainTag.shareComplaintProof,
    complaintProofContext(parameters, encrypted),
    statement,
    recipientSecretKey,
    source()
  );
  return { dealer: encrypted.dealer, recipient: encrypted.recipient, sharedPoint, proof };
}

/** Spec §7.5 judging step 1: the complaint names this share and its proof verifies against Eₗ. */
export function verifyComplaint(
  group: Group,
  parameters: CeremonyParameters,
  complaint: ShareComplaint,
  encrypted: EncryptedShare,
  recipientKey: TrusteeKey
): boolean {
  if (complaint.dealer !== encrypted.dealer || complaint.recipient !== encrypted.recipient)
    return false;
  if (recipientKey.trustee !== complaint.recipient) return false;
  const statement = complaintStatement(
    group,
    recipientKey.publicKey,
    encrypted,
    complaint.sharedPoint
  );
  return verifyChaumPedersen(
    group,
    DomainTag.shareComplaintProof,
    complaintProofContext(parameters, encrypted),
    statement,
    complaint.proof
  );
}

/**
 * Spec §7.5 judging steps 1–5, run by anyone: verify the complaint, re-open the share with S′, re-run the
 * Feldman check. A share that fails to open or fails the check convicts the dealer; a share that
 * opens and passes, or a complaint whose proof fails, convicts the complainer.
 * @throws {@link CeremonyError} if the messages given do not belong together (a caller bug).
 */
export function judgeComplaint(
  group: Group,
  parameters: CeremonyParameters,
  evidence: {
    readonly complaint: ShareComplaint;
    readonly encryptedShare: EncryptedShare;
    readonly dealerCommitments: CoefficientCommitments;
    readonly recipientKey: TrusteeKey;
  }
): ComplaintVerdict {
  const { complaint, encryptedShare, dealerCommitments, recipientKey } = evidence;
  if (
    encryptedShare.dealer !== complaint.dealer ||
    encryptedShare.recipient !== complaint.recipient ||
    dealerCommitments.dealer !== complaint.dealer ||
    recipientKey.trustee !== complaint.recipient
  ) {
    throw new CeremonyError(
      'ceremony/mismatched-messages',
      'evidence does not match the complaint'
    );
  }
  if (!verifyComplaint(group, parameters, complaint, encryptedShare, recipientKey)) {
    return {
      faulty: 'complainer',
      trustee: complaint.recipient,
      code: 'ceremony/complaint-proof-invalid',
      message: 'the complaint proof does not verify',
    };
  }
  const opened = openShareWithSharedPoint(
    group,
    parameters,
    encryptedShare,
    recipientKey.publicKey,
    complaint.sharedPoint
  );
  if (!opened.ok) return { faulty: 'dealer', trustee: complaint.dealer, ...opened.error };
  if (!verifyShare(group, dealerCommitments.commitments, complaint.recipient, opened.value)) {
    return {
      faulty: 'dealer',
      trustee: complaint.dealer,
      code: 'ceremony/share-inconsistent',
      message: 'the share fails the Feldman check against the dealer’s commitments',
    };
  }
  return {
    faulty: 'complainer',
    trustee: complaint.recipient,
    code: 'ceremony/complaint-unjustified',
    message: 'the share opens and passes the Feldman check',
  };
}

/** Spec §7.7 M4: u32le dealer ‖ u32le recipient ‖ S′ ‖ A₁ ‖ A₂ ‖ z (136 bytes). */
export function encodeShareComplaint(group: Group, complaint: ShareComplaint): Uint8Array {
  return concatBytes(
    encodeU32(complaint.dealer),
    encodeU32(complaint.recipient),
    group.encodePoint(complaint.sharedPoint),
    encodeChaumPedersenProof(group, complaint.proof)
  );
}

/** Decodes M4, refusing indices outside 1..n, dealer = recipient, identity or non-canonical points, z ≥ ℓ. */
export function decodeShareComplaint(
  group: Group,
  parameters: CeremonyParameters,
  bytes: Uint8Array
): ShareComplaint {
  const reader = new MessageReader(bytes, 'share complaint');
  const dealer = reader.index(parameters.trusteeCount, 'dealer');
  const recipient = reader.index(parameters.trusteeCount, 'recipient');
  if (dealer === recipient)
    throw new CeremonyError('ceremony/self-addressed', 'a trustee cannot complain about itself');
  const sharedPoint = reader.point(group);
  const proof = decodeChaumPedersenProof(group, reader.bytes(96));
  reader.end();
  return { dealer, recipient, sharedPoint, proof };
}
