/**
 * @module Postal papers and ballot styles (spec §13.2.1): a postal batch holds the papers of one
 * style; its contests outside the style are all zero and exempt from V6.3's lower bound; the
 * papers of each style are bounded by the returns of that style; a contest's postal turnout counts
 * only the batches whose style includes it. Pure rules shared by the board, the CLI, the console,
 * the declaration and the verifier (V12.5, V12.6).
 */
import type { EventBody } from './board-event.ts';
import type { Manifest } from './manifest.ts';
import { styleContestIndexes } from './ballot-styles.ts';

/** Why a postal batch (or hand count) does not fit its style: the board's code and a message. */
export interface PostalStyleProblem {
  readonly code:
    | 'postal/missing-style'
    | 'postal/unknown-style'
    | 'postal/style-not-in-manifest'
    | 'postal/contest-not-in-style';
  readonly message: string;
}

type PostalCounts = Pick<EventBody<'postal-batch'>, 'contests'> & {
  readonly style?: string | undefined;
};

/**
 * Spec §13.2.1 step 2: the manifest indexes of the contests a batch's papers vote in — its style's,
 * or every contest without styles, or when the style is missing or unknown (which V12.5 reports).
 */
export function postalBatchContests(manifest: Manifest, style: string | undefined): number[] {
  const all = manifest.contests.map((_, c) => c);
  if (manifest.styles === undefined || style === undefined) return all;
  return styleContestIndexes(manifest, style) ?? all;
}

/**
 * Spec §13.2.1 step 2 (V12.5): null if the batch carries a style exactly when the manifest has
 * styles, the style is a category of the manifest, and every count of a contest outside it is 0.
 */
export function postalStyleProblem(
  manifest: Manifest,
  body: PostalCounts
): PostalStyleProblem | null {
  if (manifest.styles === undefined)
    return body.style === undefined
      ? null
      : {
          code: 'postal/style-not-in-manifest',
          message: `batch has style ${body.style} but the manifest has no ballot styles`,
        };
  if (body.style === undefined)
    return {
      code: 'postal/missing-style',
      message: 'the manifest has ballot styles: a batch holds the papers of one style',
    };
  const inStyle = styleContestIndexes(manifest, body.style);
  if (inStyle === null)
    return { code: 'postal/unknown-style', message: `no ballot style ${body.style}` };
  for (const [c, contest] of manifest.contests.entries())
    if (!inStyle.includes(c) && (body.contests[c]?.counts ?? []).some((n) => n > 0))
      return {
        code: 'postal/contest-not-in-style',
        message: `a paper of style ${body.style} may not vote in ${contest.id}`,
      };
  return null;
}

/**
 * Spec §13.2.1 step 3 (V12.6): the styles whose batches hold more papers than `postal-received`
 * events of credentials of that style. `papers` and `received` are counted per style id.
 */
export function papersBeyondReturns(
  papers: ReadonlyMap<string, number>,
  received: ReadonlyMap<string, number>
): { readonly style: string; readonly papers: number; readonly received: number }[] {
  return [...papers]
    .map(([style, n]) => ({ style, papers: n, received: received.get(style) ?? 0 }))
    .filter((s) => s.papers > s.received);
}

/**
 * Spec §13.2.1 step 4: per contest, the postal papers and spoilt papers of the batches whose style
 * includes it (every batch without styles, or with a missing or unknown style).
 */
export function postalPapersPerContest(
  manifest: Manifest,
  batches: readonly {
    readonly papers: number;
    readonly spoilt: number;
    readonly style?: string | undefined;
  }[]
): { papers: number; spoilt: number }[] {
  const perContest = manifest.contests.map(() => ({ papers: 0, spoilt: 0 }));
  for (const batch of batches)
    for (const c of postalBatchContests(manifest, batch.style)) {
      const entry = perContest[c];
      if (entry === undefined) continue;
      entry.papers += batch.papers;
      entry.spoilt += batch.spoilt;
    }
  return perContest;
}
