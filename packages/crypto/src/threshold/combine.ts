/**
 * @module Combination of decryption shares (spec §8.3–§8.5): any k valid shares give x·α by
 * Lagrange interpolation at 0, hence M = β − x·α = m·G, and m by the bounded discrete log (§4.3).
 * Every submitted share is checked first; a share whose proof fails is attributed to its trustee
 * and left out, and the combination goes ahead with the other trustees' shares.
 */
import type { Ciphertext } from '../elgamal.ts';
import { discreteLogUnsafe } from '../dlog.ts';
import type { Group, Point } from '../group.ts';
import { modOrder } from '../scalar.ts';
import { DecryptionError } from './decryption-error.ts';
import {
  type DecryptionShare,
  type DecryptionTarget,
  findInvalidDecryptionShareBatchesUnsafe,
} from './decryption-share.ts';
import { lagrangeCoefficientsAtZero, scaledLagrangeCoefficientsAtZero } from './lagrange.ts';

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
  /**
   * Spec §8.3 eq. (8.6): combine d·Mₜ = d·β − Σ (d·λₗ)·Dₗ with the small integer multiples d·λₗ
   * instead of Mₜ (the ranked rounds, §11.6, whose table then holds d·m·G). Default false.
   */
  readonly scaled?: boolean;
}

export interface CombinedDecryption {
  /** `scale`·Mₜ = `scale`·mₜ·G for every target, in order. */
  readonly plaintextPoints: readonly Point[];
  /** d when the request was `scaled` (spec §8.3 eq. (8.5)), else 1. */
  readonly scale: bigint;
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
  const screened = screenSubmissions(request);
  const checked = request.submissions.filter((_, s) => screened[s] === null);
  const found = findInvalidDecryptionShareBatchesUnsafe(
    group,
    request.baseHash,
    request.targets,
    checked.map(({ trustee, shares }) => ({
      verificationKey: request.verificationKeys[trustee - 1] as Point,
      shares,
    }))
  );
  let next = 0;
  const invalid = screened.map((fault) => (fault !== null ? [] : (found[next++] as number[])));
  return settleCombination(request, screened, invalid, (trustees, batches) =>
    combineBatchesUnsafe(group, request.targets, trustees, batches, request.scaled)
  );
}

/**
 * Spec §8.4 step 1: per submission, in order, the fault that sets it aside before any proof is
 * checked (wrong count, mixed or unknown trustee, a second batch), or null if its proofs are to be
 * checked. Throws for a k outside 1..n (a caller error).
 */
export function screenSubmissions(request: CombineRequest): (DecryptionFault | null)[] {
  const { threshold, verificationKeys, targets } = request;
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > verificationKeys.length) {
    throw new DecryptionError('decryption/mismatched-inputs', 'k must be in 1..n');
  }
  const seen = new Set<number>();
  return request.submissions.map(({ trustee, shares }) => {
    const fault = (code: DecryptionFault['code'], message: string): DecryptionFault => ({
      trustee,
      code,
      targets: [],
      message,
    });
    const first = !seen.has(trustee);
    seen.add(trustee);
    if (shares.length !== targets.length)
      return fault(
        'decryption/wrong-share-count',
        `${shares.length} shares for ${targets.length} targets`
      );
    if (shares.some((s) => s.trustee !== trustee))
      return fault('decryption/mixed-trustees', 'a batch must hold one trustee’s shares');
    if (verificationKeys[trustee - 1] === undefined)
      return fault('decryption/unknown-trustee', `no trustee ${trustee}`);
    if (!first)
      return fault('decryption/duplicate-trustee', 'a second batch from the same trustee');
    return null;
  });
}

/** The combination of the given trustees' batches (for {@link settleCombination}). */
export type CombineBatches = (
  trustees: readonly number[],
  batches: readonly (readonly DecryptionShare[])[]
) => { readonly plaintextPoints: readonly Point[]; readonly scale: bigint };

/**
 * Spec §8.4 steps 2–3 once every screened submission's proofs are checked (`invalid[s]`: the
 * targets whose share fails): the faults in submission order, then the combination of the k lowest
 * valid trustees, or `decryption/too-few-valid-shares`.
 */
export function settleCombination(
  request: CombineRequest,
  screened: readonly (DecryptionFault | null)[],
  invalid: readonly (readonly number[])[],
  combine: CombineBatches
): CombineOutcome {
  const { threshold } = request;
  const faults: DecryptionFault[] = [];
  const valid = new Map<number, readonly DecryptionShare[]>();
  request.submissions.forEach(({ trustee, shares }, s) => {
    const fault = screened[s];
    const failed = invalid[s] ?? [];
    if (fault !== null && fault !== undefined) faults.push(fault);
    else if (failed.length === 0) valid.set(trustee, shares);
    else
      faults.push({
        trustee,
        code: 'decryption/invalid-proof',
        targets: [...failed],
        message: `${failed.length} shares fail their proof`,
      });
  });
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
  const batches = trustees.map((trustee) => valid.get(trustee) as readonly DecryptionShare[]);
  const { plaintextPoints, scale } = combine(trustees, batches);
  return { ok: true, value: { plaintextPoints, scale, trustees, faults } };
}

/**
 * (8.3), or (8.6) when `scaled`: every target's combination from the batches of `trustees` (one
 * share per target each, already checked). Variable time: shares are public.
 */
export function combineBatchesUnsafe(
  group: Group,
  targets: readonly DecryptionTarget[],
  trustees: readonly number[],
  batches: readonly (readonly { readonly share: Point }[])[],
  scaled = false
): { readonly plaintextPoints: Point[]; readonly scale: bigint } {
  const sharesOf = (t: number) => batches.map((batch) => batch[t] as { readonly share: Point });
  if (!scaled) {
    const coefficients = lagrangeCoefficientsAtZero(trustees);
    const plaintextPoints = targets.map((target, t) =>
      combineWithCoefficientsUnsafe(group, target.ciphertext, sharesOf(t), coefficients)
    );
    return { plaintextPoints, scale: 1n };
  }
  // One multi-scalar multiplication of k + 1 terms whose scalars are a few bits long: d on β and
  // −d·λₗ on each Dₗ (reduced mod ℓ, so the backends take them as small negative multiples).
  const { denominator, coefficients } = scaledLagrangeCoefficientsAtZero(trustees);
  const scalars = [denominator, ...coefficients.map((c) => modOrder(-c))];
  const plaintextPoints = targets.map((target, t) =>
    group.multiScalarMultiplyUnsafe(
      [target.ciphertext.beta, ...sharesOf(t).map((s) => s.share)],
      scalars
    )
  );
  return { plaintextPoints, scale: denominator };
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
