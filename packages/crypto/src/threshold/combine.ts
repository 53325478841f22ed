/**
 * @module Combination of decryption shares (spec §8.3–§8.5): any k valid shares give x·α by
 * Lagrange interpolation at 0, hence M = β − x·α = m·G, and m by the bounded discrete log (§4.3).
 * Every submitted share is checked first; a share whose proof fails is attributed to its trustee
 * and left out, and the combination goes ahead with the other trustees' shares.
 */
import type { Ciphertext } from '../elgamal.ts';
import { discreteLogUnsafe } from '../dlog.ts';
import type { Group, Point } from '../group.ts';
import { DecryptionError } from './decryption-error.ts';
import {
  type DecryptionShare,
  type DecryptionTarget,
  findInvalidDecryptionSharesUnsafe,
} from './decryption-share.ts';
import { lagrangeCoefficientsAtZero } from './lagrange.ts';

/**
 * Spec §8.3 eq. (8.3): M = β − Σ_{l∈S} λₗ·Dₗ with λ over exactly the indices given. No threshold is
 * checked and no proof: with fewer than k shares the result is simply a wrong point (§8.6).
 * Variable time: shares are public.
 */
export function combineSharesUnsafe(
  group: Group,
  ciphertext: Ciphertext,
  shares: readonly { readonly trustee: number; readonly share: Point }[]
): Point {
  const coefficients = lagrangeCoefficientsAtZero(shares.map((s) => s.trustee));
  return combineWithCoefficientsUnsafe(group, ciphertext, shares, coefficients);
}

function combineWithCoefficientsUnsafe(
  group: Group,
  ciphertext: Ciphertext,
  shares: readonly { readonly share: Point }[],
  coefficients: readonly bigint[]
): Point {
  const secretTimesAlpha = group.multiScalarMultiplyUnsafe(
    shares.map((s) => s.share),
    coefficients
  );
  return group.subtract(ciphertext.beta, secretTimesAlpha);
}

/** Why a trustee's submission was left out (spec §8.4). */
export interface DecryptionFault {
  readonly trustee: number;
  readonly code:
    | 'decryption/invalid-proof'
    | 'decryption/wrong-share-count'
    | 'decryption/mixed-trustees'
    | 'decryption/unknown-trustee'
    | 'decryption/duplicate-trustee';
  /** Positions in `targets` whose share fails (for `decryption/invalid-proof`). */
  readonly targets: readonly number[];
  readonly message: string;
}

/** Spec §8.7 D2: a trustee's shares for all targets, in target order. */
export interface DecryptionSubmission {
  readonly trustee: number;
  readonly shares: readonly DecryptionShare[];
}

export interface CombineRequest {
  readonly baseHash: Uint8Array;
  /** k. */
  readonly threshold: number;
  /** V₁…Vₙ from the ceremony (spec §7.6); Vₗ at position l−1. */
  readonly verificationKeys: readonly Point[];
  readonly targets: readonly DecryptionTarget[];
  /** One batch per trustee, each with one share per target in target order (spec §8.7 D2). */
  readonly submissions: readonly DecryptionSubmission[];
}

export interface CombinedDecryption {
  /** Mₜ = mₜ·G for every target, in order. */
  readonly plaintextPoints: readonly Point[];
  /** The k trustees whose shares were combined: the lowest valid indices, ascending. */
  readonly trustees: readonly number[];
  /** Every submission left out, and why. */
  readonly faults: readonly DecryptionFault[];
}

export type CombineOutcome =
  | { readonly ok: true; readonly value: CombinedDecryption }
  | {
      readonly ok: false;
      readonly error: {
        readonly code: 'decryption/too-few-valid-shares';
        readonly threshold: number;
        readonly valid: readonly number[];
        readonly faults: readonly DecryptionFault[];
        readonly message: string;
      };
    };

/**
 * Spec §8.4–§8.5: checks every submission (batched per trustee), attributes each bad one to its
 * trustee, and combines the shares of the k lowest-indexed trustees whose whole batch is valid.
 * Fails with `decryption/too-few-valid-shares` if fewer than k batches are valid.
 */
export function combineDecryptionsUnsafe(group: Group, request: CombineRequest): CombineOutcome {
  const { baseHash, threshold, verificationKeys, targets } = request;
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > verificationKeys.length) {
    throw new DecryptionError('decryption/mismatched-inputs', 'k must be in 1..n');
  }
  const faults: DecryptionFault[] = [];
  const valid = new Map<number, readonly DecryptionShare[]>();
  const fault = (
    trustee: number,
    code: DecryptionFault['code'],
    message: string,
    failed: number[] = []
  ): void => {
    faults.push({ trustee, code, targets: failed, message });
  };

  for (const { trustee, shares } of request.submissions) {
    const verificationKey = verificationKeys[trustee - 1];
    if (shares.length !== targets.length) {
      fault(
        trustee,
        'decryption/wrong-share-count',
        `${shares.length} shares for ${targets.length} targets`
      );
    } else if (shares.some((s) => s.trustee !== trustee)) {
      fault(trustee, 'decryption/mixed-trustees', 'a batch must hold one trustee’s shares');
    } else if (verificationKey === undefined) {
      fault(trustee, 'decryption/unknown-trustee', `no trustee ${trustee}`);
    } else if (valid.has(trustee) || faults.some((f) => f.trustee === trustee)) {
      fault(trustee, 'decryption/duplicate-trustee', 'a second batch from the same trustee');
    } else {
      const invalid = findInvalidDecryptionSharesUnsafe(
        group,
        baseHash,
        verificationKey,
        targets,
        shares
      );
      if (invalid.length === 0) valid.set(trustee, shares);
      else
        fault(
          trustee,
          'decryption/invalid-proof',
          `${invalid.length} shares fail their proof`,
          invalid
        );
    }
  }

  const validTrustees = [...valid.keys()].sort((a, b) => a - b);
  if (validTrustees.length < threshold) {
    const message = `${validTrustees.length} valid share batches; ${threshold} are needed`;
    return {
      ok: false,
      error: {
        code: 'decryption/too-few-valid-shares',
        threshold,
        valid: validTrustees,
        faults,
        message,
      },
    };
  }
  const trustees = validTrustees.slice(0, threshold);
  const coefficients = lagrangeCoefficientsAtZero(trustees);
  const batches = trustees.map((trustee) => valid.get(trustee) as readonly DecryptionShare[]);
  const plaintextPoints = targets.map((target, t) =>
    combineWithCoefficientsUnsafe(
      group,
      target.ciphertext,
      batches.map((batch) => batch[t] as DecryptionShare),
      coefficients
    )
  );
  return { ok: true, value: { plaintextPoints, trustees, faults } };
}

export type PlaintextRecovery =
  | { readonly ok: true; readonly value: readonly bigint[] }
  | {
      readonly ok: false;
      readonly error: {
        readonly code: 'decryption/plaintext-out-of-range';
        /** Positions whose M is not m·G for any m ≤ bound. */
        readonly targets: readonly number[];
        readonly message: string;
      };
    };

/**
 * Spec §8.5 last step: mₜ ∈ [0, bound] from Mₜ = mₜ·G by the bounded discrete log (§4.3). A point
 * outside the bound means a wrong tally or a bound set too low; both are reported, not thrown.
 */
export function recoverPlaintextsUnsafe(
  group: Group,
  plaintextPoints: readonly Point[],
  bound: bigint
): PlaintextRecovery {
  const plaintexts: bigint[] = [];
  const missing: number[] = [];
  plaintextPoints.forEach((point, t) => {
    const plaintext = discreteLogUnsafe(group, point, bound);
    if (plaintext === null) missing.push(t);
    else plaintexts.push(plaintext);
  });
  if (missing.length > 0) {
    const message = `${missing.length} plaintexts are not in [0, ${bound}]`;
    return {
      ok: false,
      error: { code: 'decryption/plaintext-out-of-range', targets: missing, message },
    };
  }
  return { ok: true, value: plaintexts };
}
