/**
 * @module A sampled batch's hand count as the officer types it (spec §9.8): the body of
 * `postal-audit-count`, checked against the manifest before anything is posted. Shared by
 * `scrutineer postal audit count` and the console's audit form, so both post the same body.
 */
import type { EventBody, Manifest } from '@scrutineer/record';

/** What the officer typed; `counts` is per contest (split by `/`) the candidates' counts in ballot order, e.g. `289,146/10,3`. */
export interface HandCountText {
  readonly batch: string;
  readonly papers: string;
  readonly spoilt: string;
  readonly counts: string;
}

/** Throws an Error naming the field (`--papers`, `--counts` …) when the text is not a count the manifest allows. */
export function parseHandCount(
  manifest: Manifest,
  options: HandCountText
): EventBody<'postal-audit-count'> {
  const whole = (name: string, text: string): number => {
    if (!/^\d{1,15}$/.test(text.trim()))
      throw new Error(`--${name}: a whole number, not "${text}"`);
    return Number(text.trim());
  };
  const contests = options.counts.split('/').map((part, c) => {
    const counts = part.split(',').map((n) => whole('counts', n));
    const expected = manifest.contests[c]?.candidates.length;
    if (counts.length !== expected)
      throw new Error(
        `--counts: contest ${c + 1} has ${expected ?? 'no'} candidates, ${counts.length} counts were given`
      );
    return { counts };
  });
  if (contests.length !== manifest.contests.length)
    throw new Error(`--counts: ${manifest.contests.length} contests separated by "/"`);
  return {
    batch: options.batch,
    papers: whole('papers', options.papers),
    spoilt: whole('spoilt', options.spoilt),
    contests,
  };
}
