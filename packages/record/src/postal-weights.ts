/**
 * @module Postal papers and weights (spec §13.2.1 step 6): a postal batch holds the papers of one
 * weight class as well as one style; a paper counts its weight in the result and the weighted
 * turnout; the papers of each (style, weight) are bounded by the returns of credentials of that
 * style and weight. Pure rules shared by the board, the CLI, the audit, the declaration and the
 * verifier (V12.7).
 */
import type { Manifest } from './manifest.ts';
import type { PostalCounts } from './postal-audit/audit-arithmetic.ts';

/** Why a postal batch (or hand count) has no fitting weight: the board's code and a message. */
export interface PostalWeightProblem {
  readonly code: 'postal/missing-weight' | 'postal/weight-not-in-manifest' | 'postal/bad-weight';
  readonly message: string;
}

/**
 * Spec §13.2.1 step 6 (V12.7): null if the batch carries a weight exactly when the manifest has
 * weights, and the weight is at most the manifest's `weights.max`.
 */
export function postalWeightProblem(
  manifest: Pick<Manifest, 'weights'>,
  body: { readonly weight?: number | undefined }
): PostalWeightProblem | null {
  if (manifest.weights === undefined)
    return body.weight === undefined
      ? null
      : {
          code: 'postal/weight-not-in-manifest',
          message: `batch has weight ${body.weight} but the manifest has no weights`,
        };
  if (body.weight === undefined)
    return {
      code: 'postal/missing-weight',
      message: 'the manifest has weights: a batch holds the papers of one weight class',
    };
  if (body.weight > manifest.weights.max)
    return {
      code: 'postal/bad-weight',
      message: `weight ${body.weight} is above the manifest's maximum ${manifest.weights.max}`,
    };
  return null;
}

/** The weight a batch's papers count with: its `weight`, or 1 without weights (spec §13.2.1). */
export function postalBatchWeight(body: { readonly weight?: number | undefined }): number {
  return body.weight ?? 1;
}

/**
 * Spec §13.2.1 step 6: a batch of n papers of weight w, as the result and the audit count it —
 * n·w papers of weight 1, each count × w (the identity without weights).
 */
export function weightedPostalCounts<T extends PostalCounts>(body: T): T {
  const w = postalBatchWeight(body);
  if (w === 1) return body;
  return {
    ...body,
    papers: body.papers * w,
    spoilt: body.spoilt * w,
    contests: body.contests.map((entry) => ({
      ...entry,
      counts: entry.counts.map((n) => n * w),
    })),
  };
}

/** The key of a (style, weight) class of postal papers and returns (spec §13.2.1 step 6). */
export function postalClassKey(style: string | undefined, weight: number | undefined): string {
  return `${style ?? ''}/${weight ?? 1}`;
}
