/**
 * @module The public conclusion of a key ceremony (spec §7.6): from the published messages alone,
 * anyone (server, trustees, verifier) computes the same qualified set Q, the joint election key K
 * and every trustee's verification key Vₗ, and the same attribution of every fault.
 */
import type { Group, Point } from '../group.ts';
import {
  CeremonyError,
  type CeremonyParameters,
  assertTrusteeIndex,
  validateCeremonyParameters,
} from './ceremony-parameters.ts';
import {
  type CoefficientCommitments,
  electionKey,
  verificationKeyUnsafe,
  verifyCoefficientCommitments,
} from './commitments.ts';
import { type ShareComplaint, judgeComplaint } from './complaint.ts';
import type { EncryptedShare, ShareFaultCode } from './share-encryption.ts';
import { type TrusteeKey, findInvalidTrusteeKey } from './trustee-key.ts';

/** Everything published during the ceremony (messages M1–M4 of spec §7.7), in any order. */
export interface CeremonyTranscript {
  /** E₁…Eₙ from the manifest (spec §9.2.2), in index order. */
  readonly trusteeKeys: readonly TrusteeKey[];
  readonly commitments: readonly CoefficientCommitments[];
  readonly encryptedShares: readonly EncryptedShare[];
  readonly complaints: readonly ShareComplaint[];
}

export type DisqualificationCode =
  | 'ceremony/missing-commitments'
  | 'ceremony/invalid-commitments'
  | 'ceremony/duplicate-message'
  | 'ceremony/missing-share'
  | ShareFaultCode;

/** Why a dealer is not in Q; `complainer` is set when a justified complaint convicted it. */
export interface DealerDisqualification {
  readonly dealer: number;
  readonly code: DisqualificationCode;
  readonly message: string;
  readonly complainer?: number;
}

/** A complaint that convicted its own author (spec §7.5). */
export interface ComplaintRejection {
  readonly complainer: number;
  readonly dealer: number;
  readonly code: 'ceremony/complaint-proof-invalid' | 'ceremony/complaint-unjustified';
  readonly message: string;
}

/** Spec §7.6: the public result of a successful ceremony. */
export interface CeremonyResult {
  /** Q, ascending. */
  readonly qualified: readonly number[];
  /** One entry per dealer outside Q, ascending by dealer. */
  readonly disqualified: readonly DealerDisqualification[];
  readonly rejectedComplaints: readonly ComplaintRejection[];
  /** K = Σ_{i∈Q} Cᵢ₀. */
  readonly electionKey: Point;
  /** V₁…Vₙ (Vₗ at position l−1), Vₗ = xₗ·G. */
  readonly verificationKeys: readonly Point[];
}

export type CeremonyFailure =
  | {
      readonly code: 'ceremony/invalid-trustee-key';
      readonly trustee: number;
      readonly message: string;
    }
  | { readonly code: 'ceremony/degenerate-key'; readonly message: string }
  | {
      readonly code: 'ceremony/too-few-qualified';
      readonly threshold: number;
      readonly qualified: readonly number[];
      readonly disqualified: readonly DealerDisqualification[];
      readonly rejectedComplaints: readonly ComplaintRejection[];
      readonly message: string;
    };

export type CeremonyOutcome =
  | { readonly ok: true; readonly value: CeremonyResult }
  | { readonly ok: false; readonly error: CeremonyFailure };

/**
 * Spec §7.6 steps 0–5. Messages must carry indices in 1..n (the decoders guarantee it).
 * @throws {@link CeremonyError} on a malformed transcript (keys not E₁…Eₙ, an index out of range).
 */
export function concludeCeremony(
  group: Group,
  parameters: CeremonyParameters,
  transcript: CeremonyTranscript
): CeremonyOutcome {
  validateCeremonyParameters(parameters);
  const n = parameters.trusteeCount;
  const invalidKey = findInvalidTrusteeKey(group, parameters, transcript.trusteeKeys);
  if (invalidKey !== null) {
    const message = `trustee ${invalidKey}'s ceremony key is the identity or repeats another; the ceremony cannot proceed`;
    return {
      ok: false,
      error: { code: 'ceremony/invalid-trustee-key', trustee: invalidKey, message },
    };
  }

  const disqualified = new Map<number, DealerDisqualification>();
  const disqualify = (entry: DealerDisqualification): void => {
    if (!disqualified.has(entry.dealer)) disqualified.set(entry.dealer, entry);
  };

  // Step 1: exactly one valid M2 per dealer.
  const commitments = new Map<number, CoefficientCommitments>();
  for (const message of transcript.commitments) {
    assertTrusteeIndex(parameters, message.dealer, 'dealer');
    if (commitments.has(message.dealer)) {
      disqualify({
        dealer: message.dealer,
        code: 'ceremony/duplicate-message',
        message: 'two commitment messages',
      });
    }
    commitments.set(message.dealer, message);
  }
  for (let dealer = 1; dealer <= n; dealer++) {
    const message = commitments.get(dealer);
    if (message === undefined) {
      disqualify({
        dealer,
        code: 'ceremony/missing-commitments',
        message: 'no commitment message',
      });
    } else if (!verifyCoefficientCommitments(group, parameters, message)) {
      disqualify({
        dealer,
        code: 'ceremony/invalid-commitments',
        message: 'commitments or their proof invalid',
      });
    }
  }

  // Step 2: exactly one M3 from every dealer to every other trustee.
  const shares = new Map<string, EncryptedShare>();
  for (const share of transcript.encryptedShares) {
    assertTrusteeIndex(parameters, share.dealer, 'dealer');
    assertTrusteeIndex(parameters, share.recipient, 'recipient');
    const key = `${share.dealer}:${share.recipient}`;
    if (shares.has(key)) {
      disqualify({
        dealer: share.dealer,
        code: 'ceremony/duplicate-message',
        message: `two shares for ${share.recipient}`,
      });
    }
    shares.set(key, share);
  }
  for (let dealer = 1; dealer <= n; dealer++) {
    for (let recipient = 1; recipient <= n; recipient++) {
      if (recipient !== dealer && !shares.has(`${dealer}:${recipient}`)) {
        disqualify({
          dealer,
          code: 'ceremony/missing-share',
          message: `no share for trustee ${recipient}`,
        });
      }
    }
  }

  // Steps 3–4: judge every complaint whose evidence is on the record (a complaint about a missing
  // share is moot: the dealer is already out for step 2).
  const rejectedComplaints: ComplaintRejection[] = [];
  for (const complaint of transcript.complaints) {
    assertTrusteeIndex(parameters, complaint.dealer, 'dealer');
    assertTrusteeIndex(parameters, complaint.recipient, 'recipient');
    const encryptedShare = shares.get(`${complaint.dealer}:${complaint.recipient}`);
    const dealerCommitments = commitments.get(complaint.dealer);
    const recipientKey = transcript.trusteeKeys[complaint.recipient - 1];
    if (
      encryptedShare === undefined ||
      dealerCommitments === undefined ||
      recipientKey === undefined
    )
      continue;
    const verdict = judgeComplaint(group, parameters, {
      complaint,
      encryptedShare,
      dealerCommitments,
      recipientKey,
    });
    if (verdict.faulty === 'dealer') {
      disqualify({
        dealer: verdict.trustee,
        code: verdict.code,
        message: verdict.message,
        complainer: complaint.recipient,
      });
    } else {
      rejectedComplaints.push({
        complainer: verdict.trustee,
        dealer: complaint.dealer,
        code: verdict.code,
        message: verdict.message,
      });
    }
  }

  // Step 5: Q, and the threshold.
  const qualified: number[] = [];
  for (let dealer = 1; dealer <= n; dealer++) if (!disqualified.has(dealer)) qualified.push(dealer);
  const disqualifiedList = [...disqualified.values()].sort((a, b) => a.dealer - b.dealer);
  if (qualified.length < parameters.threshold) {
    const message = `only ${qualified.length} qualified dealers; the threshold is ${parameters.threshold}`;
    return {
      ok: false,
      error: {
        code: 'ceremony/too-few-qualified',
        threshold: parameters.threshold,
        qualified,
        disqualified: disqualifiedList,
        rejectedComplaints,
        message,
      },
    };
  }

  // Step 6: K and V₁…Vₙ from the qualified commitments.
  const qualifiedCommitments = qualified.map((dealer) => {
    const message = commitments.get(dealer);
    if (message === undefined)
      throw new CeremonyError('ceremony/mismatched-messages', 'qualified without M2');
    return message;
  });
  const verificationKeys: Point[] = [];
  for (let trustee = 1; trustee <= n; trustee++) {
    verificationKeys.push(verificationKeyUnsafe(group, qualifiedCommitments, trustee));
  }
  const key = electionKey(group, qualifiedCommitments);
  // Spec §2.3.3: K and every Vₗ are public keys and may not be O. With the proofs of knowledge
  // of every Cᵢ₀ this happens with negligible probability; refusing it costs one test each.
  if (group.isIdentity(key) || verificationKeys.some((v) => group.isIdentity(v))) {
    const message = 'the election key or a verification key is the identity';
    return { ok: false, error: { code: 'ceremony/degenerate-key', message } };
  }
  return {
    ok: true,
    value: {
      qualified,
      disqualified: disqualifiedList,
      rejectedComplaints,
      electionKey: key,
      verificationKeys,
    },
  };
}
