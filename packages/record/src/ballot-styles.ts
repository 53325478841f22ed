/**
 * @module Ballot styles and weights (spec §13.1–§13.4): which contests a credential votes in and
 * how many times its ballot counts, both read from the `credentials` event that published it
 * (a replacement inherits both). Pure rules shared by the board, the booth and the verifier.
 */
import { ballotContestIndexes, type BallotShape } from './ballot.ts';
import type { EventBody } from './board-event.ts';
import type { Manifest } from './manifest.ts';
import { type RecordError, recordError } from './result.ts';

/** What the manifest binds to one credential: its category (with styles) and weight (1 without). */
export interface CredentialTerms {
  readonly style?: string;
  readonly weight: number;
}

/** Spec §13.1: the manifest indexes of the contests a category votes in, or null if no such category. */
export function styleContestIndexes(manifest: Manifest, style: string): number[] | null {
  const category = manifest.styles?.categories.find((c) => c.id === style);
  if (category === undefined) return null;
  return category.contests.map((id) => manifest.contests.findIndex((c) => c.id === id));
}

/** The contests a credential votes in (all of them without styles), as manifest indexes. */
export function contestsOfTerms(manifest: Manifest, terms: CredentialTerms): number[] | null {
  if (manifest.styles === undefined) return manifest.contests.map((_, c) => c);
  return terms.style === undefined ? null : styleContestIndexes(manifest, terms.style);
}

/**
 * Spec §13.1, §13.4 (V12.1): the terms of each key of a `credentials` body, and the first reason,
 * if any, why the body does not carry exactly the styles and weights the manifest calls for. The
 * terms are read as far as they go (a missing weight is 1, a missing or unknown style none), so one
 * fault does not spread to every ballot.
 */
export function credentialTerms(
  manifest: Manifest,
  body: EventBody<'credentials'>
): { readonly terms: CredentialTerms[]; readonly error: RecordError | null } {
  const { keys, styles, weights } = body;
  const problems: RecordError[] = [];
  if ((styles !== undefined) !== (manifest.styles !== undefined))
    problems.push(
      recordError(
        'record/styles-mismatch',
        manifest.styles === undefined
          ? 'styles published but the manifest has none'
          : 'the manifest has ballot styles but the credentials carry none',
        '/styles'
      )
    );
  if ((weights !== undefined) !== (manifest.weights !== undefined))
    problems.push(
      recordError(
        'record/weights-mismatch',
        manifest.weights === undefined
          ? 'weights published but the manifest has none'
          : 'the manifest has weights but the credentials carry none',
        '/weights'
      )
    );
  if (styles !== undefined && styles.length !== keys.length)
    problems.push(recordError('record/styles-mismatch', 'one style per key', '/styles'));
  if (weights !== undefined && weights.length !== keys.length)
    problems.push(recordError('record/weights-mismatch', 'one weight per key', '/weights'));
  const max = manifest.weights?.max ?? 1;
  const terms: CredentialTerms[] = [];
  for (const [i] of keys.entries()) {
    let style = manifest.styles === undefined ? undefined : styles?.[i];
    let weight = manifest.weights === undefined ? 1 : (weights?.[i] ?? 1);
    if (style !== undefined && styleContestIndexes(manifest, style) === null) {
      problems.push(recordError('record/unknown-category', `no category ${style}`, `/styles/${i}`));
      style = undefined;
    }
    if (weight > max) {
      problems.push(
        recordError('record/weight-too-large', `weight ${weight} > ${max}`, `/weights/${i}`)
      );
      weight = 1;
    }
    terms.push(style === undefined ? { weight } : { style, weight });
  }
  return { terms, error: problems[0] ?? null };
}

/**
 * Spec §13.3 (V12.2): the categories holding fewer credentials than `minCategorySize` (but some):
 * a category that small would come close to naming its members on the board.
 */
export function smallCategories(
  manifest: Manifest,
  counts: ReadonlyMap<string, number>
): { readonly id: string; readonly count: number }[] {
  const min = manifest.styles?.minCategorySize ?? 0;
  return [...counts]
    .filter(([, count]) => count > 0 && count < min)
    .map(([id, count]) => ({ id, count }));
}

/**
 * Spec §13.2 (V12.3): null if the ballot covers exactly the contests of its credential's style, in
 * manifest order; else `record/contest-not-in-style` naming the first contest it may not vote in,
 * or `record/style-incomplete` if it leaves out one of its contests.
 */
export function styleRefusal(
  manifest: Manifest,
  terms: CredentialTerms,
  ballot: BallotShape
): RecordError | null {
  const allowed = contestsOfTerms(manifest, terms);
  const got = ballotContestIndexes(manifest, ballot);
  if (allowed === null || got === null)
    return recordError('record/contest-not-in-style', 'the credential has no ballot style', '/');
  const forbidden = got.find((c) => !allowed.includes(c));
  if (forbidden !== undefined)
    return recordError(
      'record/contest-not-in-style',
      `the credential may not vote in ${manifest.contests[forbidden]?.id ?? forbidden}`,
      '/contests'
    );
  if (got.length !== allowed.length)
    return recordError(
      'record/style-incomplete',
      `the credential's style has ${allowed.length} contests; the ballot covers ${got.length}`,
      '/contests'
    );
  return null;
}

/**
 * Spec §13.6: the bound of the bounded discrete log (§4.3) for a tally: no option can exceed the
 * total weight of the counted ballots (their number without weights), capped at 2⁴⁰.
 */
export function tallyDecryptionBound(tally: EventBody<'encrypted-tally'>): bigint {
  const bound = BigInt(tally.weight ?? tally.ballots);
  return bound > 2n ** 40n ? 2n ** 40n : bound;
}
