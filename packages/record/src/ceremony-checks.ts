/**
 * @module The public checks of one ceremony message (spec §7.3, §7.5, §7.7), shared by the board,
 * which refuses a message that fails them, and the verifier, which attributes the failure to the
 * message's author (spec §7.6). One definition for both means the board never accepts a message
 * the verifier would hold against the record.
 */
import {
  type Group,
  GroupError,
  type TrusteeKey,
  verifyCoefficientCommitments,
  verifyComplaint,
} from '@scrutineer/crypto';
import type { EventBody } from './board-event.ts';
import {
  ceremonyParameters,
  decodeCommitmentsBody,
  decodeComplaintBody,
  decodeSharesBody,
} from './ceremony-wire.ts';
import type { Manifest } from './manifest.ts';

/** Why a ceremony message fails its public check: a code of spec §7.8 (or §2 for a bad point). */
export interface CeremonyMessageFault {
  readonly code: string;
  readonly message: string;
}

const fault = (code: string, message: string): CeremonyMessageFault => ({ code, message });

function decodingFault(error: unknown): CeremonyMessageFault {
  if (error instanceof GroupError) return fault(error.code, error.message);
  return fault('ceremony/wrong-length', (error as Error).message);
}

/**
 * Spec §7.3, public check of M2: exactly k commitments, each a canonical point ≠ O, and the proof
 * of knowledge of the constant term verifies with challenge (7.4). Any failure disqualifies the
 * dealer with `ceremony/invalid-commitments`.
 */
export function checkCommitmentsBody(
  group: Group,
  manifest: Manifest,
  body: EventBody<'trustee-commitments'>
): CeremonyMessageFault | null {
  const parameters = ceremonyParameters(manifest);
  if (body.commitments.length !== parameters.threshold)
    return fault(
      'ceremony/invalid-commitments',
      `${body.commitments.length} commitments; the threshold is ${parameters.threshold}`
    );
  let decoded;
  try {
    decoded = decodeCommitmentsBody(group, body);
  } catch (error) {
    return fault('ceremony/invalid-commitments', decodingFault(error).message);
  }
  if (!verifyCoefficientCommitments(group, parameters, decoded))
    return fault(
      'ceremony/invalid-commitments',
      'a commitment is the identity or the proof of knowledge of the constant term fails'
    );
  return null;
}

/**
 * Spec §7.6 step 2 and §7.7: one decodable M3 for every other trustee, none to the dealer itself,
 * none to an index outside 1…n, none twice.
 */
export function checkSharesBody(
  group: Group,
  manifest: Manifest,
  body: EventBody<'trustee-shares'>
): CeremonyMessageFault | null {
  const n = manifest.trustees.members.length;
  const seen = new Set<number>();
  for (const { recipient } of body.shares) {
    if (recipient < 1 || recipient > n)
      return fault('ceremony/index-out-of-range', `a share for trustee ${recipient}; n is ${n}`);
    if (recipient === body.trustee)
      return fault('ceremony/self-addressed', 'a dealer keeps its own share');
    if (seen.has(recipient))
      return fault('ceremony/duplicate-message', `two shares for trustee ${recipient}`);
    seen.add(recipient);
  }
  for (let l = 1; l <= n; l++)
    if (l !== body.trustee && !seen.has(l))
      return fault('ceremony/missing-share', `no share for trustee ${l}`);
  try {
    decodeSharesBody(group, body);
  } catch (error) {
    return decodingFault(error);
  }
  return null;
}

/**
 * Spec §7.5: a complaint names a share on the record (dealer `body.dealer`'s M3 to the
 * complainer, in `dealerShares`, the dealer's first `trustee-shares`) and proves the shared point
 * it reveals. One that does neither proves nothing (`ceremony/complaint-without-share`,
 * `ceremony/complaint-proof-invalid`).
 */
export function checkComplaintBody(
  group: Group,
  manifest: Manifest,
  trusteeKeys: readonly TrusteeKey[],
  body: EventBody<'trustee-complaint'>,
  dealerShares: EventBody<'trustee-shares'> | undefined
): CeremonyMessageFault | null {
  if (body.dealer === body.trustee)
    return fault('ceremony/self-addressed', 'a trustee cannot complain about its own share');
  const entry = dealerShares?.shares.find((s) => s.recipient === body.trustee);
  const recipientKey = trusteeKeys[body.trustee - 1];
  if (dealerShares === undefined || entry === undefined || recipientKey === undefined)
    return fault(
      'ceremony/complaint-without-share',
      `no published share of dealer ${body.dealer} for trustee ${body.trustee}`
    );
  let complaint;
  let encrypted;
  try {
    complaint = decodeComplaintBody(group, body);
    encrypted = decodeSharesBody(group, { ...dealerShares, shares: [entry] })[0];
  } catch (error) {
    return decodingFault(error);
  }
  if (
    encrypted === undefined ||
    !verifyComplaint(group, ceremonyParameters(manifest), complaint, encrypted, recipientKey)
  )
    return fault(
      'ceremony/complaint-proof-invalid',
      `the proof of trustee ${body.trustee}'s complaint against dealer ${body.dealer} fails`
    );
  return null;
}
